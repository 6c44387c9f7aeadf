package dev.agentry.core.runs;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.sandbox.VerifyStep;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The verify steps the operator declared, by name, read from a JSON file
 * ({@code agentry.runs.verify-steps}; by default {@code verify-steps.json} in the data directory,
 * written with two demo steps on first start). Each is {@code {name, command: [...],
 * workingDirectory?, timeoutSeconds?}}; a malformed file stops the deployment.
 */
@ApplicationScoped
class VerifySteps {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    @Inject
    RunSettings settings;

    private Map<String, VerifyStep> steps;

    void onStartup(@Observes Startup startup) {
        // Read at startup so a malformed file stops the deployment instead of the first run.
    }

    @PostConstruct
    void load() {
        Path file = settings.verifyStepsFile();
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                try (InputStream bundled = Seeds.resource("verify-steps.json")) {
                    Files.copy(bundled, file);
                }
            }
            try (Reader text = Files.newBufferedReader(file);
                    JsonReader reader = Jsonp.createReader(text)) {
                steps = parse(reader.readArray(), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("agentry.runs.verify-steps: " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<VerifyStep> named(String name) {
        return Optional.ofNullable(steps.get(name));
    }

    static Map<String, VerifyStep> parse(JsonArray array, Path file) {
        Map<String, VerifyStep> steps = new TreeMap<>();
        for (JsonValue value : array) {
            JsonObject step = value.asJsonObject();
            String name = step.getString("name");
            List<String> command = new ArrayList<>();
            for (JsonValue arg : step.getJsonArray("command")) {
                command.add(((JsonString) arg).getString());
            }
            Duration timeout = step.containsKey("timeoutSeconds")
                    ? Duration.ofSeconds(step.getJsonNumber("timeoutSeconds").longValueExact())
                    : DEFAULT_TIMEOUT;
            if (steps.put(name, new VerifyStep(name, command, step.getString("workingDirectory", ""), timeout))
                    != null) {
                throw new IllegalArgumentException("verify step " + name + " is declared twice in " + file);
            }
        }
        return Map.copyOf(steps);
    }
}
