package dev.agentry.admin.audit;

import dev.agentry.core.audit.AuditExport;
import dev.agentry.core.audit.AuditService;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code /audit.csv?from=&until=&actor=&action=&outcome=&code=}: the audit log's filtered range as a CSV
 * download for signed-in administrators, with the page's filters ({@link AuditFilters}); the export's bounds
 * and its own audit record are the core's ({@link AuditService#export}). A truncated export says so in its
 * last line and in the {@code X-Agentry-Export-Truncated} header.
 */
@WebServlet("/audit.csv")
public class AuditCsvDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    transient AuditService audit;

    @Inject
    transient Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditExport export;
        try {
            export = audit.export(AuditFilters.from(request::getParameter).search(null, null, AuditService.MAX_PAGE));
        } catch (AuditFilters.BadDate e) {
            problem(response, ErrorCode.VALIDATION_FAILED, e.getMessage());
            return;
        } catch (AgentryException e) {
            problem(response, e.code(), e.detail());
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"agentry-audit-" + STAMP.format(clock.instant()) + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        if (export.truncated()) {
            response.setHeader("X-Agentry-Export-Truncated", export.truncation());
        }
        Writer out = response.getWriter();
        AuditCsv.write(export, out);
        out.flush();
    }

    /** Bad input answers as the API does: {@code application/problem+json} with a stable code. */
    private static void problem(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        response.setStatus(code.status());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Jsonp.createWriter(response.getWriter())
                .writeObject(Jsonp.createObjectBuilder()
                        .add("title", code.title())
                        .add("status", code.status())
                        .add("code", code.code())
                        .add("detail", detail)
                        .build());
    }
}
