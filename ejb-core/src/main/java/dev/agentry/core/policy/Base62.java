package dev.agentry.core.policy;

import java.math.BigInteger;

/** Base62 text for identifiers and secrets: letters and digits only, so they survive copy and paste. */
final class Base62 {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);

    private Base62() {}

    /** Encodes an unsigned number, left-padded with '0' to {@code width} characters. */
    static String encode(BigInteger value, int width) {
        StringBuilder text = new StringBuilder();
        BigInteger rest = value;
        while (rest.signum() > 0) {
            BigInteger[] qr = rest.divideAndRemainder(BASE);
            text.append(ALPHABET.charAt(qr[1].intValue()));
            rest = qr[0];
        }
        while (text.length() < width) {
            text.append('0');
        }
        return text.reverse().toString();
    }

    static String encode(byte[] bytes, int width) {
        return encode(new BigInteger(1, bytes), width);
    }

    static boolean isBase62(String text) {
        return text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
