package dev.agentry.core.agents;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.validation.Creation;
import dev.agentry.core.validation.JsonRecords;
import dev.agentry.persistence.runs.StoredAgent;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every agent definition, by slug. At startup it fires {@link AgentRegistration} once, then reads the
 * declarative files (in name order); agents registered through the API are stored and come last. A
 * slug belongs to whoever registered it first; later attempts are rejected with the first's origin,
 * and kept in {@link #rejected()} so an operator can see them.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class AgentRegistry {

    private static final Logger LOG = Logger.getLogger(AgentRegistry.class);

    /** A definition that was not registered, and why. */
    public record Rejected(@NotNull String origin, @NotNull String reason) implements Serializable {}

    @Inject
    Event<AgentRegistration> startup;

    @Inject
    @ConfigProperty(name = "agentry.agents.directory")
    Optional<String> directory;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir")
    String dataDir;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Validator validator;

    private final AgentRegistration registration = new AgentRegistration();
    private final List<Rejected> rejected = new ArrayList<>();

    @PostConstruct
    void start() {
        startup.fire(registration);
        registration.close();
        Path files =
                Path.of(directory.orElse(Path.of(dataDir, "agentry", "agents").toString()));
        if (Files.isDirectory(files)) {
            try (Stream<Path> list = Files.list(files)) {
                list.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .forEach(this::load);
            } catch (IOException e) {
                LOG.errorf("Agent definitions in %s could not be listed: %s", files, e.getMessage());
            }
        }
        LOG.infof(
                "Agent registry: %d agents from startup and files (%s)",
                registration.all().size(), files);
    }

    private void load(Path file) {
        String origin = "file:" + file.getFileName();
        try (Reader text = Files.newBufferedReader(file);
                JsonReader reader = Jsonp.createReader(text)) {
            AgentRequest request = JsonRecords.read(reader.readValue(), AgentRequest.class, validator, Creation.class);
            registration.add(new RegisteredAgent(request.definition(null), origin));
        } catch (DuplicateAgent e) {
            reject(origin, e.getMessage());
        } catch (AgentryException e) {
            reject(origin, e.getMessage() + " " + e.errors());
        } catch (IOException | JsonException e) {
            reject(origin, "not a readable JSON document");
        }
    }

    private void reject(String origin, String reason) {
        LOG.errorf("Agent definition from %s rejected: %s", origin, reason);
        rejected.add(new Rejected(origin, reason));
    }

    public Optional<RegisteredAgent> find(String slug) {
        Optional<RegisteredAgent> fixed = registration.find(slug);
        if (fixed.isPresent()) {
            return fixed;
        }
        return Optional.ofNullable(em.find(StoredAgent.class, slug)).map(AgentRegistry::fromStorage);
    }

    /** Every agent, by slug. */
    public List<RegisteredAgent> all() {
        TreeMap<String, RegisteredAgent> agents = new TreeMap<>(registration.all());
        em.createNamedQuery("StoredAgent.all", StoredAgent.class).getResultList().stream()
                .map(AgentRegistry::fromStorage)
                .forEach(agent -> agents.putIfAbsent(agent.definition().slug(), agent));
        return List.copyOf(agents.values());
    }

    public List<Rejected> rejected() {
        return List.copyOf(rejected);
    }

    /** Where a slug is already registered, if anywhere: startup code, a file, or the API. */
    public Optional<String> originOf(String slug) {
        return find(slug).map(RegisteredAgent::origin);
    }

    static RegisteredAgent fromStorage(StoredAgent stored) {
        try (JsonReader reader = Jsonp.createReader(new StringReader(stored.getDefinition()))) {
            // Stored as written after it was validated: bound, not checked again.
            AgentRequest definition =
                    JsonRecords.bind(reader.readValue(), AgentRequest.class).value();
            return new RegisteredAgent(definition.definition(null), RegisteredAgent.API);
        }
    }
}
