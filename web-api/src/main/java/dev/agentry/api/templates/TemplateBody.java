package dev.agentry.api.templates;

import dev.agentry.api.request.JsonBodies;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.templates.TemplateCatalog;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lets a run be submitted as {@code {"template": id, "parameters": {...}}}: the body is rendered into the
 * task input the template describes before it is read, so the rendered task meets every rule a written
 * one does (and an Idempotency-Key compares the rendered task). Any other body passes unchanged.
 */
@Provider
@RendersTemplates
public class TemplateBody implements ReaderInterceptor {

    private static final Set<String> MEMBERS = Set.of("template", "parameters");

    @Inject
    TemplateCatalog templates;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        JsonObject json = JsonBodies.object(body).orElse(null);
        if (json != null && json.containsKey("template")) {
            List<FieldError> errors = new TreeSet<>(json.keySet())
                    .stream()
                            .filter(member -> !MEMBERS.contains(member))
                            .map(member ->
                                    new FieldError(member, "unknown_field", member + " is not allowed with template"))
                            .toList();
            if (!errors.isEmpty()) {
                throw AgentryException.validation(errors);
            }
            if (!(json.get("template") instanceof JsonString id)) {
                throw AgentryException.validation(
                        List.of(new FieldError("template", "not_a_string", "template must be a template's id")));
            }
            body = templates
                    .render(id.getString(), json.get("parameters"))
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
