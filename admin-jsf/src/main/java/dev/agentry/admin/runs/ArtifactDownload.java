package dev.agentry.admin.runs;

import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.runs.RunArtifacts;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Downloads of a run's bundle for signed-in administrators: {@code /artifacts/<run>/<path>} for one
 * file, {@code /artifacts/<run>.zip} for all of it. The path rules are the core's; the console sees every
 * credential's runs.
 */
@WebServlet("/artifacts/*")
public class ArtifactDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RunArtifacts artifacts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        try {
            if (rest.endsWith(".zip") && !rest.contains("/")) {
                String runId = rest.substring(0, rest.length() - 4);
                artifacts.manifest(Grant.console(), runId);
                response.setContentType("application/zip");
                response.setHeader("Content-Disposition", "attachment; filename=\"" + runId + "-artifacts.zip\"");
                artifacts.zip(Grant.console(), runId, response.getOutputStream());
                return;
            }
            int slash = rest.indexOf('/');
            if (slash < 0) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            Path file = artifacts.file(Grant.console(), rest.substring(0, slash), rest.substring(slash + 1));
            response.setContentType(RunArtifacts.mediaTypeOf(rest));
            response.setHeader("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
            Files.copy(file, response.getOutputStream());
        } catch (AgentryException e) {
            response.sendError(e.code().status(), e.detail());
        }
    }
}
