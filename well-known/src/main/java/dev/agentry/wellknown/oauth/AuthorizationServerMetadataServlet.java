package dev.agentry.wellknown.oauth;

import dev.agentry.core.policy.GrantableScope;
import dev.agentry.core.policy.ScopeCatalog;
import dev.agentry.core.policy.TokenAudience;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the authorization server metadata at the server root, where RFC 8414 section 3 puts it for an
 * issuer without a path, and where clients that append the suffix to the issuer (Nimbus, OpenID Connect
 * discovery) look as well. Public, and the same for every caller.
 */
@WebServlet(AuthorizationServerMetadata.PATH)
public class AuthorizationServerMetadataServlet extends HttpServlet {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    TokenAudience audience;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.of(
                audience.issuer(),
                ScopeCatalog.offered().stream().map(GrantableScope::scope).toList());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSONB.toJson(metadata, response.getWriter());
    }
}
