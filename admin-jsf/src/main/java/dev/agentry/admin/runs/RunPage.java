package dev.agentry.admin.runs;

import dev.agentry.admin.messages.PageMessages;
import dev.agentry.core.artifacts.Verification;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.runs.RunArtifacts;
import dev.agentry.core.runs.RunService;
import dev.agentry.core.runs.RunView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run, for people: its status and outcome, failure evidence field by field, the timeline of its
 * events as a list, the transcript as a conversation, tool calls, changed files, the patch as a
 * readable diff, the bundle's files to download and its verification; and cancel.
 */
@Named
@ViewScoped
public class RunPage implements Serializable {

    private static final long serialVersionUID = 1L;

    // Building a Jsonb looks the provider up and is slow; one serves every page.
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** One line of the patch with how to show it: {@code add}, {@code del}, {@code hunk} or {@code ctx}. */
    public record DiffLine(String kind, String text) implements Serializable {}

    @Inject
    transient RunService runs;

    @Inject
    transient RunArtifacts artifacts;

    private String id;
    private RunRow run;
    private List<Map<String, String>> evidence = List.of();
    private List<Map<String, String>> timeline = List.of();
    private List<Map<String, String>> transcript = List.of();
    private List<Map<String, String>> toolCalls = List.of();
    private List<Map<String, String>> changedFiles = List.of();
    private List<DiffLine> patch = List.of();
    private List<Map<String, String>> files = List.of();
    private Verification verification;

    /** The view action: reads the run named by {@code ?id=} and, once sealed, its bundle. */
    public void load() {
        try {
            RunView view = runs.view(Grant.console(), id);
            run = RunRow.of(view);
            evidence = view.failureEvidence() == null
                    ? List.of()
                    : view.failureEvidence().entrySet().stream()
                            .map(e -> Map.of("name", e.getKey(), "value", readable(e.getValue())))
                            .toList();
        } catch (AgentryException e) {
            PageMessages.error(null, e.detail());
            return;
        }
        if (run.bundleId().isEmpty()) {
            return;
        }
        timeline = new ArrayList<>();
        for (String line : text("events.jsonl").split("\n")) {
            if (!line.isBlank()) {
                JsonObject event = parse(line).asJsonObject();
                timeline.add(Map.of(
                        "at",
                        event.getString("at", ""),
                        "type",
                        event.getString("type", ""),
                        "detail",
                        details(event)));
            }
        }
        transcript = parse(text("files/transcript.json")).asJsonObject().getJsonArray("messages").stream()
                .map(JsonValue::asJsonObject)
                .map(m -> Map.of(
                        "turn", String.valueOf(m.getInt("turn")),
                        "type", m.getString("type"),
                        "role", m.getString("role"),
                        "content", said(m.getJsonObject("content"))))
                .toList();
        toolCalls =
                parse(text("files/runtime-evidence/tool-calls/transcript.json"))
                        .asJsonObject()
                        .getJsonArray("tool_calls")
                        .stream()
                        .map(JsonValue::asJsonObject)
                        .map(c -> Map.of(
                                "id", c.getString("call_id"),
                                "tool", c.getString("tool_name"),
                                "status", c.getString("status"),
                                "input", c.getJsonObject("input").toString(),
                                "output", c.getJsonObject("output").toString(),
                                "inputSha256", c.getString("input_sha256")))
                        .toList();
        changedFiles = parse(text("files/changed-files.json")).asJsonObject().getJsonArray("files").stream()
                .map(JsonValue::asJsonObject)
                .map(f -> Map.of("path", f.getString("path"), "change", f.getString("change")))
                .toList();
        patch = text("files/patch.diff").lines().map(RunPage::diffLine).toList();
        files = artifacts.manifest(Grant.console(), id).files().stream()
                .map(f -> Map.of("path", f.path(), "kind", f.kind(), "size", String.valueOf(f.size())))
                .toList();
        verification = artifacts.verify(Grant.console(), id);
    }

    /** Asks the run to stop, then shows it again by a redirect so a reload does not ask again. */
    public String cancel() {
        runs.cancel(Grant.console(), id);
        PageMessages.info(PageMessages.text("runs.cancelled"));
        return PageMessages.redirect("run?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    private String text(String path) {
        try {
            return Files.readString(artifacts.file(Grant.console(), id, path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** A value of the evidence as people read it: text as it is, anything else as JSON. */
    private static String readable(Object value) {
        return value instanceof String text ? text : JSONB.toJson(value);
    }

    /** An event's fields beyond its time and type, as "name: value" pairs. */
    static String details(JsonObject event) {
        StringBuilder text = new StringBuilder();
        event.forEach((name, value) -> {
            if (!name.equals("at") && !name.equals("type")) {
                if (!text.isEmpty()) {
                    text.append(" · ");
                }
                text.append(name).append(": ").append(plain(value));
            }
        });
        return text.toString();
    }

    /** What a message said: its text where it has one, else its fields as "name: value" lines. */
    static String said(JsonObject content) {
        if (content.get("text") instanceof JsonString text) {
            return text.getString();
        }
        StringBuilder said = new StringBuilder();
        content.forEach((name, value) ->
                said.append(name).append(": ").append(plain(value)).append('\n'));
        return said.toString().strip();
    }

    private static String plain(JsonValue value) {
        return value instanceof JsonString text ? text.getString() : value.toString();
    }

    static DiffLine diffLine(String line) {
        String kind = line.startsWith("@@")
                ? "hunk"
                : line.startsWith("+") && !line.startsWith("+++")
                        ? "add"
                        : line.startsWith("-") && !line.startsWith("---") ? "del" : "ctx";
        return new DiffLine(kind, line);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public RunRow getRun() {
        return run;
    }

    /** The failure's evidence, one entry per field (phase, command, exit code, output tails). */
    public List<Map<String, String>> getEvidence() {
        return evidence;
    }

    public List<Map<String, String>> getTimeline() {
        return timeline;
    }

    public List<Map<String, String>> getTranscript() {
        return transcript;
    }

    public List<Map<String, String>> getToolCalls() {
        return toolCalls;
    }

    public List<Map<String, String>> getChangedFiles() {
        return changedFiles;
    }

    public List<DiffLine> getPatch() {
        return patch;
    }

    public List<Map<String, String>> getFiles() {
        return files;
    }

    public Verification getVerification() {
        return verification;
    }
}
