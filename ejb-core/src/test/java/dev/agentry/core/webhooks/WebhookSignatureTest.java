package dev.agentry.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks specification computes them. */
class WebhookSignatureTest {

    // The specification's own example (standard-webhooks, spec/standard-webhooks.md).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void matchesTheSpecificationsExample() {
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.header(List.of(SECRET), ID, TIMESTAMP, BODY));
    }

    @Test
    void duringARotationEachSecretSignsSpaceSeparated() {
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String header = WebhookSignature.header(List.of(SECRET, other), ID, TIMESTAMP, BODY);
        String[] signatures = header.split(" ");
        assertEquals(2, signatures.length);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signatures[0]);
        assertEquals(WebhookSignature.header(List.of(other), ID, TIMESTAMP, BODY), signatures[1]);
    }

    @Test
    void aSecretWithoutItsPrefixIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> WebhookSignature.header(List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), ID, TIMESTAMP, BODY));
    }
}
