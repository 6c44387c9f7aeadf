package dev.agentry.it.harness;

import java.time.Duration;
import java.time.Instant;

/** The demo catalog the server writes shortly after it starts; tests that read it wait for it. */
public final class DemoData {

    private static volatile boolean present;

    private DemoData() {}

    public static void await() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!present) {
            var page = Api.json(Api.get("api/v1/orders?limit=1", Api.asBootstrap()));
            if (page.getInt("count") > 0) {
                // Its changes are placed in the feed within a second; do it now.
                Api.send("POST", "api/v1/_probe/catalog/sequence", java.net.http.HttpRequest.BodyPublishers.noBody());
                present = true;
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the demo catalog did not appear");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
