package dev.agentry.api.changes;

import dev.agentry.core.changes.ChangeItem;
import dev.agentry.core.cursor.Page;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Writes a page of the changes feed (the common {@link Page} envelope) with each snapshot copied as the JSON text it is stored as.
 * Going through JSON-B would parse every snapshot into objects only to write it out again, which
 * was most of the cost of walking the feed. The rest of the envelope is plain values.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class ChangePageWriter implements MessageBodyWriter<Page<ChangeItem>> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Page.class
                && genericType instanceof ParameterizedType page
                && page.getActualTypeArguments()[0] == ChangeItem.class;
    }

    @Override
    public void writeTo(
            Page<ChangeItem> page,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream entity)
            throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(entity, StandardCharsets.UTF_8), 64 * 1024);
        out.write("{\"count\":");
        out.write(Integer.toString(page.count()));
        out.write(",\"data\":[");
        boolean first = true;
        for (ChangeItem item : page.data()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write("{\"action\":");
            string(out, item.action());
            out.write(",\"changedAt\":");
            string(out, item.changedAt().toString());
            out.write(",\"cursor\":");
            string(out, item.cursor());
            out.write(",\"resourceId\":");
            string(out, item.resourceId());
            out.write(",\"resourceType\":");
            string(out, item.resourceType());
            out.write(",\"snapshot\":");
            out.write(item.snapshot() == null ? "null" : item.snapshot());
            out.write(",\"version\":");
            out.write(Long.toString(item.version()));
            out.write('}');
        }
        out.write("],\"hasMore\":");
        out.write(Boolean.toString(page.hasMore()));
        out.write(",\"nextCursor\":");
        string(out, page.nextCursor());
        out.write('}');
        out.flush();
    }

    /** A JSON string: quotes, backslashes and control characters escaped; a string without any written whole. */
    static void string(Writer out, String value) throws IOException {
        out.write('"');
        int plain = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                out.write(value, plain, i - plain);
                plain = i + 1;
                if (c < 0x20) {
                    out.write(String.format("\\u%04x", (int) c));
                } else {
                    out.write('\\');
                    out.write(c);
                }
            }
        }
        out.write(value, plain, value.length() - plain);
        out.write('"');
    }
}
