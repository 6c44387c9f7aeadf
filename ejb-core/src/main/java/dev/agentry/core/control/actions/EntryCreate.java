package dev.agentry.core.control.actions;

import dev.agentry.core.control.ActionEffect;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.schema.Doc;
import dev.agentry.core.validation.PlainText;
import dev.agentry.persistence.catalog.Entry;
import dev.agentry.persistence.catalog.Section;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code entry.create}: a new draft entry in a section. */
@ApplicationScoped
public class EntryCreate extends CatalogAction<EntryCreate.Input> {

    @Doc("A new draft entry")
    public record Input(
            @NotBlank(message = "is required") @Size(max = 100) @Doc("The section's handle")
            String section,

            @NotBlank(message = "is required") @Size(max = 500) @PlainText
            String title,

            @NotBlank(message = "is required")
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "is lower-case words joined by hyphens")
            @Size(max = 200)
            String slug,

            @Doc("The entry's custom fields") JsonObject fields,
            @Size(max = 200) @PlainText String author) {}

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    public EntryCreate() {
        super("entry.create", "Create a draft entry in a section", Input.class, Entry.class);
    }

    @Override
    public ActionEffect apply(Grant grant, Input input) {
        Section section = em.createQuery(
                        "select s from Section s where s.handle = :handle and s.deletedAt is null", Section.class)
                .setParameter("handle", input.section())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> AgentryException.validation(List.of(
                        new FieldError("input.section", "unknown_section", "there is no section with this handle"))));
        String fields = input.fields() == null ? null : input.fields().toString();
        return ActionEffect.created(
                store.create(new Entry(section, input.title(), input.slug(), fields, input.author())));
    }
}
