package dev.agentry.core.policy;

import dev.agentry.persistence.policy.Credential;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened to a credential that its subscribers hear about, fired in the transaction
 * that did it; the webhooks feature observes it and puts it in the outbox, so a rolled-back change
 * announces nothing. Tells who, never a secret or a hash.
 *
 * @param type the event type, one of the constants here
 * @param credentialId the credential's public id
 * @param data what receivers are told
 */
public record CredentialEvent(String type, String credentialId, Map<String, Object> data) {

    public static final String EXPIRING = "credential.expiring";
    public static final String REVOKED = "credential.revoked";

    public CredentialEvent {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    static CredentialEvent of(String type, Credential credential) {
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
        return new CredentialEvent(type, credential.getUid(), data);
    }
}
