package dev.agentry.core.tools;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.sandbox.FileDigest;
import dev.agentry.core.sandbox.SandboxViolation;
import dev.agentry.core.sandbox.StepResult;
import dev.agentry.core.sandbox.Workspace;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs tool calls for one run. Every call passes the same gate first: the tool exists, the run's
 * effective tools include it (policy, task and scopes already intersected), its action is not
 * preview, its arguments are well-formed Unicode; then every path argument is resolved by the
 * {@link Workspace}.
 */
public final class ToolExecutor {

    static final int MAX_READ_BYTES = 1024 * 1024;
    static final int MAX_WRITE_BYTES = 4 * 1024 * 1024;
    static final int MAX_LISTED = 2000;
    static final int MAX_MATCHES = 200;
    private static final int OUTPUT_TAIL = 4000;

    private final Workspace workspace;
    private final Set<String> effectiveTools;
    private final Map<String, ToolAction> actions;
    private final VerifyAccess verify;
    private final CatalogAccess catalog;
    private final CatalogWrites writes;
    private final MemoryAccess memory;

    public ToolExecutor(
            Workspace workspace,
            Set<String> effectiveTools,
            Map<String, ToolAction> actions,
            VerifyAccess verify,
            CatalogAccess catalog,
            CatalogWrites writes,
            MemoryAccess memory) {
        this.memory = memory;
        this.workspace = workspace;
        this.effectiveTools = Set.copyOf(effectiveTools);
        this.actions = Map.copyOf(actions);
        this.verify = verify;
        this.catalog = catalog;
        this.writes = writes;
    }

    public ToolOutcome execute(ToolCall call) {
        if (ToolCatalog.named(call.tool()).isEmpty()) {
            return ToolOutcome.error("unknown_tool", "There is no tool named " + call.tool() + ".");
        }
        if (!effectiveTools.contains(call.tool())) {
            return ToolOutcome.denied("The run may not use " + call.tool() + ".");
        }
        ToolAction action = actions.getOrDefault(call.tool(), ToolAction.DIRECT);
        // A governed write in preview is not merely recorded: it becomes a request for approval.
        if (action == ToolAction.PREVIEW && !call.tool().equals(ToolCatalog.CATALOG_WRITE)) {
            return new ToolOutcome(
                    "previewed",
                    Jsonp.createObjectBuilder()
                            .add("preview", true)
                            .add(
                                    "message",
                                    "Recorded, not run: the agent's policy puts " + call.tool() + " in preview.")
                            .build());
        }
        if (call.malformed() != null) {
            return ToolOutcome.error("invalid_arguments", call.malformed());
        }
        JsonObject args = call.arguments() == null ? JsonValue.EMPTY_JSON_OBJECT : call.arguments();
        if (!UnicodeText.isWellFormed(args.toString())) {
            // No path, file or query can hold it; the model hears why and may try again.
            return ToolOutcome.error(
                    "invalid_arguments", "An argument is not valid Unicode text: it holds a lone surrogate.");
        }
        var schemaProblem = ArgumentCheck.problem(
                ToolCatalog.named(call.tool()).orElseThrow().arguments(), args);
        if (schemaProblem.isPresent()) {
            return ToolOutcome.error("invalid_arguments", schemaProblem.get());
        }
        try {
            return switch (call.tool()) {
                case ToolCatalog.WORKSPACE_LIST -> list(args);
                case ToolCatalog.WORKSPACE_READ -> read(args);
                case ToolCatalog.WORKSPACE_WRITE -> write(args);
                case ToolCatalog.WORKSPACE_SEARCH -> search(args);
                case ToolCatalog.WORKSPACE_DELETE -> delete(args);
                case ToolCatalog.VERIFY_RUN -> verify(args);
                case ToolCatalog.CATALOG_READ -> catalog(args);
                case ToolCatalog.CATALOG_WRITE ->
                    action == ToolAction.PREVIEW ? propose(args) : ToolOutcome.ok(writeResult(call.id(), args));
                case ToolCatalog.MEMORY_READ,
                        ToolCatalog.MEMORY_WRITE,
                        ToolCatalog.MEMORY_LIST,
                        ToolCatalog.MEMORY_DELETE -> memory.call(call.tool(), args);
                default -> ToolOutcome.error("unknown_tool", "There is no tool named " + call.tool() + ".");
            };
        } catch (SandboxViolation e) {
            return ToolOutcome.error(e.code(), e.getMessage());
        } catch (BadArgument e) {
            return ToolOutcome.error("invalid_arguments", e.getMessage());
        } catch (AgentryException e) {
            return ToolOutcome.error(e.code().code(), e.detail());
        } catch (IOException | UncheckedIOException e) {
            return ToolOutcome.error("io_error", "The workspace could not be read or written.");
        }
    }

