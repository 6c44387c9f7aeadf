package dev.agentry.core.schema;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.TypeScope;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import dev.agentry.core.Boundary;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.validation.Creation;
import dev.agentry.core.validation.Presence;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.Default;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the JSON Schema (draft 2020-12) of a contract record from its components and their Bean Validation
 * constraints ({@code @NotNull} → required, {@code @Size} → maxLength/maxItems, {@code @Pattern}, {@code @Min},
 * {@code @Max} ...), so a limit is declared once, on the record, and the published schema cannot drift from it.
 *
 * <p>What the API writes, the schema states, and nothing more: every object is closed ({@code
 * additionalProperties: false}); a primitive or {@code @NotNull} component is required, and so is a {@code
 * @JsonbNillable} one (JSON-B writes it as {@code null} rather than leaving it out), any other may be absent or
 * {@code null}; members are named as JSON-B names them ({@code @JsonbProperty}, {@code @JsonbTransient}); an enum lists its wire values ({@link WireValues}); a record with a {@code public static final
 * String SCHEMA} writes it as its {@code schema} member, a constant. Free-form JSON ({@code JsonObject}, {@code
 * JsonArray}, {@code JsonValue}) stays open: its content is the caller's or the tool's, not ours.
 *
 * <p>What the API reads, the schema states as every use of the record sees it: a request record both creates and
 * changes, so only its default-group constraints count, and a member required only on creation ({@link Creation})
 * says so in its description; a {@link Presence} flag is no member; a {@code @Pattern}, which matches a whole value,
 * is anchored, where a JSON Schema pattern matches any part; a {@code schema} component of the record's own decides
 * by its constraints whether the constant is required (a request may leave it out).
 *
 * <p>Jackson (3, from the generator) stays inside this class: callers get Jakarta JSON-P values. A boundary: the API
 * module reads an enum's wire values here, to bind and to document a query parameter of its type as a schema lists it.
 */
@Boundary
public final class ContractSchemas {

    /** The dialect every schema of this API is written in. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final String SCHEMA_CONSTANT = "SCHEMA";

    private static final SchemaGenerator GENERATOR = generator();

    private ContractSchemas() {}

    /**
     * The published schema of a contract type: its dialect, {@code $id}, title and description, then the
     * generated body. {@code typeParameters} fill in a generic type, e.g. {@code List.class, CredentialView.class}.
     */
    public static JsonObject of(String id, String description, Type type, Type... typeParameters) {
        JsonObject generated = body(type, typeParameters);
        JsonObjectBuilder schema = header(id, description);
        generated.forEach((name, value) -> {
            if (!name.equals("$schema") && !name.equals("description") && !name.equals("title")) {
                schema.add(name, value);
            }
        });
        return schema.build();
    }

    /** The generated schema of a type alone. One generator serves every caller: one generation at a time. */
    private static synchronized JsonObject body(Type type, Type... typeParameters) {
        ObjectNode node = GENERATOR.generateSchema(type, typeParameters);
        try (JsonReader reader = Jsonp.createReader(new StringReader(node.toString()))) {
            return reader.readObject();
        }
    }

    /**
     * The values an enum takes on the wire, in the order of its constants: its {@code wire()} or {@code wireName()}
     * form where it has one, else its names. What a schema lists for the enum, and what a query parameter of its
     * type accepts.
     */
    public static List<String> wireValues(Class<? extends Enum<?>> type) {
        return WireValues.of(type);
    }

