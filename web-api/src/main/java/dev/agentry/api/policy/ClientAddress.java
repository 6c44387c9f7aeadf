package dev.agentry.api.policy;

import dev.agentry.core.policy.Cidr;
import dev.agentry.core.policy.IpAllowlist;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The caller's address. {@code X-Forwarded-For} is believed only when the connection comes from a
 * configured trusted proxy, and then the nearest untrusted hop in it is the caller; otherwise a
 * client could claim any address. The result is canonical: IPv4-mapped IPv6 becomes IPv4.
 */
@ApplicationScoped
public class ClientAddress {

    private static final String ATTRIBUTE = ClientAddress.class.getName();

    @Inject
    @ConfigProperty(name = "agentry.http.trusted-proxies", defaultValue = " ")
    List<String> trustedProxyEntries;

    private volatile IpAllowlist trustedProxies;

    /** The caller's canonical address, worked out once per request. */
    public String of(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof String address) {
            return address;
        }
        String address = resolve(request);
        if (address != null) {
            request.setAttribute(ATTRIBUTE, address);
        }
        return address;
    }

    private String resolve(HttpServletRequest request) {
        String peer = canonical(request.getRemoteAddr());
        if (!isTrustedProxy(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = canonical(hops[i].strip());
            if (hop == null) {
                return peer; // a malformed chain is not evidence of anything
            }
            if (!isTrustedProxy(hop)) {
                return hop;
            }
        }
        return canonical(hops[0].strip());
    }

    private boolean isTrustedProxy(String address) {
        IpAllowlist proxies = trustedProxies;
        if (proxies == null) {
            List<String> entries = trustedProxyEntries.stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            proxies = IpAllowlist.parse("agentry.http.trusted-proxies", entries);
            trustedProxies = proxies;
        }
        return address != null && !proxies.networks().isEmpty() && proxies.permits(address);
    }

    static String canonical(String address) {
        return Cidr.literal(address)
                .map(bytes -> {
                    try {
                        return InetAddress.getByAddress(bytes).getHostAddress();
                    } catch (UnknownHostException e) {
                        return null;
                    }
                })
                .orElse(null);
    }
}
