package dev.agentry.core.policy;

import dev.agentry.persistence.policy.Credential;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a credential event tells receivers: who, never a secret or a hash. */
final class CredentialEvents {

    private CredentialEvents() {}

    static Map<String, Object> data(Credential credential) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("credentialId", credential.getUid());
        data.put("clientId", credential.getClientId());
        data.put("name", credential.getName());
        data.put("owner", credential.getOwner());
        data.put(
                "expiresAt",
                credential.getExpiresAt() == null
                        ? null
                        : credential.getExpiresAt().toString());
        return data;
    }
}
