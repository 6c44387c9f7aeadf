package dev.agentry.core.templates;

import dev.agentry.core.Boundary;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every task template: the shipped ones first, then the JSON files of {@code agentry.templates.directory}
 * in name order. An id belongs to whoever defined it first, as agent slugs do; a later definition, or
 * one that is not a usable template, is rejected with a log line naming its file and why.
 */
@Boundary
@ApplicationScoped
public class TemplateCatalog {

    private static final Logger LOG = Logger.getLogger(TemplateCatalog.class);

    /** What a body that names a template may carry besides. */
    private static final Set<String> TEMPLATE_MEMBERS = Set.of("template", "parameters");

    /** The templates the application ships, as resources next to this class. */
    static final List<String> SHIPPED =
            List.of("catalog-sync-loop-check", "support-context-lookup", "governed-content-edit", "fix-failing-check");

    /** Bounds on a template file, so a bad directory cannot take the server's memory. */
    static final long MAX_FILE_BYTES = 256 * 1024;

    static final int MAX_TEMPLATES = 500;

    @Inject
    @ConfigProperty(name = "agentry.templates.directory")
    Optional<String> directory;

    private final Map<String, TaskTemplate> templates = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        for (String id : SHIPPED) {
            try (InputStream in = TemplateCatalog.class.getResourceAsStream(id + ".json")) {
                if (in == null) {
                    LOG.errorf("Shipped template %s is missing", id);
                    continue;
                }
                try (JsonReader reader = Jsonp.createReader(in)) {
                    add(reader.readObject(), "shipped");
                }
            } catch (IOException | JsonException | ClassCastException e) {
                LOG.errorf("Shipped template %s is unreadable", id);
            }
        }
        directory.map(Path::of).filter(Files::isDirectory).ifPresent(this::loadFiles);
        LOG.infof("Task templates: %d", templates.size());
    }

    private void loadFiles(Path files) {
        try (Stream<Path> list = Files.list(files)) {
            list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .forEach(file -> {
                        String origin = "file:" + file.getFileName();
                        try {
                            if (Files.size(file) > MAX_FILE_BYTES) {
                                LOG.errorf("Template %s rejected: larger than %d bytes", origin, MAX_FILE_BYTES);
                                return;
                            }
                            try (Reader text = Files.newBufferedReader(file);
                                    JsonReader reader = Jsonp.createReader(text)) {
                                add(reader.readObject(), origin);
                            }
                        } catch (IOException | JsonException | ClassCastException e) {
                            LOG.errorf("Template %s rejected: not a readable JSON object", origin);
                        }
                    });
        } catch (IOException e) {
            LOG.errorf("Templates in %s could not be listed: %s", files, e.getMessage());
        }
    }

    private void add(JsonObject json, String origin) {
        String id = json.getString("id", "");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            LOG.errorf("Template from %s rejected: id must be 1-64 lowercase letters, digits or '-'", origin);
            return;
        }
        if (templates.containsKey(id)) {
            LOG.errorf(
                    "Template from %s rejected: %s is already defined by %s",
                    origin, id, templates.get(id).origin());
            return;
        }
        if (templates.size() >= MAX_TEMPLATES) {
            LOG.errorf("Template from %s rejected: at most %d templates", origin, MAX_TEMPLATES);
            return;
        }
        try {
            TaskTemplate template = new TaskTemplate(
                    id,
                    json.getString("title"),
                    json.getString("description"),
                    json.getJsonObject("parameters"),
                    json.getJsonObject("task"),
                    strings(json, "scopes"),
                    strings(json, "tools"),
                    origin);
            if (template.parameters() == null || template.task() == null) {
                throw new NullPointerException();
            }
            List<String> problems = TemplateRenderer.problemsOf(template);
            if (!problems.isEmpty()) {
                LOG.errorf("Template %s from %s rejected: %s", id, origin, problems);
                return;
            }
            templates.put(id, template);
        } catch (NullPointerException | ClassCastException e) {
            LOG.errorf(
                    "Template %s from %s rejected: title, description, parameters and task are required", id, origin);
        }
    }

    private static List<String> strings(JsonObject json, String member) {
        return json.containsKey(member)
                ? json.getJsonArray(member).getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()
                : List.of();
    }

    public Collection<TaskTemplate> all() {
        return templates.values();
    }

    public Optional<TaskTemplate> named(String id) {
        return Optional.ofNullable(id == null ? null : templates.get(id));
    }

    /**
     * A run's submitted body as the task it asks for: {@code {template, parameters}} rendered into the task input
     * the template describes, any other body as it is. Both doors (REST and MCP) submit through this, so a
     * rendered task meets every rule a written one does and an idempotency key compares the rendered task.
     */
    public JsonObject taskBody(JsonObject body) {
        if (!body.containsKey("template")) {
            return body;
        }
        List<FieldError> errors = new TreeSet<>(body.keySet())
                .stream()
                        .filter(member -> !TEMPLATE_MEMBERS.contains(member))
                        .map(member ->
                                new FieldError(member, "unknown_field", member + " is not allowed with template"))
                        .toList();
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
        if (!(body.get("template") instanceof JsonString id)) {
            throw AgentryException.validation(
                    List.of(new FieldError("template", "not_a_string", "template must be a template's id")));
        }
        return render(id.getString(), body.get("parameters"));
    }

    /**
     * The task input a template renders to with the given parameters; {@code validation_failed} naming
     * {@code template} when there is no such template, and each bad {@code parameters.<name>}.
     */
    public JsonObject render(String id, JsonValue parameters) {
        TaskTemplate template = named(id)
                .orElseThrow(() -> AgentryException.validation(List.of(new FieldError(
                        "template",
                        "unknown_template",
                        "there is no template " + FieldError.quoted(String.valueOf(id)) + "; see /templates"))));
        List<FieldError> errors = new ArrayList<>();
        JsonObject given = JsonValue.EMPTY_JSON_OBJECT;
        if (parameters instanceof JsonObject object) {
            given = object;
        } else if (parameters != null && parameters != JsonValue.NULL) {
            errors.add(new FieldError("parameters", "not_an_object", "parameters must be a JSON object"));
        }
        Map.Entry<JsonObject, List<FieldError>> checked = TemplateRenderer.check(template, given);
        errors.addAll(checked.getValue());
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
        return TemplateRenderer.render(template.task(), checked.getKey());
    }
}