    /** The start of every schema this API serves: dialect, id, title and description. */
    public static JsonObjectBuilder header(String id, String description) {
        return Jsonp.createObjectBuilder()
                .add("$schema", DIALECT)
                .add("$id", id)
                .add("title", id)
                .add("description", description);
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JakartaValidationModule(
                                JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                                JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS)
                        // A record both creates and changes: the schema states what holds for every use of it.
                        .forValidationGroups(Default.class))
                .with(
                        Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
                        Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
                        Option.NULLABLE_FIELDS_BY_DEFAULT,
                        Option.STANDARD_FORMATS,
                        // int32/int64 (and float/double), as the OpenAPI document, where these schemas are the
                        // components, states them: a generated client reads a long id as a Long, not an Integer.
                        Option.EXTRA_OPEN_API_FORMAT_VALUES,
                        Option.INLINE_ALL_SCHEMAS);
        config.forTypesInGeneral()
                .withCustomDefinitionProvider(ContractSchemas::customDefinition)
                .withAdditionalPropertiesResolver(scope -> openJson(scope.getType()))
                .withDescriptionResolver(ContractSchemas::typeDescription)
                .withTitleResolver(ContractSchemas::typeTitle)
                .withTypeAttributeOverride(ContractSchemas::schemaConstant);
        config.forFields()
                .withRequiredCheck(field -> field.getType().isPrimitive()
                        || field.getAnnotationConsideringFieldAndGetter(JsonbNillable.class) != null)
                .withTargetTypeOverridesResolver(ContractSchemas::writtenAs)
                .withNullableCheck(field -> field.getType().isPrimitive() ? false : null)
                .withAdditionalPropertiesResolver(field -> openJson(field.getType()))
                .withPropertyNameOverrideResolver(ContractSchemas::jsonbName)
                .withIgnoreCheck(field -> field.getAnnotationConsideringFieldAndGetter(JsonbTransient.class) != null
                        || field.getAnnotationConsideringFieldAndGetter(Presence.class) != null)
                .withInstanceAttributeOverride(ContractSchemas::wholeMatch)
                .withDescriptionResolver(ContractSchemas::fieldDescription);
        return new SchemaGenerator(config.build());
    }

    /**
     * Free-form JSON stays open, without the attributes a {@code Map} would get that would close it; an enum with a
     * wire form lists that form.
     */
    private static CustomDefinition customDefinition(ResolvedType type, SchemaGenerationContext context) {
        Class<?> erased = type.getErasedType();
        ObjectNode node = context.getGeneratorConfig().createObjectNode();
        if (JsonObject.class.isAssignableFrom(erased)) {
            node.put("type", "object");
        } else if (JsonArray.class.isAssignableFrom(erased)) {
            node.put("type", "array");
        } else if (erased == JsonValue.class) {
            // any JSON value
        } else if (WireValues.hasWireForm(erased)) {
            node.put("type", "string");
            WireValues.of(erased).forEach(node.putArray("enum")::add);
        } else {
            return null;
        }
        return new CustomDefinition(node, CustomDefinition.INLINE_DEFINITION, CustomDefinition.EXCLUDING_ATTRIBUTES);
    }

    /** {@code Object.class} tells the generator to leave a JSON-P object open, where a {@code Map} is closed. */
    private static Type openJson(ResolvedType type) {
        return JsonValue.class.isAssignableFrom(type.getErasedType()) ? Object.class : null;
    }

    private static List<ResolvedType> writtenAs(FieldScope field) {
        WrittenAs writtenAs = field.getAnnotationConsideringFieldAndGetter(WrittenAs.class);
        return writtenAs == null ? null : List.of(field.getContext().resolve(writtenAs.value()));
    }

    /** The name JSON-B writes the member under: {@code access_token} for {@code accessToken}. */
    private static String jsonbName(FieldScope field) {
        JsonbProperty property = field.getAnnotationConsideringFieldAndGetter(JsonbProperty.class);
        return property == null || property.value().isEmpty() ? null : property.value();
    }

    /**
     * A record nested in a contract is titled with its name ({@code ChangeItem}), so that a client generated from the
     * OpenAPI document, where the contracts are these schemas, names its class after it rather than after where it
     * sits ({@code ChangePageDataInner}). A contract's own title is its id.
     */
    private static String typeTitle(TypeScope scope) {
        Class<?> type = scope.getType().getErasedType();
        return type.isRecord() ? type.getSimpleName() : null;
    }

    private static String typeDescription(TypeScope scope) {
        Doc doc = scope.getType().getErasedType().getAnnotation(Doc.class);
        return doc == null ? null : doc.value();
    }

    private static String fieldDescription(FieldScope field) {
        if (field.isFakeContainerItemScope()) {
            return null; // said once, on the list, not again on its items
        }
        Doc doc = field.getAnnotationConsideringFieldAndGetter(Doc.class);
        if (!requiredOnCreation(field)) {
            return doc == null ? null : doc.value();
        }
        return (doc == null ? "" : doc.value() + "; ") + "required when creating";
    }

    /**
     * Whether a member may be left out of a change but not of a creation ({@link Creation}): the schema, one for both,
     * does not require it, and says so in words.
     */
    private static boolean requiredOnCreation(FieldScope field) {
        return Stream.of(NotNull.class, NotBlank.class, NotEmpty.class)
                .map(field::getAnnotationConsideringFieldAndGetter)
                .filter(Objects::nonNull)
                .anyMatch(constraint -> groups(constraint).contains(Creation.class));
    }

    private static List<Class<?>> groups(Annotation constraint) {
        if (constraint instanceof NotNull notNull) {
            return List.of(notNull.groups());
        }
        if (constraint instanceof NotBlank notBlank) {
            return List.of(notBlank.groups());
        }
        return constraint instanceof NotEmpty notEmpty ? List.of(notEmpty.groups()) : List.of();
    }

    /**
     * A Bean Validation {@code @Pattern} matches the whole value, a JSON Schema {@code pattern} any part of it: the
     * published pattern is anchored so that both refuse the same strings.
     */
    private static void wholeMatch(ObjectNode attributes, FieldScope field, SchemaGenerationContext context) {
        if (attributes.has("pattern")) {
            String pattern = attributes.get("pattern").asString();
            if (!pattern.startsWith("^") || !pattern.endsWith("$")) {
                attributes.put("pattern", "^(?:" + pattern + ")$");
            }
        }
    }

    /**
     * A record that names its document schema ({@code agentry/agent/v1} ...) writes it first, always, unless the
     * record has a {@code schema} component of its own, whose constraints then say whether it is required.
     */
    private static void schemaConstant(ObjectNode attributes, TypeScope scope, SchemaGenerationContext context) {
        Class<?> type = scope.getType().getErasedType();
        schemaName(type).ifPresent(name -> {
            if (attributes.has("properties")) {
                ((ObjectNode) attributes.get("properties")).putObject("schema").put("const", name);
                if (declaresSchema(type)) {
                    return; // a component of its own: its constraints say whether it is required (a request's is not)
                }
                ArrayNode required = attributes.has("required")
                        ? (ArrayNode) attributes.get("required")
                        : attributes.putArray("required");
                if (required.valueStream().noneMatch(member -> member.asString().equals("schema"))) {
                    required.insert(0, "schema");
                }
            }
        });
    }

    private static boolean declaresSchema(Class<?> type) {
        return Stream.of(type.getRecordComponents())
                .anyMatch(component -> component.getName().equals("schema"));
    }

    private static Optional<String> schemaName(Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        try {
            Field field = type.getField(SCHEMA_CONSTANT);
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                return Optional.of((String) field.get(null));
            }
        } catch (ReflectiveOperationException e) {
            // the record names no document schema
        }
        return Optional.empty();
    }
}
