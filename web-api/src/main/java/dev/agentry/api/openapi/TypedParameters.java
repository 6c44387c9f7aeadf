package dev.agentry.api.openapi;

import dev.agentry.core.cursor.PageLimit;
import dev.agentry.core.schema.ContractSchemas;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Gives the query parameters the API reads from strings (so a malformed one is named in a {@code
 * validation_failed} problem rather than a bare 404) the types they are read as: every {@code limit}
 * is an integer from 1 to {@link PageLimit#MAX}, default {@link PageLimit#DEFAULT}, unless its route states
 * other bounds, and every
 * time bound ({@code since}, {@code until}, {@code ...Since}, {@code ...Before}) an RFC 3339 date-time.
 */
final class TypedParameters {

    private TypedParameters() {}

    static void type(OpenAPI openAPI) {
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(TypedParameters::type);
                    }
                }));
    }

    private static void type(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (parameter.getIn() != Parameter.In.QUERY || schema == null) {
            return;
        }
        if ("limit".equals(parameter.getName())) {
            // a PageLimit parameter arrives as a reference to its component; a default beside a $ref is
            // one a generator cannot resolve, so it is inlined like every other limit
            schema.setRef(null);
            schema.setType(List.of(Schema.SchemaType.INTEGER));
            schema.setFormat("int32");
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.ONE);
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(PageLimit.MAX));
            }
            if (schema.getDefaultValue() == null) {
                schema.setDefaultValue(PageLimit.DEFAULT);
            }
        } else if (isTime(parameter.getName())
                && (schema.getRef() != null
                        || (schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.STRING))))) {
            // an Instant parameter arrives as a reference to the Instant component: inline, as a client reads it
            schema.setRef(null);
            schema.setType(List.of(Schema.SchemaType.STRING));
            schema.setFormat("date-time");
        }
    }

    /**
     * An enum query parameter (a status filter) lists the values it accepts, its wire values as {@code QueryValues}
     * reads them ({@code timed_out}), where the platform would list the constants' names ({@code TIMED_OUT}).
     */
    @SuppressWarnings("unchecked")
    static void enumerate(Operation operation, Method method) {
        if (operation.getParameters() == null) {
            return;
        }
        for (java.lang.reflect.Parameter declared : method.getParameters()) {
            QueryParam query = declared.getAnnotation(QueryParam.class);
            if (query == null || !declared.getType().isEnum()) {
                continue;
            }
            List<Object> values =
                    List.copyOf(ContractSchemas.wireValues((Class<? extends Enum<?>>) declared.getType()));
            operation.getParameters().stream()
                    .filter(parameter -> parameter.getIn() == Parameter.In.QUERY
                            && query.value().equals(parameter.getName()))
                    .forEach(parameter -> {
                        Schema schema =
                                parameter.getSchema() == null ? OASFactory.createSchema() : parameter.getSchema();
                        schema.setRef(null);
                        schema.setType(List.of(Schema.SchemaType.STRING));
                        schema.setEnumeration(values);
                        parameter.setSchema(schema);
                    });
        }
    }

    private static boolean isTime(String name) {
        return name.equals("since")
                || name.equals("until")
                || name.endsWith("Since")
                || name.endsWith("Before")
                || name.endsWith("Until");
    }
}
