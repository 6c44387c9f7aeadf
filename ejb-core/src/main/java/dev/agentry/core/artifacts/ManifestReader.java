package dev.agentry.core.artifacts;

import dev.agentry.core.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a bundle manifest streaming, token by token, within caps on its size, its entries and its
 * nesting: an uploaded manifest is hostile until proven otherwise, and no tree of it is ever built.
 * Anything it cannot accept is a {@link Malformed} with a message fit for a caller, never an error.
 */
final class ManifestReader {

    /** A manifest this large is no manifest Agentry wrote (one has a few dozen entries). */
    public static final long MAX_BYTES = 1024 * 1024;
    /** The most entries a manifest may list. */
    public static final int MAX_ENTRIES = 2_000;
    /** The deepest nesting accepted; a manifest is three levels deep. */
    public static final int MAX_DEPTH = 8;

    /** One listed file; a field the entry lacks or has of the wrong type is null. */
    public record Entry(String path, Long size, String sha256) {

        public boolean complete() {
            return path != null && size != null && sha256 != null;
        }
    }

    /** What a manifest says: its bundle id (or null) and its entries in order. */
    public record Manifest(String bundleId, List<Entry> entries) {}

    /** The manifest cannot be read; the message says why, in words for a caller. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private ManifestReader() {}

    public static Manifest read(Path file) throws Malformed {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new Malformed("The manifest is larger than " + MAX_BYTES + " bytes.");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in);
            }
        } catch (IOException e) {
            throw new Malformed("The manifest cannot be read.");
        }
    }

    /** Reads a manifest from a stream (of at most {@link #MAX_BYTES}: the caller checks the size). */
    public static Manifest read(InputStream in) throws Malformed {
        try (JsonParser parser = Jsonp.createParser(in)) {
            Cursor cursor = new Cursor(parser);
            if (cursor.next() != Event.START_OBJECT) {
                throw new Malformed("The manifest is not a JSON object.");
            }
            String bundleId = null;
            List<Entry> entries = null;
            for (Event event; (event = cursor.require()) != Event.END_OBJECT; ) {
                String key = parser.getString();
                Event value = cursor.require();
                if (key.equals("bundleId") && value == Event.VALUE_STRING) {
                    bundleId = parser.getString();
                } else if (key.equals("files") && value == Event.START_ARRAY) {
                    entries = entries(cursor);
                } else {
                    cursor.skip(value);
                }
            }
            if (cursor.next() != null) {
                throw new Malformed("The manifest has content after its object.");
            }
            if (entries == null) {
                throw new Malformed("The manifest is not a JSON object with files.");
            }
            return new Manifest(bundleId, entries);
        } catch (JsonException | IllegalStateException e) {
            throw new Malformed("The manifest is not well-formed JSON.");
        }
    }

    private static List<Entry> entries(Cursor cursor) throws Malformed {
        List<Entry> entries = new ArrayList<>();
        JsonParser parser = cursor.parser;
        for (Event event; (event = cursor.require()) != Event.END_ARRAY; ) {
            if (entries.size() == MAX_ENTRIES) {
                throw new Malformed("The manifest lists more than " + MAX_ENTRIES + " files.");
            }
            if (event != Event.START_OBJECT) {
                cursor.skip(event);
                entries.add(new Entry(null, null, null));
                continue;
            }
            String path = null;
            Long size = null;
            String sha256 = null;
            for (Event field; (field = cursor.require()) != Event.END_OBJECT; ) {
                String key = parser.getString();
                Event value = cursor.require();
                if (key.equals("path") && value == Event.VALUE_STRING) {
                    path = parser.getString();
                } else if (key.equals("sha256") && value == Event.VALUE_STRING) {
                    sha256 = parser.getString();
                } else if (key.equals("size") && value == Event.VALUE_NUMBER && parser.isIntegralNumber()) {
                    size = parser.getBigDecimal().longValue();
                } else {
                    cursor.skip(value);
                }
            }
            entries.add(new Entry(path, size, sha256));
        }
        return entries;
    }

    /** The parser's events with the nesting depth counted, so no input can be deeper than the cap. */
    private static final class Cursor {
        private final JsonParser parser;
        private int depth;

        Cursor(JsonParser parser) {
            this.parser = parser;
        }

        /** The next event, or null at the end of the input. */
        Event next() throws Malformed {
            if (!parser.hasNext()) {
                return null;
            }
            Event event = parser.next();
            if (event == Event.START_OBJECT || event == Event.START_ARRAY) {
                if (++depth > MAX_DEPTH) {
                    throw new Malformed("The manifest is nested deeper than " + MAX_DEPTH + " levels.");
                }
            } else if (event == Event.END_OBJECT || event == Event.END_ARRAY) {
                depth--;
            }
            return event;
        }

        /** The next event inside a value: the input may not end there. */
        Event require() throws Malformed {
            Event event = next();
            if (event == null) {
                throw new Malformed("The manifest ends inside a value.");
            }
            return event;
        }

        /** Skips the value that began with {@code event}, counting depth on the way. */
        void skip(Event event) throws Malformed {
            if (event != Event.START_OBJECT && event != Event.START_ARRAY) {
                return;
            }
            int until = depth - 1;
            while (depth > until) {
                require();
            }
        }
    }
}
