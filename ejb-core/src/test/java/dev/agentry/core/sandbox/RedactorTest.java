package dev.agentry.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String SECRET = "s3cr3t+/value=with?chars";

    @Test
    void aRegisteredValueIsMaskedInEveryEncodingItIsLikelyToLeakIn() {
        Redactor redactor = Redactor.of(List.of(SECRET));
        byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
        for (String form : List.of(
                SECRET,
                Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().withoutPadding().encodeToString(bytes),
                Base64.getUrlEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                URLEncoder.encode(SECRET, StandardCharsets.UTF_8),
                HexFormat.of().formatHex(bytes))) {
            String redacted = redactor.redact("before " + form + " after");
            assertEquals("before [REDACTED] after", redacted, form);
        }
    }

    @Test
    void upperCaseHexIsMaskedToo() {
        String hex = HexFormat.of().withUpperCase().formatHex(SECRET.getBytes(StandardCharsets.UTF_8));
        assertEquals("x=[REDACTED];", Redactor.of(List.of(SECRET)).redact("x=" + hex + ";"));
    }

    @Test
    void theSecretInsideABase64WrapperIsMaskedWholeWhateverItsAlignment() {
        Redactor redactor = Redactor.of(List.of(SECRET));
        // Every user length modulo 3 puts the secret at another alignment in the encoding.
        List<String> wrapped = new java.util.ArrayList<>();
        for (String user : List.of("", "a", "ab", "abc", "admin", "build-bot")) {
            wrapped.add(user + ":" + SECRET);
        }
        wrapped.add("Bearer " + SECRET);
        wrapped.add("{\"token\":\"" + SECRET + "\",\"n\":1}");
        for (String plain : wrapped) {
            byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
            for (String encoded : List.of(
                    Base64.getEncoder().encodeToString(bytes),
                    Base64.getEncoder().withoutPadding().encodeToString(bytes),
                    Base64.getUrlEncoder().encodeToString(bytes),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))) {
                assertEquals(
                        "Authorization: Basic [REDACTED]\n",
                        redactor.redact("Authorization: Basic " + encoded + "\n"),
                        plain + " as " + encoded);
            }
        }
    }

    @Test
    void anEightByteSecretIsFoundInsideBase64AtEveryAlignment() {
        String secret = "8bytes!!";
        Redactor redactor = Redactor.of(List.of(secret));
        for (String user : List.of("a", "ab", "abc")) {
            String encoded = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
            assertEquals("Basic [REDACTED]", redactor.redact("Basic " + encoded), user + ":" + secret);
        }
    }

    @Test
    void maskingAnEncodedRunKeepsJsonEscapesIntact() {
        String encoded = Base64.getEncoder().encodeToString(("u:" + SECRET).getBytes(StandardCharsets.UTF_8));
        // JSON text as the loop redacts it, with escapes right before each encoded run.
        String json = "{\"stdout\":\"line\\n" + encoded + "\\n\\u00e9" + encoded + "\\tend\"}";
        String redacted = Redactor.of(List.of(SECRET)).redact(json);
        try (JsonReader reader = Json.createReader(new StringReader(redacted))) {
            assertEquals(
                    "line\n[REDACTED]\n\u00e9[REDACTED]\tend",
                    reader.readObject().getString("stdout"),
                    redacted);
        }
    }

    @Test
    void base64ThatDoesNotHoldTheSecretIsLeftAlone() {
        String other =
                Base64.getEncoder().encodeToString("admin:another-password-entirely".getBytes(StandardCharsets.UTF_8));
        String text = "Authorization: Basic " + other + " and plain words";
        assertEquals(text, Redactor.of(List.of(SECRET)).redact(text));
    }

    @Test
    void wellKnownKeyShapesAreMaskedWithoutBeingRegistered() {
        Redactor redactor = Redactor.none();
        for (String key : List.of(
                "agy_0123456789abcdefghij",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "sk-proj-abcdefghijklmnopqrstuvwxyz",
                "ghp_abcdefghijklmnopqrstuvwxyz0123",
                "AKIAABCDEFGHIJKLMNOP")) {
            assertFalse(redactor.redact("key=" + key).contains(key), key);
        }
        assertEquals("sk-short stays", redactor.redact("sk-short stays"));
    }

    @Test
    void valuesTooShortToMeanAnythingAreNotRegistered() {
        assertEquals("a b c", Redactor.of(List.of("a", "")).redact("a b c"));
    }
}
