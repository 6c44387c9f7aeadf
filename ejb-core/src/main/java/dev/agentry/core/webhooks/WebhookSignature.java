package dev.agentry.core.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code v1,} and the Base64 HMAC-SHA256 of {@code id.timestamp.body}
 * under each secret's key (the Base64 after {@code whsec_}), space-separated.
 */
final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {}

    /** The {@code webhook-signature} header for {@code body}, one signature per secret. */
    public static String header(List<String> secrets, String id, long timestampSeconds, String body) {
        return new Signer().header(secrets, id, timestampSeconds, body);
    }

    /**
     * Signs with an HMAC of its own, used by one thread at a time: looking the algorithm up for every
     * delivery costs more than the signature.
     */
    static final class Signer {

        private final Mac mac;

        Signer() {
            try {
                mac = Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }

        String header(List<String> secrets, String id, long timestampSeconds, String body) {
            byte[] signed = (id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
            return secrets.stream().map(secret -> "v1," + sign(secret, signed)).collect(Collectors.joining(" "));
        }

        private String sign(String secret, byte[] content) {
            if (!secret.startsWith(SECRET_PREFIX)) {
                throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
            }
            byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
            try {
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("an HmacSHA256 key of any length is valid", e);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal(content));
        }
    }
}
