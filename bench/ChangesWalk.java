import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks GET /api/v1/changes from the start to the end with limit=200 and reports changes per second
 * and the time of the first and the last pages, and the CPU time the client itself used. Run by
 * bench/changes.sh.
 *
 * <p>One page at a time, so every microsecond the client spends is a microsecond the walk waits: the client
 * is kept lean. java.net.http's HttpClient, with a String body and three regular expressions over it, used
 * 12–13 s of CPU a walk of 1,000,000 changes (more than the server's 10–11 s, on the same two cores); the
 * JDK's synchronous HttpURLConnection (keep-alive) reading into one buffer, with {@code count} found at the
 * start of the page and {@code hasMore} and {@code nextCursor} in its last 4 KiB, uses 4–5 s.
 *
 * <p>Usage: java bench/ChangesWalk.java BASE_URL TOKEN
 */
public class ChangesWalk {

    private static final byte[] COUNT = ascii("\"count\":");
    private static final byte[] MORE = ascii("\"hasMore\":");
    private static final byte[] NEXT = ascii("\"nextCursor\":\"");
    /** JSON-B writes members in alphabetical order: hasMore and nextCursor follow the data. */
    private static final int TAIL = 4096;

    private byte[] page = new byte[1 << 20];
    private int length;

    public static void main(String[] args) throws Exception {
        new ChangesWalk().walk(args[0], args[1]);
    }

    private void walk(String base, String token) throws IOException {
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
            read(url, token);
            double ms = (System.nanoTime() - t0) / 1e6;
            changes += number(after(0, COUNT));
            pages++;
            if (pages == 1) {
                firstMs = ms;
            }
            lastMs = ms;
            slowestMs = Math.max(slowestMs, ms);
            int tail = Math.max(0, length - TAIL);
            boolean more = page[after(tail, MORE)] == 't';
            if (pages % 1000 == 0) {
                System.out.printf("  %,d pages, %,d changes%n", pages, changes);
            }
            if (!more) {
                break;
            }
            int from = after(tail, NEXT);
            int to = from;
            while (page[to] != '"') {
                to++;
            }
            cursor = new String(page, from, to - from, StandardCharsets.US_ASCII);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStarted) / 1e9;
        System.out.printf(
                "walked %,d changes in %,d pages in %.1f s: %,.0f changes/s; first page %.1f ms, last page %.1f ms,"
                        + " slowest %.1f ms; client CPU %.1f s%n",
                changes, pages, seconds, changes / seconds, firstMs, lastMs, slowestMs, cpuSeconds);
    }

    /** Reads the page at {@code url} into {@link #page}; fails on anything but 200. */
    private void read(String url, String token) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + token);
        int status = connection.getResponseCode();
        if (status != 200) {
            try (InputStream error = connection.getErrorStream()) {
                throw new IllegalStateException(status + " " + new String(error.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        length = 0;
        try (InputStream in = connection.getInputStream()) { // read to the end: the connection is kept alive
            int n;
            while ((n = in.read(page, length, page.length - length)) > 0) {
                length += n;
                if (length == page.length) {
                    page = Arrays.copyOf(page, page.length * 2);
                }
            }
        }
    }

    /** The index just after the first {@code marker} at or after {@code from}. */
    private int after(int from, byte[] marker) {
        outer:
        for (int i = from; i <= length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (page[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i + marker.length;
        }
        throw new IllegalStateException("no " + new String(marker, StandardCharsets.US_ASCII) + " in the page: "
                + new String(page, 0, Math.min(length, 300), StandardCharsets.UTF_8));
    }

    private int number(int at) {
        int value = 0;
        while (page[at] >= '0' && page[at] <= '9') {
            value = value * 10 + page[at++] - '0';
        }
        return value;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
