package dev.agentry.api.problem;

import dev.agentry.api.audit.ServletRefusalAudit;
import dev.agentry.api.auth.TokenEndpoint;
import dev.agentry.api.auth.TokenRefusedMapper;
import dev.agentry.api.request.RequestId;
import dev.agentry.core.policy.TokenRefused;
import dev.agentry.core.problem.ErrorCode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes problem documents where there is no JAX-RS runtime: servlet filters and error pages. Each is a
 * refusal no JAX-RS filter sees, so it is audited here. At the token endpoint the document is an RFC 6749
 * error instead (see {@link TokenEndpoint}).
 */
@ApplicationScoped
public class ProblemWriter {

    @Inject
    ServletRefusalAudit audit;

    private final Jsonb jsonb = JsonbBuilder.create();

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        audit.refused(request, code);
        String requestId = RequestId.of(request);
        byte[] body;
        response.resetBuffer();
        if (TokenEndpoint.URI.equals(request.getRequestURI()) && TokenEndpoint.answersAsOAuth(code)) {
            // OAuth clients parse only RFC 6749's error format.
            TokenRefused refused = TokenEndpoint.refusal(code);
            body = jsonb.toJson(TokenRefusedMapper.body(refused, requestId)).getBytes(StandardCharsets.UTF_8);
            response.setStatus(TokenRefusedMapper.status(refused));
            response.setContentType(MediaType.APPLICATION_JSON);
            response.setHeader("Pragma", "no-cache");
        } else {
            body = jsonb.toJson(Problem.of(code, detail, requestId, List.of())).getBytes(StandardCharsets.UTF_8);
            response.setStatus(code.status());
            response.setContentType(Problem.MEDIA_TYPE);
        }
        if (requestId != null) {
            response.setHeader(RequestId.HEADER, requestId);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // Closing only releases caches; nothing is lost if it fails at shutdown.
        }
    }
}
