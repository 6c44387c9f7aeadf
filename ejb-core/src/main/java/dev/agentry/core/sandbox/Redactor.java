package dev.agentry.core.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from everything a run writes: each registered value in the forms it is likely to
 * leak in (as is, Base64 and Base64url with and without padding, URL-encoded, lower- and upper-case
 * hex), the value encoded inside a larger Base64 or Base64url text (an HTTP Basic {@code user:secret},
 * {@code Bearer secret}, a JSON document...), and anything that looks like a well-known key by its
 * prefix, whether or not it was registered.
 *
 * <p>How the embedded case works: Base64 encodes three bytes at a time, so the secret's own characters
 * inside {@code base64(prefix + secret + suffix)} depend on where it starts modulo 3 — and only its first
 * and last one or two bytes share groups with the neighbours. For each of the three alignments the
 * redactor registers the encoding of the secret's whole groups (its "core": the secret without the 0–2
 * bytes that complete the prefix's group, cut to whole groups). Any Base64 text that holds the secret
 * holds one of the three cores; the whole run of Base64 characters around it is masked, so neither the
 * user part of a Basic credential nor the secret's edge bytes remain. Cores under {@link #MIN_CORE_BYTES}
 * are not registered (too short to mean the secret); such a value is still masked in its direct forms.
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

    /** The shortest run of whole groups that is taken as the secret inside other Base64 text. */
    static final int MIN_CORE_BYTES = 6;

    private final List<String> forms;
    private final List<String> cores;

    private Redactor(List<String> forms, List<String> cores) {
        this.forms = forms;
        this.cores = cores;
    }

    public static Redactor none() {
        return of(List.of());
    }

    public static Redactor of(List<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        Set<String> cores = new LinkedHashSet<>();
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
            forms.add(HexFormat.of().withUpperCase().formatHex(bytes));
            for (int skip = 0; skip < 3; skip++) {
                int whole = (bytes.length - skip) / 3 * 3;
                if (whole >= MIN_CORE_BYTES) {
                    byte[] core = Arrays.copyOfRange(bytes, skip, skip + whole);
                    cores.add(Base64.getEncoder().encodeToString(core));
                    cores.add(Base64.getUrlEncoder().encodeToString(core));
                }
            }
        }
        List<String> longestFirst = new ArrayList<>(forms);
        // A longer form may contain a shorter one (padding); mask the longer one whole.
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(longestFirst), List.copyOf(cores));
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        // Encoded runs first: a literal form masked first would leave the rest of its run (a Basic user).
        for (String core : cores) {
            result = maskEncodedRuns(result, core);
        }
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

    /** Masks every whole run of Base64(url) characters, padding included, that contains the core. */
    private static String maskEncodedRuns(String text, String core) {
        int at = text.indexOf(core);
        if (at < 0) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int copied = 0;
        while (at >= 0) {
            int start = at;
            while (start > copied && isBase64(text.charAt(start - 1)) && !inEscape(text, start - 1)) {
                start--;
            }
            int end = at + core.length();
            while (end < text.length() && isBase64(text.charAt(end))) {
                end++;
            }
            while (end < text.length() && text.charAt(end) == '=') {
                end++;
            }
            masked.append(text, copied, start).append(MASK);
            copied = end;
            at = text.indexOf(core, end);
        }
        return masked.append(text, copied, text.length()).toString();
    }

    /**
     * Whether the character belongs to a backslash escape ({@code \n}, {@code \u00e9}): the redactor
     * often works on JSON text, which must stay parseable, so a masked run never swallows an escape.
     */
    private static boolean inEscape(String text, int at) {
        for (int back = 1; back <= 5 && at - back >= 0; back++) {
            if (text.charAt(at - back) == '\\' && (back == 1 || (text.charAt(at - back + 1) == 'u'))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '+'
                || c == '/'
                || c == '-'
                || c == '_';
    }

    public byte[] redact(byte[] bytes) {
        return redact(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }
}
