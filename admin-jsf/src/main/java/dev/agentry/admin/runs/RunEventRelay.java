package dev.agentry.admin.runs;

import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.runs.RunEventFeed;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The console's live run page: {@code /admin/run-events/<run>} relays the run's events as {@code
 * text/event-stream} to a signed-in administrator, from the same feed as the API's {@code
 * /runs/{id}/events} (which wants a bearer token a browser page does not have). An async servlet on
 * the feed's push: no thread waits per stream. At most {@link #MAX_STREAMS} at once (then {@code
 * 503}); each ends after the run's terminal event, or after {@link #LONGEST} (the browser's
 * EventSource then resumes from its {@code Last-Event-ID}).
 */
@WebServlet(urlPatterns = "/run-events/*", asyncSupported = true)
public class RunEventRelay extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final int MAX_STREAMS = 200;
    static final Duration LONGEST = Duration.ofMinutes(30);

    @Inject
    transient RunEventFeed feed;

    private final transient AtomicInteger open = new AtomicInteger();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String runId =
                request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        long after = after(request);
        if (runId.isEmpty() || runId.length() > 100 || after < 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (open.incrementAndGet() > MAX_STREAMS) {
            open.decrementAndGet();
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Too many live run pages are open.");
            return;
        }
        ConsoleEventStream stream;
        try {
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Accel-Buffering", "no");
            AsyncContext async = request.startAsync();
            async.setTimeout(LONGEST.toMillis());
            stream = new ConsoleEventStream(async, open::decrementAndGet);
        } catch (RuntimeException | IOException e) {
            open.decrementAndGet();
            throw e;
        }
        try {
            stream.follow(feed.open(Grant.console(), runId, after, stream));
        } catch (AgentryException e) {
            stream.refuse(e.code().status());
        }
    }

    /** Where the stream starts: the browser's {@code Last-Event-ID} on a reconnect, else {@code ?after=}. */
    private static long after(HttpServletRequest request) {
        String last = request.getHeader("Last-Event-ID");
        String value = last != null ? last : request.getParameter("after");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return value.length() > 18 ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
