package dev.agentry.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.agentry.core.policy.Cidr;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One POST against a loopback receiver: bounded in time and in what it reads, on kept-alive connections. */
class WebhookSenderTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Duration TIMEOUT = Duration.ofMillis(800);

    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private WebhookSender sender;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        WebhookUrlGuard guard =
                new WebhookUrlGuard(List.of(Cidr.parse("127.0.0.1/32").orElseThrow()), InetAddress::getAllByName);
        sender = new WebhookSender(WebhookSender.client(), Clock.systemUTC(), guard, TIMEOUT);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            handler.handle(exchange);
        });
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static Outgoing delivery(String url) {
        return new Outgoing(1, 1, "msg_1", url, "{\"n\":1}", List.of(SECRET), 0);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void deliveriesToOneReceiverReuseTheirConnection() {
        String url = route("/ok", exchange -> answer(exchange, 204, ""));
        for (int i = 0; i < 5; i++) {
            assertTrue(sender.send(delivery(url)).succeeded());
        }
        assertEquals(5, requests.get());
        assertEquals(1, clientPorts.size(), "one kept-alive connection, not one per delivery");
    }

    @Test
    void aReceiverTricklingItsAnswerIsCutOffAtTheTimeout() {
        String url = route("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException | IOException e) {
                // the sender hung up, as it should
            }
        });
        long started = System.nanoTime();
        SendResult result = sender.send(delivery(url));
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertFalse(result.succeeded());
        assertNull(result.statusCode());
        assertTrue(result.error().startsWith("HttpTimeoutException"), result.error());
        assertTrue(tookMillis < TIMEOUT.toMillis() + 1000, "took " + tookMillis + " ms");
    }

    @Test
    void aLongAnswerIsReadOnlyAsFarAsTheExcerptNeedsAndAnEchoedSecretIsRemoved() {
        String url = route("/long", exchange -> answer(exchange, 500, SECRET + " " + "y".repeat(5_000_000)));
        SendResult result = sender.send(delivery(url));
        assertEquals(500, result.statusCode());
        assertEquals(WebhookSender.EXCERPT, result.responseExcerpt().length());
        assertTrue(result.responseExcerpt().startsWith("[redacted] yyy"), result.responseExcerpt());
    }

    @Test
    void aRedirectIsNotFollowed() {
        String target = route("/target", exchange -> answer(exchange, 204, ""));
        String url = route("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", target);
            answer(exchange, 307, "");
        });
        SendResult result = sender.send(delivery(url));
        assertEquals(307, result.statusCode());
        assertEquals(1, requests.get());
    }

    @Test
    void aUrlIntoTheServersNetworkIsRefusedBeforeAnythingIsSent() {
        WebhookSender guarded = new WebhookSender(
                WebhookSender.client(),
                Clock.systemUTC(),
                new WebhookUrlGuard(List.of(), InetAddress::getAllByName),
                TIMEOUT);
        String url = route("/inside", exchange -> answer(exchange, 204, ""));
        SendResult result = guarded.send(delivery(url));
        assertFalse(result.succeeded());
        assertTrue(result.error().startsWith("refused: url resolves to 127.0.0.1"), result.error());
        assertEquals(0, requests.get());
    }
}
