import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks GET /api/v1/changes from the start to the end with limit=200 and reports changes per second
 * and the time of the first and the last pages, and the CPU time the client itself used. Run by
 * bench/changes.sh.
 *
 * <p>Usage: java bench/ChangesWalk.java BASE_URL TOKEN
 */
public class ChangesWalk {

    private static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
    private static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");
    private static final Pattern MORE = Pattern.compile("\"hasMore\":(true|false)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String cursor = null;
        long changes = 0;
        int pages = 0;
        double firstMs = 0;
        double lastMs = 0;
        double slowestMs = 0;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStarted = os.getProcessCpuTime();
        long started = System.nanoTime();
        while (true) {
            String url = base + "/api/v1/changes?limit=200" + (cursor == null ? "" : "&cursor=" + cursor);
            long t0 = System.nanoTime();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            String body = response.body();
            Matcher count = COUNT.matcher(body);
            count.find();
            changes += Long.parseLong(count.group(1));
            pages++;
            if (pages == 1) {
                firstMs = ms;
            }
            lastMs = ms;
            slowestMs = Math.max(slowestMs, ms);
            Matcher next = NEXT.matcher(body);
            next.find();
            cursor = next.group(1);
            Matcher more = MORE.matcher(body);
            more.find();
            if (pages % 1000 == 0) {
                System.out.printf("  %,d pages, %,d changes%n", pages, changes);
            }
            if (more.group(1).equals("false")) {
                break;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStarted) / 1e9;
        System.out.printf(
                "walked %,d changes in %,d pages in %.1f s: %,.0f changes/s; first page %.1f ms, last page %.1f ms,"
                        + " slowest %.1f ms; client CPU %.1f s%n",
                changes, pages, seconds, changes / seconds, firstMs, lastMs, slowestMs, cpuSeconds);
    }
}
