package dev.agentry.it.harness;

import java.time.Duration;
import java.time.Instant;

/** The demo catalog the server imports shortly after it starts; tests that read it wait for it. */
public final class DemoData {

    private static volatile boolean present;

    private DemoData() {}

    /** The import that loads the bundled demo catalog, once it has started. */
    public static java.util.Optional<jakarta.json.JsonObject> demoImport() {
        return Api.json(Api.get("api/v1/imports?limit=200", Api.asBootstrap()))
                .getJsonArray("data")
                .getValuesAs(jakarta.json.JsonObject.class)
                .stream()
                .filter(i -> "demo".equals(i.getJsonObject("parameters").getString("source", null)))
                .findFirst();
    }

    public static void await() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!present) {
            if (demoImport()
                    .filter(i -> i.getString("status").equals("COMPLETED"))
                    .isPresent()) {
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
