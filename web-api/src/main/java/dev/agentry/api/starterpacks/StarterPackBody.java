package dev.agentry.api.starterpacks;

import dev.agentry.api.request.JsonBodies;
import dev.agentry.core.starterpacks.StarterPackCatalog;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Applies a credential request's {@code starterPack} before the request is read ({@link
 * StarterPackCatalog#apply}): what the request leaves out comes from the pack, so the created credential
 * then meets every rule, the grant ceiling included, as if the caller had written it all.
 */
@Provider
@AppliesStarterPacks
public class StarterPackBody implements ReaderInterceptor {

    @Inject
    StarterPackCatalog packs;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        JsonObject json = JsonBodies.object(body).orElse(null);
        if (json != null && json.containsKey("starterPack")) {
            body = packs.apply(json).toString().getBytes(StandardCharsets.UTF_8);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
