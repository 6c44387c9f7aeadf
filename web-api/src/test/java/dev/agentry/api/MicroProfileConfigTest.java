package dev.agentry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.core.policy.TokenAudience;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MicroProfileConfigTest {

    @Test
    void theVerifierExpectsTheIssuerTheTokenServiceSigns() throws IOException {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            config.load(in);
        }

        assertEquals(
                "${agentry.public-url:" + TokenAudience.DEFAULT_PUBLIC_URL + "}",
                config.getProperty("mp.jwt.verify.issuer"));
    }
}
