package dev.agentry.core.contracts;

import dev.agentry.core.cursor.Page;
import dev.agentry.core.schema.ContractSchemas;
import dev.agentry.core.schema.Doc;
import jakarta.json.JsonObject;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One published contract: its stable schema id, what it is, and the record (with its type arguments, for a generic
 * envelope such as {@link Page}) whose components and constraints state it. Everything published about the contract
 * — {@code /schema/{id}}, the OpenAPI component — is generated from the record through {@link #schema()}.
 */
public record Contract(String id, String description, Type type, List<Type> parameters) {

    public Contract {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        parameters = List.copyOf(parameters);
    }

    public static Contract of(String id, String description, Type type, Type... parameters) {
        return new Contract(id, description, type, Arrays.asList(parameters));
    }

    /** A record whose {@link Doc} says what it is. */
    public static Contract of(String id, Class<?> type) {
        return of(id, type.getAnnotation(Doc.class).value(), type);
    }

    /** The published JSON Schema (draft 2020-12), generated from the record. */
    public JsonObject schema() {
        return ContractSchemas.of(id, description, type, parameters.toArray(Type[]::new));
    }

    /** Whether this is a {@link Page} of some record, the one list envelope. */
    public boolean isPage() {
        return type == Page.class;
    }
}
