package dev.agentry.core.agents;

import dev.agentry.core.Boundary;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.validation.Creation;
import dev.agentry.core.validation.JsonRecords;
import dev.agentry.core.validation.ValidatedInput;
import dev.agentry.persistence.runs.StoredAgent;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.groups.ConvertGroup;
import java.time.Clock;
import java.util.List;

/** The management boundary of the registry: list, read, register and change API agents. */
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

    public List<AgentView> list() {
        return registry.all().stream().map(AgentView::of).toList();
    }

    public AgentView get(String slug) {
        return AgentView.of(find(slug));
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
}
