package dev.agentry.api.mcp;

import dev.agentry.api.audit.AuditedCall;
import dev.agentry.core.audit.AuditContext;
import dev.agentry.core.problem.ErrorCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * How an MCP call reaches the audit trail: as its credential acting through MCP (actor kind {@code mcp}), the
 * action naming the MCP operation, and — since a JSON-RPC error or a tool's {@code isError} travels inside a
 * 200 — the refusal it answered recorded as such.
 */
@RequestScoped
public class McpAudit {

    @Inject
    AuditContext context;

    @Inject
    HttpServletRequest request;

    private boolean named;

    /** Names the call's MCP operation (once per request) and the scope it used. */
    void operation(String operation, String scope) {
        if (!named) {
            named = true;
            context.throughMcp(operation, scope);
        }
    }

    /** The call answered this refusal inside its response. */
    void answered(ErrorCode code) {
        request.setAttribute(AuditedCall.ANSWERED, new AuditedCall.Answered(code.status(), code.code()));
    }
}
