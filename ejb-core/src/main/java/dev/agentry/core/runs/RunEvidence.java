package dev.agentry.core.runs;

import dev.agentry.core.agentloop.Message;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.sandbox.FileDigest;
import dev.agentry.core.sandbox.Redactor;
import dev.agentry.core.sandbox.StepResult;
import dev.agentry.core.tools.ToolCall;
import dev.agentry.core.tools.ToolCatalog;
import dev.agentry.core.tools.ToolDescriptor;
import dev.agentry.core.tools.ToolOutcome;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence a run writes while it goes, under its {@code evidence/} directory: every line through
 * the redactor, appended and on disk at once, so a run that times out, is cancelled or dies leaves
 * what it did up to then. One writer per run: every method holds the instance's lock. Files are only
 * appended to, so a long run's evidence costs what it adds, not what it has already written.
 */
final class RunEvidence {

    public static final String EVENTS = "events.jsonl";
    public static final String COMMANDS = "commands.jsonl";
    public static final String COMMANDS_LOG = "logs/commands.log";
    public static final String RUNTIME_LOG = "logs/runtime.log";
    /** Working files: one line per message and per tool call, appended as they happen. */
    public static final String TRANSCRIPT_LINES = "transcript.jsonl";

    public static final String TOOL_CALL_LINES = "tool-calls.jsonl";

    private final Path directory;
    private final Redactor redactor;
    private final List<JsonObject> messages = new ArrayList<>();
    private final List<JsonObject> toolCalls = new ArrayList<>();
    private final List<StepResult> steps = new ArrayList<>();

    public RunEvidence(Path directory, Redactor redactor) {
        this.directory = directory;
        this.redactor = redactor;
        try {
            Files.createDirectories(directory.resolve("logs/steps"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    public Redactor redactor() {
        return redactor;
    }

    /** A lifecycle or loop event: {@code {at, type, ...}}. */
    public synchronized void event(Instant at, String type, JsonObject detail) {
        JsonObject event = Jsonp.createObjectBuilder(detail)
                .add("at", at.toString())
                .add("type", type)
                .build();
        append(EVENTS, event.toString() + "\n");
        append(RUNTIME_LOG, at + " " + type + " " + detail + "\n");
    }

    /** Appends a message, already redacted by the loop; the bundle's transcript is built from them. */
    public synchronized void message(Message message) {
        JsonObject json = message.toJson();
        messages.add(json);
        append(TRANSCRIPT_LINES, json + "\n");
    }

    /** The transcript as the bundle carries it ({@code agentry/agent-transcript/v1}). */
    public synchronized String transcript() {
        return document("agentry/agent-transcript/v1", "messages", messages);
    }

    /** The tool-call transcript as the bundle carries it ({@code agentry/tool-call-transcript/v1}). */
    public synchronized String toolCallTranscript() {
        return document("agentry/tool-call-transcript/v1", "tool_calls", toolCalls);
    }

    private String document(String schema, String member, List<JsonObject> entries) {
        JsonArrayBuilder all = Jsonp.createArrayBuilder();
        entries.forEach(all::add);
        return redactor.redact(Jsonp.createObjectBuilder()
                .add("schema", schema)
                .add(member, all)
                .build()
                .toString());
    }

    /** A tool call, its arguments and result already redacted: hashed over their JSON text. */
    public synchronized JsonObject toolCall(ToolCall call, ToolOutcome outcome, Instant started, Instant finished) {
        String category =
                ToolCatalog.named(call.tool()).map(ToolDescriptor::category).orElse("unknown");
        JsonObject record = Jsonp.createObjectBuilder()
                .add("call_id", call.id())
                .add("tool_name", call.tool())
                .add("tool_type", category)
                .add("phase", "agent_loop")
                .add("status", outcome.status())
                .add("started_at", started.toString())
                .add("finished_at", finished.toString())
                .add("input_sha256", FileDigest.of(call.arguments().toString().getBytes(StandardCharsets.UTF_8)))
                .add("output_sha256", FileDigest.of(outcome.result().toString().getBytes(StandardCharsets.UTF_8)))
                .add(
                        "redaction",
                        Jsonp.createObjectBuilder().add("applied", true).add("mask", Redactor.MASK))
                .add("input", call.arguments())
                .add("output", outcome.result())
                .build();
        toolCalls.add(record);
        append(TOOL_CALL_LINES, record + "\n");
        event(
                finished,
                "tool_call",
                Jsonp.createObjectBuilder()
                        .add("callId", call.id())
                        .add("tool", call.tool())
                        .add("status", outcome.status())
                        .build());
        return record;
    }

    /** A verify step: its output in {@code logs/steps/}, a line in commands.jsonl and the log. */
    public synchronized void step(StepResult result, String phase, Instant at) {
        steps.add(result);
        String base = "logs/steps/" + steps.size() + "-" + result.name().replaceAll("[^A-Za-z0-9._-]", "_");
        byte[] stdout = redactor.redact(result.stdout());
        byte[] stderr = redactor.redact(result.stderr());
        write(base + ".stdout", withMarker(stdout, result.stdoutTruncated()));
        write(base + ".stderr", withMarker(stderr, result.stderrTruncated()));
        JsonObject line = Jsonp.createObjectBuilder()
                .add("at", at.toString())
                .add("phase", phase)
                .add("step", result.name())
                .add(
                        "command",
                        Jsonp.createArrayBuilder(
                                result.command().stream().map(redactor::redact).toList()))
                .add("status", result.status())
                .add("exitCode", result.exitCode())
                .add("durationMs", result.durationMs())
                .add("stdout", base + ".stdout")
                .add("stdoutBytes", result.stdout().length)
                .add("stdoutTruncated", result.stdoutTruncated())
                .add("stderr", base + ".stderr")
                .add("stderrBytes", result.stderr().length)
                .add("stderrTruncated", result.stderrTruncated())
                .build();
        append(COMMANDS, line + "\n");
        append(
                COMMANDS_LOG,
                at + " " + phase + " " + result.name() + " " + result.status() + " exit=" + result.exitCode() + " "
                        + result.durationMs() + "ms\n");
    }

    public synchronized List<StepResult> steps() {
        return List.copyOf(steps);
    }

    public synchronized List<JsonObject> messages() {
        return List.copyOf(messages);
    }

    private static byte[] withMarker(byte[] output, boolean truncated) {
        if (!truncated) {
            return output;
        }
        byte[] marker = StepResult.TRUNCATED_MARKER.getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[output.length + marker.length];
        System.arraycopy(output, 0, marked, 0, output.length);
        System.arraycopy(marker, 0, marked, output.length, marker.length);
        return marked;
    }

    private void append(String name, String text) {
        try {
            // getBytes replaces what UTF-8 cannot encode (a lone surrogate) where writeString would throw.
            Files.write(
                    directory.resolve(name),
                    redactor.redact(text).getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, byte[] bytes) {
        try {
            Files.write(directory.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
