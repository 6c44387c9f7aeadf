package dev.agentry.core.catalog;

import dev.agentry.core.Boundary;
import dev.agentry.core.problem.FieldError;
import dev.agentry.persistence.catalog.Address;
import dev.agentry.persistence.catalog.Asset;
import dev.agentry.persistence.catalog.CatalogItem;
import dev.agentry.persistence.catalog.CatalogUser;
import dev.agentry.persistence.catalog.Category;
import dev.agentry.persistence.catalog.ContentBlock;
import dev.agentry.persistence.catalog.CustomerOrder;
import dev.agentry.persistence.catalog.Donation;
import dev.agentry.persistence.catalog.Entry;
import dev.agentry.persistence.catalog.GlobalSet;
import dev.agentry.persistence.catalog.OrderLine;
import dev.agentry.persistence.catalog.Product;
import dev.agentry.persistence.catalog.Section;
import dev.agentry.persistence.catalog.Subscription;
import dev.agentry.persistence.catalog.Tag;
import dev.agentry.persistence.catalog.Transfer;
import dev.agentry.persistence.catalog.Variant;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns import records ({@code {"collection": "tags", "name": …}}) into catalog records, for the
 * {@code catalog-import} job. {@link #stage} checks one record completely — required fields,
 * numbers, references, uniqueness — so a bad line is rejected alone, and persists it with its
 * change record at once: a later line of the same chunk may then refer to it (a variant to the
 * product just above it), because queries flush what is staged first. {@link #flush} ends a chunk
 * by writing what was staged, so a database refusal fails that chunk, not a later one.
 */
@Stateless
@Boundary
public class CatalogImport {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    CatalogStore changes;

    private final Map<String, Function<JsonObject, CatalogItem>> factories = Map.ofEntries(
            Map.entry("sections", j -> new Section(text(j, "name"), unique(j, "Section", "handle"), text(j, "type"))),
            Map.entry(
                    "entries",
                    j -> entry(
                            one(Section.class, "handle", text(j, "section")),
                            text(j, "title"),
                            text(j, "slug"),
                            json(j, "fields"),
                            optional(j, "author"),
                            instant(j, "postDate"))),
            Map.entry(
                    "categories",
                    j -> new Category(
                            text(j, "name"),
                            text(j, "slug"),
                            optional(j, "parent") == null ? null : one(Category.class, "slug", optional(j, "parent")))),
            Map.entry("tags", j -> new Tag(text(j, "name"), text(j, "slug"))),
            Map.entry(
                    "assets",
                    j -> new Asset(
                            text(j, "filename"),
                            text(j, "kind"),
                            number(j, "size").longValue(),
                            optional(j, "checksum"),
                            optional(j, "url"),
                            optional(j, "altText"))),
            Map.entry(
                    "global-sets",
                    j -> new GlobalSet(text(j, "name"), unique(j, "GlobalSet", "handle"), json(j, "fields"))),
            Map.entry("content-blocks", j -> new ContentBlock(text(j, "name"), text(j, "handle"), optional(j, "body"))),
            Map.entry(
                    "users",
                    j -> new CatalogUser(text(j, "name"), unique(j, "CatalogUser", "username"), optional(j, "email"))),
            Map.entry(
                    "addresses",
                    j -> new Address(
                            optional(j, "user") == null
                                    ? null
                                    : one(CatalogUser.class, "username", optional(j, "user")),
                            optional(j, "fullName"),
                            optional(j, "line1"),
                            optional(j, "city"),
                            optional(j, "postalCode"),
                            optional(j, "country"),
                            optional(j, "phone"))),
            Map.entry("products", j -> new Product(text(j, "title"), text(j, "slug"), text(j, "type"))),
            Map.entry(
                    "variants",
                    j -> new Variant(
                            one(Product.class, "slug", text(j, "product")),
                            unique(j, "Variant", "sku"),
                            number(j, "price"),
                            number(j, "stock").intValueExact())),
            Map.entry(
                    "orders",
                    j -> order(
                            unique(j, "CustomerOrder", "number"),
                            text(j, "currency"),
                            optional(j, "customerEmail"),
                            lines(j),
                            optional(j, "status"))),
            Map.entry(
                    "subscriptions",
                    j -> new Subscription(text(j, "plan"), optional(j, "customerEmail"), instant(j, "nextBillingAt"))),
            Map.entry(
                    "transfers",
                    j -> new Transfer(
                            text(j, "fromLocation"),
                            text(j, "toLocation"),
                            text(j, "sku"),
                            number(j, "quantity").intValueExact())),
            Map.entry(
                    "donations",
                    j -> new Donation(
                            number(j, "amount"),
                            text(j, "currency"),
                            optional(j, "campaign"),
                            optional(j, "donorEmail"))));

    /**
     * Checks a record and persists it with its change record in the caller's (the chunk's)
     * transaction; {@link ImportRejected} says what is wrong with it, and then nothing is persisted.
     */
    public CatalogItem stage(JsonObject record) {
        String collection = text(record, "collection");
        Function<JsonObject, CatalogItem> factory = factories.get(collection);
        if (factory == null) {
            throw new ImportRejected("collection " + FieldError.quoted(collection) + " is not a catalog collection");
        }
        CatalogItem item;
        try {
            item = factory.apply(record);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new ImportRejected(e.getMessage());
        }
        return changes.create(item);
    }

    /** Writes what this transaction staged. */
    public void flush() {
        em.flush();
    }

    private static Entry entry(
            Section section, String title, String slug, String fields, String author, Instant postDate) {
        Entry entry = new Entry(section, title, slug, fields, author);
        if (postDate != null) {
            entry.publish(postDate);
        }
        return entry;
    }

    /** Orders arrive with the status they have reached; {@code pending} when none is given. */
    private static CustomerOrder order(
            String number, String currency, String email, List<OrderLine> lines, String status) {
        CustomerOrder order = new CustomerOrder(number, currency, email, lines);
        switch (status == null ? "pending" : status) {
            case "pending" -> {
                // as created
            }
            case "paid" -> order.markPaid();
            case "fulfilled" -> {
                order.markPaid();
                order.fulfil();
            }
            case "cancelled" -> order.cancel();
            default ->
                throw new ImportRejected(
                        "status must be pending, paid, fulfilled or cancelled, not " + FieldError.quoted(status));
        }
        return order;
    }

    private <T extends CatalogItem> T one(Class<T> type, String attribute, String value) {
        List<T> found = em.createQuery(
                        "select e from " + type.getSimpleName() + " e where e." + attribute + " = :value"
                                + " and e.deletedAt is null",
                        type)
                .setParameter("value", value)
                .setMaxResults(1)
                .getResultList();
        if (found.isEmpty()) {
            throw new ImportRejected(
                    "no " + type.getSimpleName().toLowerCase() + " with " + attribute + " " + FieldError.quoted(value));
        }
        return found.get(0);
    }

    private String unique(JsonObject record, String entity, String attribute) {
        String value = text(record, attribute);
        boolean taken = !em.createQuery(
                        "select e.id from " + entity + " e where e." + attribute + " = :value", Long.class)
                .setParameter("value", value)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        if (taken) {
            throw new ImportRejected(attribute + " " + FieldError.quoted(value) + " already exists");
        }
        return value;
    }

    private static List<OrderLine> lines(JsonObject record) {
        if (!(record.get("lineItems") instanceof jakarta.json.JsonArray items) || items.isEmpty()) {
            throw new ImportRejected("lineItems must be a non-empty array");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (JsonValue item : items) {
            if (!(item instanceof JsonObject line)) {
                throw new ImportRejected("each line item must be an object");
            }
            lines.add(new OrderLine(
                    text(line, "sku"), number(line, "quantity").intValueExact(), number(line, "unitPrice")));
        }
        return lines;
    }

    private static String text(JsonObject record, String field) {
        String value = optional(record, field);
        if (value == null || value.isBlank()) {
            throw new ImportRejected(field + " is required");
        }
        return value;
    }

    /** A text field; CSV gives every value as text, JSON may give numbers. */
    private static String optional(JsonObject record, String field) {
        JsonValue value = record.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        throw new ImportRejected(field + " must be text");
    }

    private static String json(JsonObject record, String field) {
        JsonValue value = record.get(field);
        return value == null || value == JsonValue.NULL
                ? null
                : value instanceof JsonString s ? s.getString() : value.toString();
    }

    private static BigDecimal number(JsonObject record, String field) {
        String value = text(record, field);
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new ImportRejected(field + " must be a number, not " + FieldError.quoted(value));
        }
    }

    private static Instant instant(JsonObject record, String field) {
        String value = optional(record, field);
        try {
            return value == null ? null : OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ImportRejected(field + " must be an ISO-8601 date-time, not " + FieldError.quoted(value));
        }
    }
}
