package dev.agentry.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.policy.Cidr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SSRF: deliveries never reach the server's own network, however the address is spelled. */
class WebhookUrlGuardTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "sneaky.example.com", "10.0.0.7",
            "metadata.example.com", "169.254.169.254",
            "v6.example.com", "::1");

    private final WebhookUrlGuard guard = new WebhookUrlGuard(List.of(), WebhookUrlGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hook",
                "http://127.8.9.10/hook",
                "http://localhost.invalid/hook",
                "http://10.1.2.3/",
                "http://172.16.0.1/",
                "http://192.168.1.1/",
                "http://100.64.0.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://0.0.0.0/",
                "http://224.0.0.1/",
                "http://255.255.255.255/",
                "http://[::1]/",
                "http://[::]/",
                "http://[fe80::1]/",
                "http://[fc00::1]/",
                "http://[fd00:ec2::254]/",
                "http://[ff02::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:169.254.169.254]/",
                "http://[::127.0.0.1]/",
                "http://[64:ff9b::a00:1]/",
                "http://[64:ff9b::7f00:1]/",
                "http://[2002:a00:1::]/",
                "http://sneaky.example.com/",
                "http://metadata.example.com/",
                "http://v6.example.com/",
                "ftp://hooks.example.com/",
                "file:///etc/passwd",
                "http://user:pass@hooks.example.com/",
                "https://hooks.example.com/#frag",
                "not a url",
                "http:///no-host"
            })
    void refuses(String url) {
        assertTrue(guard.refusal(url).isPresent(), url);
    }

    @Test
    void acceptsPublicAddressesAndNames() {
        assertEquals(Optional.empty(), guard.refusal("https://hooks.example.com/agentry?x=1"));
        assertEquals(Optional.empty(), guard.refusal("http://93.184.216.34:8080/hook"));
        assertEquals(Optional.empty(), guard.refusal("http://[2606:2800:220:1:248:1893:25c8:1946]/"));
        assertEquals(Optional.empty(), guard.refusal("http://[64:ff9b::5db8:d822]/"), "NAT64 of a public address");
    }

    @Test
    void anOperatorAllowedRangeIsAcceptedAndNothingBeyondIt() {
        WebhookUrlGuard allowing =
                new WebhookUrlGuard(List.of(Cidr.parse("127.0.0.1/32").orElseThrow()), WebhookUrlGuardTest::resolve);
        assertEquals(Optional.empty(), allowing.refusal("http://127.0.0.1:9000/hook"));
        assertEquals(Optional.empty(), allowing.refusal("http://[::ffff:127.0.0.1]:9000/hook"));
        assertTrue(allowing.refusal("http://127.0.0.2:9000/hook").isPresent());
        assertTrue(allowing.refusal("http://[::1]:9000/hook").isPresent());
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address != null) {
            return new InetAddress[] {InetAddress.getByName(address)};
        }
        if (Cidr.literal(host).isPresent()) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    }
}
