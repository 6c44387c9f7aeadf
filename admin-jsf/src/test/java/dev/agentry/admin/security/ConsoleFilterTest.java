package dev.agentry.admin.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleFilterTest {

    @Test
    void theConsolesOwnOriginOrRefererPasses() {
        assertFalse(ConsoleFilter.crossSite(request(Map.of("Origin", "https://console.example:8443"))));
        assertFalse(ConsoleFilter.crossSite(request(Map.of("Referer", "https://console.example:8443/admin/x.xhtml"))));
        assertFalse(ConsoleFilter.crossSite(request(Map.of("Sec-Fetch-Site", "same-origin"))));
    }

    @Test
    void withoutAnyBrowserHeaderTheViewStateAloneDecides() {
        assertFalse(ConsoleFilter.crossSite(request(Map.of())));
    }

    @Test
    void anotherHostOrPortIsCrossSite() {
        assertTrue(ConsoleFilter.crossSite(request(Map.of("Origin", "https://evil.example"))));
        assertTrue(ConsoleFilter.crossSite(request(Map.of("Origin", "https://console.example:9443"))));
        assertTrue(ConsoleFilter.crossSite(request(Map.of("Referer", "https://evil.example/page"))));
        assertTrue(ConsoleFilter.crossSite(request(Map.of("Origin", "not a uri"))));
    }

    @Test
    void anOpaqueOriginIsCrossSiteWhateverTheRefererSays() {
        assertTrue(ConsoleFilter.crossSite(request(Map.of("Origin", "null"))));
        assertTrue(ConsoleFilter.crossSite(
                request(Map.of("Origin", "null", "Referer", "https://console.example:8443/admin/"))));
    }

    @Test
    void fetchMetadataNamingAnotherSiteIsCrossSite() {
        assertTrue(ConsoleFilter.crossSite(request(Map.of("Sec-Fetch-Site", "cross-site"))));
        assertTrue(ConsoleFilter.crossSite(request(Map.of("Sec-Fetch-Site", "same-site"))));
        assertTrue(ConsoleFilter.crossSite(
                request(Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://console.example:8443"))));
    }

    /** A request to https://console.example:8443 with these headers. */
    private static HttpServletRequest request(Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getServerName" -> "console.example";
                    case "getServerPort" -> 8443;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
