package dev.agentry.core.runs;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operator's allowlist of seed directories, by name ({@code agentry.runs.seeds}, entries
 * {@code name=/absolute/path}). A task names a seed; it never gives a path. The bundled {@code demo}
 * seed is written under the data directory on first start and is on the list unless the operator
 * names another {@code demo}.
 */
@ApplicationScoped
class Seeds {

    public static final String DEMO = "demo";

    @Inject
    RunSettings settings;

    private Map<String, Path> seeds;

    void onStartup(@Observes Startup startup) {
        // Read at startup so a malformed entry stops the deployment instead of the first run.
    }

    @PostConstruct
    void load() {
        Map<String, Path> named = new TreeMap<>();
        named.put(DEMO, demoSeed());
        for (String entry : settings.seedEntries()) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            Path path = eq > 0 ? Path.of(trimmed.substring(eq + 1).strip()) : null;
            if (path == null || !path.isAbsolute() || !Files.isDirectory(path)) {
                throw new IllegalStateException(
                        "agentry.runs.seeds: " + trimmed + " is not name=/absolute/path/to/a/directory");
            }
            named.put(trimmed.substring(0, eq).strip(), path);
        }
        seeds = Map.copyOf(named);
    }

    public Optional<Path> named(String name) {
        return Optional.ofNullable(seeds.get(name));
    }

    private Path demoSeed() {
        Path target = settings.dataDirectory().resolve("seeds").resolve(DEMO);
        if (Files.isDirectory(target)) {
            return target;
        }
        try (InputStream index = resource("demo-seed.index")) {
            for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (name.isBlank()) {
                    continue;
                }
                Path file = target.resolve(name.strip());
                Files.createDirectories(file.getParent());
                try (InputStream content = resource("demo-seed/" + name.strip())) {
                    Files.copy(content, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static InputStream resource(String name) throws IOException {
        InputStream in = Seeds.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("bundled resource missing: " + name);
        }
        return in;
    }
}