    /** The pending approval of the write the agent proposed: previewed, so the loop says approval_required. */
    private ToolOutcome propose(JsonObject args) {
        JsonValue approval =
                writes.propose(required(args, "action"), object(args, "input"), optional(args, "reason", null));
        return new ToolOutcome(
                "previewed",
                Jsonp.createObjectBuilder()
                        .add("preview", true)
                        .add("approval", approval)
                        .add(
                                "message",
                                "Proposed, not run: the agent's policy puts catalog.write in preview, so the write"
                                        + " waits for approval.")
                        .build());
    }

    private JsonObject writeResult(String callId, JsonObject args) {
        return Jsonp.createObjectBuilder()
                .add("execution", writes.execute(callId, required(args, "action"), object(args, "input")))
                .build();
    }

    private static JsonObject object(JsonObject args, String name) {
        if (!(args.get(name) instanceof JsonObject value)) {
            throw new BadArgument(name + " must be an object");
        }
        return value;
    }

    private ToolOutcome list(JsonObject args) throws IOException {
        Path dir = workspace.resolve(optional(args, "path", ""));
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return ToolOutcome.error("not_a_directory", "No such directory in the workspace.");
        }
        boolean recursive = args.getBoolean("recursive", false);
        JsonArrayBuilder entries = Jsonp.createArrayBuilder();
        int[] count = {0};
        try (Stream<Path> paths = recursive ? Files.walk(dir) : Files.list(dir)) {
            paths.filter(p -> !p.equals(dir)).sorted().limit(MAX_LISTED).forEach(p -> {
                count[0]++;
                entries.add(Jsonp.createObjectBuilder()
                        .add("path", workspace.nameOf(p))
                        .add("type", Files.isSymbolicLink(p) ? "link" : Files.isDirectory(p) ? "directory" : "file")
                        .add("size", Workspace.isPlainFile(p) ? size(p) : 0));
            });
        }
        return ToolOutcome.ok(Jsonp.createObjectBuilder()
                .add("entries", entries)
                .add("truncated", count[0] >= MAX_LISTED)
                .build());
    }

    private ToolOutcome read(JsonObject args) throws IOException {
        Path file = workspace.resolve(required(args, "path"));
        if (!Workspace.isPlainFile(file)) {
            return ToolOutcome.error("not_found", "No such file in the workspace.");
        }
        if (Files.size(file) > MAX_READ_BYTES) {
            return ToolOutcome.error("too_large", "The file is larger than " + MAX_READ_BYTES + " bytes.");
        }
        byte[] bytes = Files.readAllBytes(file);
        return ToolOutcome.ok(Jsonp.createObjectBuilder()
                .add("path", workspace.nameOf(file))
                .add("content", new String(bytes, StandardCharsets.UTF_8))
                .add("size", bytes.length)
                .add("sha256", FileDigest.of(bytes))
                .build());
    }

    private ToolOutcome write(JsonObject args) throws IOException {
        String name = required(args, "path");
        String content = required(args, "content");
        Path file = workspace.resolve(name);
        if (file.equals(workspace.root()) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return ToolOutcome.error("not_a_file", "The path is a directory.");
        }
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_WRITE_BYTES) {
            return ToolOutcome.error("too_large", "A file written by a tool is at most " + MAX_WRITE_BYTES + " bytes.");
        }
        boolean created = !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        Files.createDirectories(file.getParent());
        // Resolve again: creating the parents must not have opened a way through a link.
        workspace.resolve(name);
        workspace.replace(file, bytes); // never in place: the file may be the seed's own
        return ToolOutcome.ok(Jsonp.createObjectBuilder()
                .add("path", workspace.nameOf(file))
                .add("created", created)
                .add("size", bytes.length)
                .add("sha256", FileDigest.of(bytes))
                .build());
    }

    private ToolOutcome search(JsonObject args) throws IOException {
        String query = required(args, "query");
        if (query.isEmpty()) {
            throw new BadArgument("query must not be empty");
        }
        Path dir = workspace.resolve(optional(args, "path", ""));
        JsonArrayBuilder matches = Jsonp.createArrayBuilder();
        int found = 0;
        List<Path> files;
        try (Stream<Path> paths = Files.walk(dir)) {
            files = paths.filter(Workspace::isPlainFile).sorted().toList();
        }
        for (Path file : files) {
            if (found >= MAX_MATCHES || Files.size(file) > MAX_READ_BYTES) {
                continue;
            }
            List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            for (int i = 0; i < lines.size() && found < MAX_MATCHES; i++) {
                if (lines.get(i).contains(query)) {
                    found++;
                    matches.add(Jsonp.createObjectBuilder()
                            .add("path", workspace.nameOf(file))
                            .add("line", i + 1)
                            .add("text", lines.get(i)));
                }
            }
        }
        return ToolOutcome.ok(Jsonp.createObjectBuilder()
                .add("matches", matches)
                .add("truncated", found >= MAX_MATCHES)
                .build());
    }

    private ToolOutcome delete(JsonObject args) throws IOException {
        Path target = workspace.resolve(required(args, "path"));
        if (target.equals(workspace.root())) {
            return ToolOutcome.error("not_a_file", "The workspace itself cannot be deleted.");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return ToolOutcome.error("not_found", "No such file in the workspace.");
        }
        try {
            Files.delete(target);
        } catch (DirectoryNotEmptyException e) {
            return ToolOutcome.error("not_empty", "Only files and empty directories are deleted.");
        }
        return ToolOutcome.ok(Jsonp.createObjectBuilder()
                .add("path", workspace.nameOf(target))
                .add("deleted", true)
                .build());
    }

    private ToolOutcome verify(JsonObject args) {
        String step = required(args, "step");
        return verify.run(step)
                .map(result -> ToolOutcome.ok(summary(result)))
                .orElseGet(
                        () -> ToolOutcome.error("unknown_step", "The operator declared no verify step " + step + "."));
    }

    private ToolOutcome catalog(JsonObject args) {
        String collection = required(args, "collection");
        String id = optional(args, "id", null);
        int limit = 20;
        if (args.get("limit") instanceof JsonNumber n) {
            limit = n.intValue();
            if (!n.isIntegral() || limit < 1 || limit > 100) {
                throw new BadArgument("limit is an integer from 1 to 100");
            }
        }
        return ToolOutcome.ok(Jsonp.createObjectBuilder()
                .add("collection", collection)
                .add("data", catalog.read(collection, id, limit))
                .build());
    }

    /** What the agent sees of a step: status, exit code and the tails of its output. */
    public static JsonObject summary(StepResult result) {
        return Jsonp.createObjectBuilder()
                .add("step", result.name())
                .add("status", result.status())
                .add("exitCode", result.exitCode())
                .add("durationMs", result.durationMs())
                .add("stdout", tail(result.stdout(), result.stdoutTruncated()))
                .add("stderr", tail(result.stderr(), result.stderrTruncated()))
                .build();
    }

    /** The last characters of captured output, with the marker when the capture was cut. */
    public static String tail(byte[] output, boolean truncated) {
        String text = new String(output, StandardCharsets.UTF_8);
        if (text.length() > OUTPUT_TAIL) {
            text = text.substring(text.length() - OUTPUT_TAIL);
        }
        return truncated ? text + StepResult.TRUNCATED_MARKER : text;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String required(JsonObject args, String name) {
        if (args.get(name) instanceof JsonString s) {
            return s.getString();
        }
        throw new BadArgument(name + " is required and must be a string");
    }

    private static String optional(JsonObject args, String name, String fallback) {
        JsonValue value = args.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new BadArgument(name + " must be a string");
    }

    private static final class BadArgument extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadArgument(String message) {
            super(message);
        }
    }
}
