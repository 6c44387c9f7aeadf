package dev.agentry.it.harness;

import java.time.Duration;

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
        if (present) {
            return;
        }
        Eventually.await(
                "the demo catalog import",
                Duration.ofSeconds(120),
                DemoData::demoImport,
                i -> i.filter(run -> run.getString("status").equals("COMPLETED"))
                        .isPresent());
        // Its changes are placed in the feed within a second; do it now.
        Api.send("POST", "api/v1/_probe/catalog/sequence", java.net.http.HttpRequest.BodyPublishers.noBody());
        present = true;
    }
}
