package dev.agentry.api.capabilities;

import dev.agentry.api.ApiApplication;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The contract descriptors also at the API root (SPEC section 7): {@code /api/capabilities} and {@code
 * /api/openapi.json} answer exactly what {@code /api/v1/...} answers, so a client that knows only the
 * API root finds the version and everything else from there. A forward, not a redirect: one round trip.
 */
@WebServlet(urlPatterns = {"/capabilities", "/openapi.json"})
public class ApiRootAliases extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.getRequestDispatcher(ApiApplication.PATH + request.getServletPath())
                .forward(request, response);
    }
}
