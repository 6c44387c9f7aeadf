package dev.agentry.core.memory;

import dev.agentry.core.Boundary;
import dev.agentry.core.agents.AgentDeleted;
import dev.agentry.core.agents.AgentRegistry;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.json.JsonTree;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.sandbox.FileDigest;
import dev.agentry.persistence.memory.MemoryEntry;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The memory boundary: read, list, write and delete entries of one place ({@link MemoryPlace}). Every
 * write names the hash it expects ({@code ifMatch}; none: the entry must not exist) and is one
 * conditional statement, so of concurrent writers of one version exactly one wins and the others get
 * {@code 409 conflict} with the current hash. Values are bounded in size, places in entries; writes and
 * deletes are audited (the key, never the value).
 */
@Boundary
@Stateless
public class AgentMemory {

    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    static final String KEY_RULE = "a key is 1 to 200 letters, digits, '.', '_', ':' and '-', from a letter or digit";

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    AgentRegistry agents;

    @Inject
    CursorSeal seal;

    @Inject
    @ConfigProperty(name = "agentry.memory.max-value-bytes", defaultValue = "65536")
    int maxValueBytes;

    @Inject
    @ConfigProperty(name = "agentry.memory.max-entries", defaultValue = "1000")
    int maxEntries;

    public Optional<MemoryEntryView> read(MemoryPlace place, String key) {
        checked(place, key);
        return Optional.ofNullable(em.find(MemoryEntry.class, id(place, key))).map(AgentMemory::view);
    }

    /** Entries by key, from after the cursor; {@code prefix} narrows them. */
    public Page<MemoryEntryView> list(MemoryPlace place, String prefix, int limit, String cursor) {
        agent(place);
        String binding = "memory|" + place.layer().wire() + "|" + place.agent() + "|" + place.owner() + "|"
                + (prefix == null ? "" : prefix) + "|";
        String after = "";
        if (cursor != null) {
            String payload = seal.open(cursor);
            if (!payload.startsWith(binding)) {
                throw CursorSeal.invalid("The cursor belongs to another listing.");
            }
            after = payload.substring(binding.length());
        }
        List<MemoryEntry> rows = em.createNamedQuery("MemoryEntry.page", MemoryEntry.class)
                .setParameter("layer", place.layer().wire())
                .setParameter("agent", place.agent())
                .setParameter("owner", place.owner())
                .setParameter("after", after)
                .setParameter(
                        "prefix", (prefix == null ? "" : prefix.replace("%", "").replace("_", "\\_")) + "%")
                .setMaxResults(limit + 1)
                .getResultList();
        boolean more = rows.size() > limit;
        List<MemoryEntry> page = more ? rows.subList(0, limit) : rows;
        String next = more ? seal.seal(binding + page.get(page.size() - 1).getKey()) : null;
        return Page.of(page.stream().map(AgentMemory::view).toList(), next);
    }

    /**
     * Writes the value if the entry still has the hash {@code ifMatch} (or, without one, does not
     * exist yet); {@code actor} is who wrote it for the record (a credential, or a run).
     *
     * @return the entry as written, and whether it was created
     */
    public Written write(MemoryPlace place, String key, JsonValue value, String ifMatch, String actor) {
        checked(place, key);
        if (ifMatch != null && !HASH.matcher(ifMatch).matches()) {
            throw AgentryException.validation(
                    List.of(new FieldError("ifMatch", "invalid", "ifMatch is a hash as an entry shows it")));
        }
        byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
        if (text.length > maxValueBytes) {
            throw AgentryException.validation(List.of(new FieldError(
                    "value", "too_large", "a value is at most " + maxValueBytes + " bytes as JSON text")));
        }
        String hash = "sha256:" + FileDigest.of(text);
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (ifMatch == null) {
            long count = em.createNamedQuery("MemoryEntry.count", Long.class)
                    .setParameter("layer", place.layer().wire())
                    .setParameter("agent", place.agent())
                    .setParameter("owner", place.owner())
                    .getSingleResult();
            MemoryEntry current = em.find(MemoryEntry.class, id(place, key));
            if (current != null) {
                throw conflict(current.getHash());
            }
            if (count >= maxEntries) {
                throw AgentryException.validation(List.of(
                        new FieldError("key", "too_many", "this memory holds at most " + maxEntries + " entries")));
            }
            MemoryEntry created = new MemoryEntry(
                    place.layer().wire(), place.agent(), place.owner(), key, value.toString(), hash, now, actor);
            try {
                em.persist(created);
                em.flush();
            } catch (PersistenceException e) {
                throw conflict(null); // created meanwhile by another writer, which won
            }
            audit.action("memory.write", target(place, key));
            return new Written(view(created), true);
        }
        int swapped = em.createNamedQuery("MemoryEntry.swap")
                .setParameter("value", value.toString())
                .setParameter("hash", hash)
                .setParameter("now", now)
                .setParameter("by", actor)
                .setParameter("layer", place.layer().wire())
                .setParameter("agent", place.agent())
                .setParameter("owner", place.owner())
                .setParameter("key", key)
                .setParameter("ifMatch", ifMatch)
                .executeUpdate();
        if (swapped == 0) {
            throw stale(place, key);
        }
        audit.action("memory.write", target(place, key));
        return new Written(
                view(new MemoryEntry(
                        place.layer().wire(), place.agent(), place.owner(), key, value.toString(), hash, now, actor)),
                false);
    }

