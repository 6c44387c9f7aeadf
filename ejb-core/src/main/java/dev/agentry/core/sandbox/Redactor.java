package dev.agentry.core.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from everything a run writes: each registered value in the forms it is likely to
 * leak in (as is, Base64 and Base64url with and without padding, URL-encoded, hex), and anything that
 * looks like a well-known key by its prefix, whether or not it was registered.
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    /** Key shapes recognised by prefix: Agentry client and webhook secrets, common vendors' keys. */
    private static final Pattern KNOWN_KEYS = Pattern.compile(
            "agy_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9+/=]{16,}|sk-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}"
                    + "|github_pat_[A-Za-z0-9_]{20,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}");

    /** Every literal each {@link #KNOWN_KEYS} alternative starts with. */
    private static final List<String> KNOWN_PREFIXES = List.of(
            "agy_",
            "whsec_",
            "sk-",
            "gho_",
            "ghp_",
            "ghu_",
            "ghs_",
            "ghr_",
            "github_pat_",
            "AKIA",
            "xoxa-",
            "xoxb-",
            "xoxp-",
            "xoxr-",
            "xoxs-");

    /** Values shorter than this are not registered: masking "a" everywhere would destroy the evidence. */
    static final int MIN_SECRET_LENGTH = 4;

    private final List<String> forms;

    private Redactor(List<String> forms) {
        this.forms = forms;
    }

    public static Redactor none() {
        return of(List.of());
    }

    public static Redactor of(List<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
                continue;
            }
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            forms.add(secret);
            forms.add(Base64.getEncoder().encodeToString(bytes));
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
            forms.add(Base64.getUrlEncoder().encodeToString(bytes));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            forms.add(HexFormat.of().formatHex(bytes));
        }
        List<String> longestFirst = new ArrayList<>(forms);
        // A longer form may contain a shorter one (padding); mask the longer one whole.
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(longestFirst));
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String form : forms) {
            if (result.contains(form)) {
                result = result.replace(form, MASK);
            }
        }
        // The pattern is tried at every position; a plain search for the prefixes first is far cheaper
        // on the large texts (patches, transcripts) that hold none.
        for (String prefix : KNOWN_PREFIXES) {
            if (result.contains(prefix)) {
                return KNOWN_KEYS.matcher(result).replaceAll(MASK);
            }
        }
        return result;
    }

    public byte[] redact(byte[] bytes) {
        return redact(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }
}
