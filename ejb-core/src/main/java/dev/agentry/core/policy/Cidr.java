package dev.agentry.core.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network, or a single address. Only literal addresses are accepted, never host
 * names, so parsing never touches DNS. IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) are the
 * IPv4 address they carry, in rules and in callers' addresses alike.
 *
 * @param network the network address, with the host bits cleared
 * @param prefixLength how many leading bits must match
 */
public record Cidr(byte[] network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** The entry as a network, or nothing when it is not a literal address or CIDR. */
    public static Optional<Cidr> parse(String entry) {
        if (entry == null) {
            return Optional.empty();
        }
        String text = entry.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        Optional<byte[]> bytes = literal(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        int bits = bytes.get().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String suffix = text.substring(slash + 1);
            if (!suffix.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(suffix);
            // An IPv4-mapped rule keeps its meaning after it is read as IPv4.
            if (isMapped(address)) {
                prefix -= 96;
            }
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cidr(mask(bytes.get(), prefix), prefix));
    }

    /** A caller's address in canonical form: IPv4-mapped IPv6 becomes IPv4. */
    public static Optional<byte[]> literal(String address) {
        if (address == null || address.isEmpty()) {
            return Optional.empty();
        }
        boolean v4 = IPV4.matcher(address).matches();
        boolean v6 = !v4 && address.contains(":") && IPV6.matcher(address).matches();
        if (!v4 && !v6) {
            return Optional.empty(); // never a host name: InetAddress would resolve it
        }
        if (v4 && Arrays.stream(address.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return Optional.of(unmap(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether every address of this network is also in {@code outer}. */
    public boolean within(Cidr outer) {
        return outer.prefixLength <= prefixLength && outer.contains(network);
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(address, prefixLength), network);
    }

    private static boolean isMapped(String address) {
        return address.contains(":") && literalIsMapped(address);
    }

    private static boolean literalIsMapped(String address) {
        try {
            byte[] raw = InetAddress.getByName(address).getAddress();
            // Java already returns IPv4 for ::ffff:a.b.c.d, so a 4-byte result from IPv6 text is mapped.
            return raw.length == 4;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static byte[] unmap(byte[] bytes) {
        if (bytes.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            if (mapped) {
                return Arrays.copyOfRange(bytes, 12, 16);
            }
        }
        return bytes;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xff << (8 - keep));
        }
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
