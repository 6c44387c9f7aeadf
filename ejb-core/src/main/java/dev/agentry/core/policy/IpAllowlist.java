package dev.agentry.core.policy;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a credential may be used from. Empty means anywhere; otherwise the caller's address must be
 * in one of the networks. Invalid entries are rejected, each named, never silently dropped.
 */
public record IpAllowlist(List<Cidr> networks) {

    public static final int MAX_ENTRIES = 100;

    public static final IpAllowlist ANYWHERE = new IpAllowlist(List.of());

    public IpAllowlist {
        networks = List.copyOf(networks);
    }

    /**
     * Parses the entries as the caller wrote them.
     *
     * @param field the request field they came from, for error messages
     * @throws AgentryException {@code validation_failed} naming every bad entry by index and value
     */
    public static IpAllowlist parse(String field, List<String> entries) {
        if (entries == null) {
            return ANYWHERE;
        }
        List<FieldError> errors = new ArrayList<>();
        if (entries.size() > MAX_ENTRIES) {
            errors.add(new FieldError(field, "too_many", "at most " + MAX_ENTRIES + " entries"));
        }
        List<Cidr> networks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            Optional<Cidr> cidr = Cidr.parse(entry);
            if (cidr.isPresent()) {
                networks.add(cidr.get());
            } else {
                errors.add(new FieldError(
                        field + "[" + i + "]",
                        "invalid_cidr",
                        FieldError.quoted(entry) + " is not an IPv4 or IPv6 address or CIDR"));
            }
        }
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
        return new IpAllowlist(networks);
    }

    /** Reads entries stored by {@link #entries()}; they were validated when stored. */
    public static IpAllowlist stored(List<String> entries) {
        return new IpAllowlist(
                entries.stream().map(e -> Cidr.parse(e).orElseThrow()).toList());
    }

    public boolean permits(String address) {
        if (networks.isEmpty()) {
            return true;
        }
        return Cidr.literal(address)
                .map(bytes -> networks.stream().anyMatch(n -> n.contains(bytes)))
                .orElse(false);
    }

    /** The canonical entries, e.g. {@code 10.0.0.0/8}. */
    public List<String> entries() {
        return networks.stream().map(Cidr::toString).toList();
    }
}
