package dev.agentry.core.agents;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.providers.ModelProviders;
import dev.agentry.core.providers.ProviderSettings;
import dev.agentry.core.validation.Creation;
import dev.agentry.core.validation.JsonRecords;
import dev.agentry.core.validation.ValidatedInput;
import dev.agentry.persistence.runs.RunStatus;
import dev.agentry.persistence.runs.StoredAgent;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.groups.ConvertGroup;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The management boundary of the registry: list, read, register, change and delete API agents. */
@Stateless
@ValidatedInput
@Boundary
public class Agents {

    @Inject
    AgentRegistry registry;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Event<AgentDeleted> deleted;

    public List<AgentView> list() {
        return registry.all().stream().map(AgentView::of).toList();
    }

    public AgentView get(String slug) {
        return AgentView.of(find(slug));
    }

    /** The agents with these slugs that exist, by slug (from one read of the registry), for naming audit targets. */
    public Map<String, AgentRef> named(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        Set<String> wanted = Set.copyOf(slugs);
        return registry.all().stream()
                .map(RegisteredAgent::definition)
                .filter(definition -> wanted.contains(definition.slug()))
                .collect(Collectors.toMap(AgentDefinition::slug, d -> new AgentRef(d.slug(), d.label())));
    }

    /**
     * The providers an agent may be defined with, by name: {@code scripted} and those the operator
     * configured; the same list {@link KnownProvider} checks a definition against.
     */
    public List<String> providers() {
        TreeSet<String> names = new TreeSet<>(ProviderSettings.configuredNames());
        names.add(ModelProviders.SCRIPTED);
        return List.copyOf(names);
    }

    /** The definitions that were not registered (a duplicate slug, a broken file) and why. */
    public List<AgentRegistry.Rejected> rejected() {
        return registry.rejected();
    }

    private RegisteredAgent find(String slug) {
        return registry.find(slug).orElseThrow(() -> AgentryException.notFound("There is no agent with this slug."));
    }

    public AgentView register(@Valid @ConvertGroup(to = Creation.class) AgentRequest request) {
        AgentDefinition definition = request.definition(null);
        registry.originOf(definition.slug()).ifPresent(origin -> {
            throw new AgentryException(ErrorCode.CONFLICT, new DuplicateAgent(definition.slug(), origin).getMessage());
        });
        em.persist(new StoredAgent(definition.slug(), JsonRecords.write(AgentRequest.of(definition)), clock.instant()));
        audit.action("agent.register", definition.slug());
        return AgentView.of(new RegisteredAgent(definition, RegisteredAgent.API));
    }

    /** Changes the members the patch gives; the slug cannot change. */
    public AgentView update(String slug, @Valid AgentRequest patch) {
        RegisteredAgent current = find(slug);
        if (!current.editable()) {
            throw new AgentryException(
                    ErrorCode.CONFLICT, "Agent " + slug + " is defined by " + current.origin() + "; change it there.");
        }
        if (patch.slug() != null && !patch.slug().equals(slug)) {
            throw AgentryException.validation(
                    List.of(new FieldError("slug", "immutable", "the slug of an agent cannot change")));
        }
        AgentDefinition changed = patch.definition(current.definition());
        em.find(StoredAgent.class, slug).replace(JsonRecords.write(AgentRequest.of(changed)), clock.instant());
        audit.action("agent.update", slug);
        return AgentView.of(new RegisteredAgent(changed, RegisteredAgent.API));
    }

    /**
     * Deletes an agent registered through the API, and with it its memory (every layer, every owner)
     * and its sessions, so a later agent of the same slug starts with nothing of this one's. Its ended
     * runs stay: they are their owners' evidence, and name the slug as it was. Refused: an agent of
     * startup code or a file (conflict: it is deleted where it is defined), one with runs not yet
     * ended (conflict: cancel them first), and one whose permission ceiling holds scopes the caller
     * does not (scope_denied: the grant ceiling, as for managing a credential).
     */
    public void delete(Grant caller, String slug) {
        RegisteredAgent current = find(slug);
        if (!current.editable()) {
            throw new AgentryException(
                    ErrorCode.CONFLICT, "Agent " + slug + " is defined by " + current.origin() + "; remove it there.");
        }
        List<String> beyond = caller.beyondCeiling(current.definition().permissionCeiling());
        if (!beyond.isEmpty()) {
            throw new AgentryException(
                    ErrorCode.SCOPE_DENIED,
                    "Agent " + slug + " may use scopes you do not hold (" + String.join(", ", beyond)
                            + "); only a credential holding its whole permission ceiling can delete it.");
        }
        StoredAgent stored = em.find(StoredAgent.class, slug, LockModeType.PESSIMISTIC_WRITE);
        long active = em.createQuery(
                        "select count(r) from AgentRun r where r.agentSlug = :slug and r.status in :active", Long.class)
                .setParameter("slug", slug)
                .setParameter("active", RunStatus.before(RunStatus.SUCCEEDED))
                .getSingleResult();
        if (active > 0) {
            throw new AgentryException(
                    ErrorCode.CONFLICT,
                    "Agent " + slug + " has " + active + " run(s) not yet ended; cancel them or let them end first.");
        }
        deleted.fire(new AgentDeleted(slug));
        em.remove(stored);
        audit.action("agent.delete", slug);
    }
}