    /** Deletes the entry if it still has the hash {@code ifMatch}; without one, whatever it holds. */
    public void delete(MemoryPlace place, String key, String ifMatch) {
        checked(place, key);
        MemoryEntry current = em.find(MemoryEntry.class, id(place, key));
        if (current == null) {
            throw AgentryException.notFound("There is no memory entry with this key.");
        }
        int removed = em.createNamedQuery("MemoryEntry.remove")
                .setParameter("layer", place.layer().wire())
                .setParameter("agent", place.agent())
                .setParameter("owner", place.owner())
                .setParameter("key", key)
                .setParameter("ifMatch", ifMatch == null ? current.getHash() : ifMatch)
                .executeUpdate();
        if (removed == 0) {
            throw stale(place, key);
        }
        audit.action("memory.delete", target(place, key));
    }

    /**
     * The agent is being deleted (in this transaction): its memory goes with it, every layer and owner,
     * so an agent registered later under the same slug does not inherit it. Audited with the count.
     */
    public void forget(@Observes AgentDeleted deleted) {
        int removed = em.createNamedQuery("MemoryEntry.ofAgent")
                .setParameter("agent", deleted.slug())
                .executeUpdate();
        audit.action("memory.forget", deleted.slug() + " " + removed + " entries");
    }

    /** An entry as written: created, or changed. */
    public record Written(MemoryEntryView entry, boolean created) {}

    private void checked(MemoryPlace place, String key) {
        agent(place);
        if (key == null || !KEY.matcher(key).matches()) {
            throw AgentryException.validation(List.of(new FieldError("key", "invalid", KEY_RULE)));
        }
    }

    private void agent(MemoryPlace place) {
        if (agents.find(place.agent()).isEmpty()) {
            throw AgentryException.notFound("There is no agent with this slug.");
        }
    }

    private AgentryException stale(MemoryPlace place, String key) {
        MemoryEntry current = em.find(MemoryEntry.class, id(place, key));
        return conflict(current == null ? null : current.getHash());
    }

    private static AgentryException conflict(String currentHash) {
        return new AgentryException(
                ErrorCode.CONFLICT,
                currentHash == null
                        ? "The entry is not as the write expected: it does not exist (any longer), or was just created."
                        : "The entry has changed since: its hash is now " + currentHash + ".",
                List.of(new FieldError(
                        "ifMatch", "stale", currentHash == null ? "the entry has no current hash" : currentHash)));
    }

    private static MemoryEntry.Key id(MemoryPlace place, String key) {
        return new MemoryEntry.Key(place.layer().wire(), place.agent(), place.owner(), key);
    }

    private static String target(MemoryPlace place, String key) {
        return place.agent() + " " + place.layer().wire() + " " + key;
    }

    static MemoryEntryView view(MemoryEntry row) {
        return new MemoryEntryView(
                MemoryEntryView.SCHEMA,
                row.getLayer(),
                row.getKey(),
                JsonTree.parse(row.getValue()),
                row.getHash(),
                row.getValue().getBytes(StandardCharsets.UTF_8).length,
                row.getUpdatedAt().toString());
    }
}
