package dev.agentry.api.request;

import dev.agentry.core.json.Jsonp;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.validation.JsonRecords;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a JSON request body into its request record ({@link JsonRecords}): a body that is not JSON, not
 * an object, has a member of the wrong type or an unknown member is refused as {@code validation_failed}
 * naming each field, together with every constraint the rest of it breaks. A well-shaped body is handed
 * on unvalidated: the boundary it goes to validates it (for every adapter, not just this one).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class RecordBodyReader implements MessageBodyReader<Record> {

    @Inject
    Validator validator;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getPackageName().startsWith("dev.agentry.");
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entity)
            throws IOException {
        JsonRecords.Bound<? extends Record> bound = JsonRecords.bind(json(entity), type.asSubclass(Record.class));
        if (!bound.errors().isEmpty()) {
            throw AgentryException.validation(bound.withViolations(validator, groups(annotations)));
        }
        return bound.value();
    }

    /** The body as JSON; an empty body is no object, and a malformed one is named as such. */
    private static JsonValue json(InputStream entity) throws IOException {
        PushbackInputStream body = new PushbackInputStream(entity, 1);
        int first = body.read();
        if (first < 0) {
            throw AgentryException.validation(
                    List.of(new FieldError("body", "required", "the body must be a JSON object")));
        }
        body.unread(first);
        try (JsonReader reader = Jsonp.createReader(body)) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            // Only the position is told: the parser's message may quote the body.
            throw AgentryException.validation(List.of(new FieldError(
                    "body",
                    "malformed_json",
                    "the body is not well-formed JSON (at line "
                            + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber() + ")")));
        }
    }

    private static Class<?>[] groups(Annotation[] annotations) {
        return Arrays.stream(annotations)
                .filter(ValidatedAs.class::isInstance)
                .map(a -> ((ValidatedAs) a).value())
                .findFirst()
                .orElse(new Class<?>[0]);
    }
}
