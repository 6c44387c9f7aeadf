package dev.agentry.api.problem;

import dev.agentry.api.request.RequestId;
import dev.agentry.core.problem.ErrorCode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes problem documents where there is no JAX-RS runtime: servlet filters and error pages. */
@ApplicationScoped
public class ProblemWriter {

    private final Jsonb jsonb = JsonbBuilder.create();

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        String requestId = RequestId.of(request);
        byte[] body =
                jsonb.toJson(Problem.of(code, detail, requestId, List.of())).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(code.status());
        response.setContentType(Problem.MEDIA_TYPE);
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
