package dev.agentry.it;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.DemoData;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
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

    private static JsonObject run(String file, String type) throws InterruptedException {
        HttpResponse<String> started = Api.send(
                "POST", "api/v1/imports", BodyPublishers.ofString(file), Api.with(asBootstrap(), "Content-Type", type));
        assertEquals(202, started.statusCode(), started.body());
        URI location = URI.create(started.headers().firstValue("Location").orElseThrow());
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonObject report = json(Api.send(location, "GET", BodyPublishers.noBody(), asBootstrap()));
            String status = report.getJsonObject("execution").getString("status");
            if (!status.equals("STARTING") && !status.equals("STARTED")) {
                return report;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("import still " + status);
            }
            Thread.sleep(200);
        }
    }
}
