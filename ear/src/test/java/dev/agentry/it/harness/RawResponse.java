package dev.agentry.it.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 exchange over a plain socket, for what {@link java.net.http.HttpClient} will not send: a
 * {@code Content-Length} that the body does not match, as a client announcing a huge upload does, or a
 * long request line without an attempt to upgrade to HTTP/2.
 *
 * @param status the status code
 * @param headers the response headers, names in lower case
 * @param body the response body as text
 */
public record RawResponse(int status, Map<String, String> headers, String body) {

    /** The header's value, or an empty string. */
    public String header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    /** POSTs to {@code path} declaring {@code declaredLength} bytes, sends two of them, and reads the answer. */
    public static RawResponse post(String path, long declaredLength, String... headerLines) throws IOException {
        String[] lines = Arrays.copyOf(headerLines, headerLines.length + 1);
        lines[headerLines.length] = "Content-Length: " + declaredLength;
        return exchange("POST", path, "{}", lines);
    }

    /** A plain HTTP/1.1 GET: no upgrade to HTTP/2, whose own header limits would answer first. */
    public static RawResponse get(String path, String... headerLines) throws IOException {
        return exchange("GET", path, "", headerLines);
    }

    private static RawResponse exchange(String method, String path, String body, String... headerLines)
            throws IOException {
        try (Socket socket = new Socket(Api.server().getHost(), Api.server().getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                    .append("Host: ")
                    .append(Api.server().getHost())
                    .append("\r\n")
                    .append("Connection: close\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("\r\n").append(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static RawResponse read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new RawResponse(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
