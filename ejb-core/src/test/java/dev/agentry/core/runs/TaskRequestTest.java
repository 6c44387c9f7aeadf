package dev.agentry.core.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentry.core.problem.FieldError;
import dev.agentry.core.validation.JsonRecords;
import dev.agentry.core.validation.Violations;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskRequestTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static List<String> errors(String body) {
        return JsonRecords.bind(json(body), TaskRequest.class).withViolations(VALIDATOR).stream()
                .map(e -> e.field() + ":" + e.code())
                .toList();
    }

    @Test
    void everyBrokenRuleIsNamed() {
        assertEquals(
                List.of(
                        "surprise:unknown_field",
                        "allowedTools[0]:unknown_tool",
                        "goal:required",
                        "maxTurns:out_of_range",
                        "secretEnv[0]:invalid",
                        "timeoutSeconds:out_of_range",
                        "toolPolicy.deny[0]:unknown_tool",
                        "workspace:one_of"),
                errors("{\"agent\":\"a\",\"workspace\":{},\"allowedTools\":[\"shell.exec\"],\"timeoutSeconds\":0,"
                        + "\"maxTurns\":100000,\"secretEnv\":[\"1X\"],\"toolPolicy\":{\"deny\":[\"nothing\"]},"
                        + "\"surprise\":1}"));
    }

    @Test
    void theGoalIsBoundedOnce() {
        List<FieldError> errors = Violations.errors(VALIDATOR.validate(JsonRecords.bind(
                        json("{\"goal\":\"" + "g".repeat(20001) + "\",\"agent\":\"a\",\"workspace\":{\"seed\":\"s\"}}"),
                        TaskRequest.class)
                .value()));
        assertEquals(List.of(new FieldError("goal", "too_long", "goal is at most 20000 characters")), errors);
    }

    @Test
    void aStoredTaskReadsBackWithItsDefaultsAndAnUnpackedArchive() {
        TaskRequest request = JsonRecords.bind(
                        json(
                                "{\"goal\":\"g\",\"agent\":\"a\",\"workspace\":{\"archive\":\"AAEC\"},\"maxCallsPerTool\":3,"
                                        + "\"context\":{\"k\":1},\"script\":[]}"),
                        TaskRequest.class)
                .value();
        TaskInput task = request.task(Duration.ofSeconds(60), 7);
        assertArrayEquals(new byte[] {0, 1, 2}, task.archive());

        TaskInput stored = StoredTask.read(json(StoredTask.of(task).json()));

        assertEquals(Duration.ofSeconds(60), stored.timeout());
        assertEquals(7, stored.retentionDays());
        assertEquals(TaskRequest.DEFAULT_TURNS, stored.maxTurns());
        assertEquals(3, stored.maxCallsPerTool());
        assertEquals(1, stored.context().getInt("k"));
        assertArrayEquals(new byte[0], stored.archive());
    }
}
