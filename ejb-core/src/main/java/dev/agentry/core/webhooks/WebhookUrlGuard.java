package dev.agentry.core.webhooks;

import dev.agentry.core.policy.Cidr;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhook deliveries away from the server's own network (SSRF): a URL must be http or https,
 * carry no credentials, and every address its host resolves to must be public. Loopback, private,
 * carrier-grade NAT, link-local (cloud metadata lives there), multicast and reserved ranges are
 * refused, also when spelled as IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6. An operator may
 * allow specific ranges ({@code agentry.webhooks.allowed-ranges}). Checked when a subscription is
 * saved and again before every delivery, so a name re-pointed later (DNS rebinding) is caught too.
 */
final class WebhookUrlGuard {

    /** Resolves a host name to its addresses; the system resolver in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final List<Cidr> FORBIDDEN = cidrs(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4",
            "::/128",
            "::1/128",
            "100::/64",
            "2001:db8::/32",
            "fc00::/7",
            "fe80::/10",
            "fec0::/10",
            "ff00::/8");

    /** IPv6 ranges that carry an IPv4 address, and where it sits in the 16 bytes. */
    private record Embedding(Cidr range, int offset) {}

    private static final List<Embedding> EMBEDDED_IPV4 = List.of(
            new Embedding(cidr("::/96"), 12), // IPv4-compatible
            new Embedding(cidr("64:ff9b::/96"), 12), // NAT64, well-known prefix
            new Embedding(cidr("64:ff9b:1::/48"), 12), // NAT64, local-use prefix
            new Embedding(cidr("2002::/16"), 2)); // 6to4

    private final List<Cidr> allowed;
    private final Resolver resolver;

    public WebhookUrlGuard(List<Cidr> allowed, Resolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.resolver = resolver;
    }

    /** Why {@code url} may not receive deliveries, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("has no host");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (forbidden(address.getAddress())) {
                return Optional.of("resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local, multicast or reserved address");
            }
        }
        return Optional.empty();
    }

    boolean forbidden(byte[] address) {
        if (allowed.stream().anyMatch(range -> range.contains(address))) {
            return false;
        }
        if (FORBIDDEN.stream().anyMatch(range -> range.contains(address))) {
            return true;
        }
        if (address.length == 16) {
            if (isMapped(address)) {
                return forbidden(Arrays.copyOfRange(address, 12, 16));
            }
            for (Embedding embedding : EMBEDDED_IPV4) {
                if (embedding.range().contains(address)) {
                    return forbidden(Arrays.copyOfRange(address, embedding.offset(), embedding.offset() + 4));
                }
            }
        }
        return false;
    }

    private static boolean isMapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    }

    private static List<Cidr> cidrs(String... entries) {
        return Arrays.stream(entries).map(WebhookUrlGuard::cidr).toList();
    }

    private static Cidr cidr(String entry) {
        return Cidr.parse(entry).orElseThrow(() -> new IllegalArgumentException(entry));
    }
}
