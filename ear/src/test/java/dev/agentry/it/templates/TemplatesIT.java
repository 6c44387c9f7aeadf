package dev.agentry.it.templates;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.listed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Runs;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /api/v1/templates, and runs submitted as {template, parameters} (SPEC section 6). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TemplatesIT {

    @Test
    void theShippedTemplatesAreListedWithTheirParametersAndTask() {
        List<JsonObject> templates = listed(get("api/v1/templates", Runs.runner()));
        List<String> ids = templates.stream().map(t -> t.getString("id")).toList();
        assertTrue(
                ids.containsAll(List.of(
                        "catalog-sync-loop-check",
                        "support-context-lookup",
                        "governed-content-edit",
                        "fix-failing-check")),
                ids::toString);
        JsonObject fix = json(get("api/v1/templates/fix-failing-check", Runs.runner()));
        assertEquals("shipped", fix.getString("origin"));
        assertEquals(
                "{{seed}}", fix.getJsonObject("task").getJsonObject("workspace").getString("seed"));
        assertTrue(fix.getJsonObject("parameters").getJsonObject("properties").containsKey("check"));
        assertTrue(Api.strings(fix, "tools").contains("verify.run"));
        assertProblem(get("api/v1/templates/nope", Runs.runner()), 404, "not_found");
    }

    @Test
    void aTemplateRendersToARunThatSucceeds() {
        HttpResponse<String> submitted = Runs.submit(
                "{\"template\":\"fix-failing-check\",\"parameters\":{\"seed\":\"project\",\"check\":\"check-greeting\","
                        + "\"script\":[{\"final\":\"the greeting check passes\"}]}}",
                UUID.randomUUID().toString(),
                Runs.runner());
        assertEquals(202, submitted.statusCode(), submitted.body());
        JsonObject run = Runs.awaitEnd(json(submitted).getString("id"));
        assertEquals("succeeded", run.getString("status"), run::toString);
    }

    @Test
    void badParametersAreRefusedNamingEach() {
        HttpResponse<String> refused = Runs.submit(
                "{\"template\":\"fix-failing-check\",\"parameters\":{\"seed\":5,\"bogus\":true}}",
                UUID.randomUUID().toString(),
                Runs.runner());
        assertEquals(
                Set.of("parameters.seed:not_a_string", "parameters.bogus:unknown_field", "parameters.script:required"),
                Api.fieldErrors(refused));
        assertEquals(
                Set.of("template:unknown_template"),
                Api.fieldErrors(
                        Runs.submit("{\"template\":\"nope\"}", UUID.randomUUID().toString(), Runs.runner())));
        assertEquals(
                Set.of("goal:unknown_field"),
                Api.fieldErrors(Runs.submit(
                        "{\"template\":\"fix-failing-check\",\"goal\":\"x\"}",
                        UUID.randomUUID().toString(),
                        Runs.runner())));
    }
}
