package dev.agentry.api;

import dev.agentry.api.problem.Problem;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * Version 1 of Agentry's REST API; the web module's context root is {@code /api}. Bearer tokens are
 * verified by MicroProfile JWT in the API's first filter ({@code policy.BearerAuthentication}), not by a
 * container login configuration.
 */
@ApplicationPath(ApiApplication.PATH)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Agentry",
                        version = "v1",
                        description = "Governed machine access: one audited, policy-controlled door for agents and"
                                + " integrations, and a runtime for sandboxed agent task runs.",
                        contact = @Contact(name = "Agentry"),
                        license = @License(name = "Proprietary", identifier = "LicenseRef-Proprietary")),
        // Relative to the document: the paths already start with the API root, /api/v1.
        servers = @Server(url = "/", description = "The Agentry server that serves this document"),
        // The oauth2 security scheme and every operation's requirement are derived from the code by
        // openapi.ContractFilter (the scope catalog and each resource method's @RolesAllowed).
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
public class ApiApplication extends Application {

    public static final String PATH = "/v1";
}
