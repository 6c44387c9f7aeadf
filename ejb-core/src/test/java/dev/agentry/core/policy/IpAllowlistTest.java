package dev.agentry.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.problem.AgentryException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAllowlistTest {

    @Test
    void emptyMeansAnywhere() {
        assertTrue(IpAllowlist.parse("ipAllowlist", List.of()).permits("203.0.113.7"));
        assertTrue(IpAllowlist.parse("ipAllowlist", null).permits("2001:db8::1"));
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.200.3.4, true",
        "10.0.0.0/8, 11.0.0.1, false",
        "192.168.1.10, 192.168.1.10, true",
        "192.168.1.10, 192.168.1.11, false",
        "0.0.0.0/0, 198.51.100.1, true",
        "2001:db8::/32, 2001:db8:abcd::1, true",
        "2001:db8::/32, 2001:db9::1, false",
        "2001:db8::1, 2001:0db8:0000:0000:0000:0000:0000:0001, true",
        "10.1.2.0/24, ::ffff:10.1.2.3, true",
        "10.1.2.0/24, ::ffff:a01:203, true",
        "10.1.2.0/24, 0:0:0:0:0:ffff:0a01:0203, true",
        "::ffff:10.1.2.0/120, 10.1.2.99, true",
        "::ffff:10.1.2.0/120, 10.1.3.99, false",
        "10.1.2.0/24, 2001:db8::1, false",
        "2001:db8::/32, 10.1.2.3, false"
    })
    void matchesNetworksWhateverTheSpelling(String rule, String caller, boolean permitted) {
        assertEquals(permitted, IpAllowlist.parse("ipAllowlist", List.of(rule)).permits(caller));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "10.0.0.0/33",
                "10.0.0.256",
                "10.0.0",
                "10.0.0.0/-1",
                "10.0.0.0/",
                "2001:db8::/129",
                "2001:db8:::1",
                "localhost",
                "example.com",
                "10.0.0.0/8 extra",
                "1.2.3.4/08x"
            })
    void invalidEntriesAreRejectedWithTheEntryNamed(String entry) {
        AgentryException e = assertThrows(
                AgentryException.class, () -> IpAllowlist.parse("ipAllowlist", List.of("10.0.0.0/8", entry)));

        assertEquals(1, e.errors().size());
        assertEquals("ipAllowlist[1]", e.errors().get(0).field());
        assertEquals("invalid_cidr", e.errors().get(0).code());
        assertTrue(e.errors().get(0).message().contains(entry.strip()));
    }

    @Test
    void everyBadEntryIsNamedNotJustTheFirst() {
        AgentryException e = assertThrows(
                AgentryException.class,
                () -> IpAllowlist.parse("ipAllowlist", Arrays.asList("bad", "10.0.0.1", "worse")));

        assertEquals(
                List.of("ipAllowlist[0]", "ipAllowlist[2]"),
                e.errors().stream().map(x -> x.field()).toList());
    }

    @Test
    void anUnparseableCallerAddressIsNotPermittedByANonEmptyList() {
        IpAllowlist list = IpAllowlist.parse("ipAllowlist", List.of("0.0.0.0/0"));

        assertFalse(list.permits("not-an-address"));
        assertFalse(list.permits(null));
    }

    @Test
    void entriesAreStoredCanonicallyAndReadBack() {
        IpAllowlist list =
                IpAllowlist.parse("ipAllowlist", List.of("10.1.2.3/24", "2001:0db8::0/32", "::ffff:10.9.9.9"));

        assertEquals(List.of("10.1.2.0/24", "2001:db8:0:0:0:0:0:0/32", "10.9.9.9/32"), list.entries());
        assertEquals(list, IpAllowlist.stored(list.entries()));
    }
}
