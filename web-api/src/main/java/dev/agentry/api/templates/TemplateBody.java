package dev.agentry.api.templates;

import dev.agentry.api.request.JsonBodies;
import dev.agentry.core.templates.TemplateCatalog;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Lets a run be submitted as {@code {"template": id, "parameters": {...}}}: the body is rendered into the
 * task input the template describes before it is read, so the rendered task meets every rule a written
 * one does (and an Idempotency-Key compares the rendered task). Any other body passes unchanged.
 */
@Provider
@RendersTemplates
public class TemplateBody implements ReaderInterceptor {

    @Inject
    TemplateCatalog templates;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        JsonObject json = JsonBodies.object(body).orElse(null);
        if (json != null && json.containsKey("template")) {
            body = templates.taskBody(json).toString().getBytes(StandardCharsets.UTF_8);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
