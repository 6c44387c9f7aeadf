package dev.agentry.it.catalog;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.DemoData;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Pages;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /api/v1/imports: the catalog-import batch job, JSON lines and CSV, bad lines skipped and named. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogImportIT {

    @Test
    void jsonLinesGoInAndBadLinesAreSkippedWithTheirLineNumbers() throws Exception {
        DemoData.await();
        String product = json(get("api/v1/products?limit=1", asBootstrap()))
                .getJsonArray("data")
                .getJsonObject(0)
                .getString("slug");
        String file = String.join(
                "\n",
                "{\"collection\":\"tags\",\"name\":\"Imported one\",\"slug\":\"imported-one\"}",
                "{\"collection\":\"tags\",\"name\":\"no slug\"}",
                "not json at all",
                "{\"collection\":\"products\",\"title\":\"Imported mug\",\"slug\":\"imported-mug\",\"type\":\"mug\"}",
                "",
                "{\"collection\":\"widgets\",\"name\":\"x\"}",
                "{\"collection\":\"variants\",\"product\":\"no-such-product\",\"sku\":\"IMP-X\",\"price\":1,\"stock\":1}",
                "{\"collection\":\"entries\",\"section\":\"journal\",\"title\":\"Imported entry\",\"slug\":\"imported-entry\"}",
                "{\"collection\":\"variants\",\"product\":\"" + product
                        + "\",\"sku\":\"SKU-1-S\",\"price\":\"9.50\",\"stock\":3}");

        JsonObject report = run(file, "application/x-ndjson");

        assertEquals("COMPLETED", report.getJsonObject("execution").getString("status"), report.toString());
        assertEquals(3, report.getInt("written"), report.toString());
        assertEquals(5, report.getInt("skipped"), report.toString());
        List<String> problems = report.getJsonArray("problems").getValuesAs(jakarta.json.JsonString::getString);
        for (String expected : List.of(
                "line 2: slug is required",
                "line 3: not a JSON object",
                "line 6: collection 'widgets'",
                "line 7: no product with slug 'no-such-product'",
                "line 9: sku 'SKU-1-S' already exists")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)), expected + " in " + problems);
        }
        assertEquals(
                1,
                json(get("api/v1/tags?filter=slug:imported-one", asBootstrap())).getInt("count"));
        assertEquals(
                1,
                json(get("api/v1/entries?filter=slug:imported-entry", asBootstrap()))
                        .getInt("count"));
    }

    @Test
    void aLineMayReferToARecordAnEarlierLineOfTheSameChunkCreated() throws Exception {
        String file = String.join(
                "\n",
                "{\"collection\":\"products\",\"title\":\"Chunk mug\",\"slug\":\"chunk-mug\",\"type\":\"mug\"}",
                "{\"collection\":\"variants\",\"product\":\"chunk-mug\",\"sku\":\"CHUNK-1\",\"price\":\"12.00\",\"stock\":4}",
                "{\"collection\":\"variants\",\"product\":\"chunk-mug\",\"sku\":\"CHUNK-1\",\"price\":\"12.00\",\"stock\":4}",
                "{\"collection\":\"orders\",\"number\":\"CHUNK-ORD-1\",\"currency\":\"EUR\",\"status\":\"fulfilled\","
                        + "\"lineItems\":[{\"sku\":\"CHUNK-1\",\"quantity\":2,\"unitPrice\":\"12.00\"}]}",
                "{\"collection\":\"orders\",\"number\":\"CHUNK-ORD-2\",\"currency\":\"EUR\",\"status\":\"lost\","
                        + "\"lineItems\":[{\"sku\":\"CHUNK-1\",\"quantity\":1,\"unitPrice\":\"12.00\"}]}",
                "{\"collection\":\"entries\",\"section\":\"journal\",\"title\":\"Chunk post\",\"slug\":\"chunk-post\","
                        + "\"postDate\":\"2026-05-01T10:00:00Z\"}");

        JsonObject report = run(file, "application/x-ndjson");

        assertEquals(4, report.getInt("written"), report.toString());
        List<String> problems = report.getJsonArray("problems").getValuesAs(jakarta.json.JsonString::getString);
        assertTrue(problems.contains("line 3: sku 'CHUNK-1' already exists"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 5: status must be")), problems.toString());
        JsonObject variant = only("api/v1/variants?filter=sku:CHUNK-1");
        assertEquals(only("api/v1/products?filter=slug:chunk-mug").getString("uid"), variant.getString("product"));
        JsonObject order = json(get("api/v1/orders/CHUNK-ORD-1", asBootstrap()));
        assertEquals("fulfilled", order.getString("status"));
        assertEquals(0, order.getJsonNumber("total").bigDecimalValue().compareTo(new java.math.BigDecimal("24.00")));
        JsonObject entry = only("api/v1/entries?filter=slug:chunk-post");
        assertEquals("live", entry.getString("status"));
        assertEquals("2026-05-01T10:00:00Z", entry.getString("postDate"));
    }

    @Test
    void aStoppedImportRestartsAfterItsLastChunkAndImportsEveryRecordOnce() throws Exception {
        int records = 4000;
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= records; i++) {
            file.append("{\"collection\":\"tags\",\"name\":\"Restart ")
                    .append(i)
                    .append("\",\"slug\":\"restart-")
                    .append(i)
                    .append("\"}\n");
        }
        URI first = start(file.toString(), "application/x-ndjson");
        long firstId = Long.parseLong(first.getPath().replaceAll(".*/", ""));

        HttpResponse<String> stopped =
                Api.send("POST", "api/v1/imports/" + firstId + "/stop", BodyPublishers.noBody(), asBootstrap());
        assertEquals(200, stopped.statusCode(), "the import must still run when asked to stop: " + stopped.body());
        JsonObject partial = finished(first);
        assertEquals("STOPPED", partial.getJsonObject("execution").getString("status"), partial.toString());
        assertTrue(partial.getInt("written") < records, partial.toString());

        HttpResponse<String> restarted =
                Api.send("POST", "api/v1/imports/" + firstId + "/restart", BodyPublishers.noBody(), asBootstrap());
        assertEquals(202, restarted.statusCode(), restarted.body());
        JsonObject rest =
                finished(URI.create(restarted.headers().firstValue("Location").orElseThrow()));

        assertEquals("COMPLETED", rest.getJsonObject("execution").getString("status"), rest.toString());
        assertEquals(records, partial.getInt("written") + rest.getInt("written"), rest.toString());
        assertEquals(0, rest.getInt("skipped"), "no line was imported twice: " + rest);
        assertEquals(records, walk("api/v1/tags?limit=200&filter=slug:restart-*"));
        assertProblem(
                Api.send("POST", "api/v1/imports/" + firstId + "/restart", BodyPublishers.noBody(), asBootstrap()),
                409,
                "conflict");
        long secondId =
                rest.getJsonObject("execution").getJsonNumber("executionId").longValue();
        assertProblem(
                Api.send("POST", "api/v1/imports/" + secondId + "/restart", BodyPublishers.noBody(), asBootstrap()),
                409,
                "conflict");
        assertProblem(
                Api.send("POST", "api/v1/imports/" + secondId + "/stop", BodyPublishers.noBody(), asBootstrap()),
                409,
                "conflict");
        assertProblem(
                Api.send("POST", "api/v1/imports/999999/restart", BodyPublishers.noBody(), asBootstrap()),
                404,
                "not_found");
    }

    @Test
    void theDemoCatalogIsLoadedByTheImportJobFromTheBundledDataset() {
        DemoData.await();
        JsonObject demo = DemoData.demoImport().orElseThrow();
        JsonObject report = json(get("api/v1/imports/" + demo.getJsonNumber("executionId"), asBootstrap()));

        assertEquals(0, report.getInt("skipped"), report.toString());
        assertTrue(report.getInt("written") > 800, report.toString());
        assertEquals(120, walk("api/v1/orders?limit=200&filter=number:ORD-*"));
        assertEquals(
                3,
                walk("api/v1/variants?limit=200&filter=sku:SKU-1-*"),
                "variants found their product in the same chunk");
    }

    /**
     * The demo import waits for the batch module rather than calling into it before it is deployed: since the
     * server's last boot, its log holds no failed invocation of the import for a job control not found.
     */
    @Test
    void theDemoImportWaitsForTheBatchModuleWithoutAStackTrace() throws IOException {
        DemoData.await();
        Path log = Path.of(System.getProperty("it.server-dir"), "log", "server.log");
        List<String> lines;
        try (Stream<String> all = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            lines = all.toList();
        }
        int boot = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("WFLYSRV0049")) { // "... starting": this boot's first line
                boot = i;
            }
        }
        assertEquals(
                List.of(),
                lines.subList(boot, lines.size()).stream()
                        .filter(line -> line.contains("ServiceNotFoundException"))
                        .toList());
    }

    @Test
    void csvWithAHeaderRowAndQuotedValues() throws Exception {
        String file = "collection,name,slug\n"
                + "tags,\"Quoted, with comma\",csv-quoted\n"
                + "tags,Plain,csv-plain\n"
                + "tags,Too,many,columns\n";

        JsonObject report = run(file, "text/csv");

        assertEquals(2, report.getInt("written"), report.toString());
        assertEquals(1, report.getInt("skipped"));
        assertTrue(report.getJsonArray("problems").getString(0).startsWith("line 4: 4 values for 3 columns"));
        JsonObject tag = json(get("api/v1/tags?filter=slug:csv-quoted", asBootstrap()))
                .getJsonArray("data")
                .getJsonObject(0);
        assertEquals("Quoted, with comma", tag.getString("name"));
    }

    @Test
    void otherMediaTypesAndEmptyFilesAreRefused() {
        assertProblem(
                Api.send(
                        "POST",
                        "api/v1/imports",
                        BodyPublishers.ofString("{}"),
                        Api.with(asBootstrap(), "Content-Type", "application/json")),
                415,
                "unsupported_media_type");
        assertProblem(
                Api.send(
                        "POST",
                        "api/v1/imports",
                        BodyPublishers.ofString(""),
                        Api.with(asBootstrap(), "Content-Type", "text/csv")),
                400,
                "validation_failed");
        assertProblem(get("api/v1/imports/999999", asBootstrap()), 404, "not_found");
    }

    private static JsonObject run(String file, String type) {
        return finished(start(file, type));
    }

    private static URI start(String file, String type) {
        HttpResponse<String> started = Api.send(
                "POST", "api/v1/imports", BodyPublishers.ofString(file), Api.with(asBootstrap(), "Content-Type", type));
        assertEquals(202, started.statusCode(), started.body());
        return URI.create(started.headers().firstValue("Location").orElseThrow());
    }

    private static JsonObject only(String path) {
        JsonObject page = json(get(path, asBootstrap()));
        assertEquals(1, page.getInt("count"), page.toString());
        return page.getJsonArray("data").getJsonObject(0);
    }

    /** How many items a full walk of a collection query returns. */
    private static int walk(String path) {
        return Pages.walk(path, asBootstrap()).size();
    }

    private static JsonObject finished(URI location) {
        return Eventually.await(
                "the import at " + location + " to finish",
                Duration.ofSeconds(60),
                () -> json(Api.send(location, "GET", BodyPublishers.noBody(), asBootstrap())),
                report -> !List.of("STARTING", "STARTED", "STOPPING")
                        .contains(report.getJsonObject("execution").getString("status")));
    }
}
