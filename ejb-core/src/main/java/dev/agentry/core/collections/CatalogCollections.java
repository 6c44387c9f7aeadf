package dev.agentry.core.collections;

import static dev.agentry.core.collections.CollectionField.number;
import static dev.agentry.core.collections.CollectionField.reference;
import static dev.agentry.core.collections.CollectionField.shown;
import static dev.agentry.core.collections.CollectionField.text;
import static dev.agentry.core.collections.CollectionField.time;

import dev.agentry.core.Boundary;
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
import dev.agentry.persistence.catalog.Product;
import dev.agentry.persistence.catalog.Section;
import dev.agentry.persistence.catalog.Subscription;
import dev.agentry.persistence.catalog.Tag;
import dev.agentry.persistence.catalog.Transfer;
import dev.agentry.persistence.catalog.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The fifteen collections of the read API (SPEC section 5). A sixteenth is one more descriptor here
 * and its entity (with its table's migration): routes, scopes (see {@code ScopeCatalog}), filters,
 * redaction, schema and change types follow from the descriptor.
 */
@ApplicationScoped
@Boundary
public class CatalogCollections {

    /** Every collection; also read by the API's route catalog, which runs before CDI can inject. */
    public static final List<CollectionDescriptor> ALL = List.of(
            CollectionDescriptor.of(
                    "sections",
                    Section.class,
                    "Groups of entries: channels, structures and singles",
                    text("name").searched(),
                    text("handle"),
                    text("type")),
            CollectionDescriptor.of(
                    "entries",
                    Entry.class,
                    "Content entries, each in a section",
                    reference("section", "section.handle"),
                    text("title").searched(),
                    text("slug"),
                    text("status"),
                    shown("fields"),
                    text("author").searched(),
                    time("postDate")),
            CollectionDescriptor.of(
                    "categories",
                    Category.class,
                    "The category tree",
                    text("name").searched(),
                    text("slug"),
                    reference("parent", "parent.uid")),
            CollectionDescriptor.of(
                    "tags", Tag.class, "Free-form labels", text("name").searched(), text("slug")),
            CollectionDescriptor.of(
                    "assets",
                    Asset.class,
                    "File metadata",
                    text("filename").searched(),
                    text("kind"),
                    number("size"),
                    text("checksum"),
                    text("url"),
                    text("altText").searched()),
            CollectionDescriptor.of(
                    "global-sets",
                    GlobalSet.class,
                    "Site-wide value sets",
                    text("name").searched(),
                    text("handle"),
                    shown("fields")),
            CollectionDescriptor.of(
                    "content-blocks",
                    ContentBlock.class,
                    "Reusable blocks of content",
                    text("name").searched(),
                    text("handle"),
                    text("body").searched()),
            CollectionDescriptor.of(
                            "users",
                            CatalogUser.class,
                            "People with accounts; email is personal data",
                            text("name").searched(),
                            text("username").searched(),
                            text("email").searched().personal())
                    .withSensitiveScope(),
            CollectionDescriptor.of(
                            "addresses",
                            Address.class,
                            "Postal addresses; everything that locates or reaches a person is personal data",
                            reference("user", "user.uid"),
                            text("fullName").searched().personal(),
                            text("line1").personal(),
                            text("city").searched(),
                            text("postalCode").personal(),
                            text("country"),
                            text("phone").personal())
                    .withSensitiveScope(),
            CollectionDescriptor.of(
                    "products",
                    Product.class,
                    "What the shop sells",
                    text("title").searched(),
                    text("slug"),
                    text("type"),
                    text("status")),
            CollectionDescriptor.of(
                    "variants",
                    Variant.class,
                    "Purchasable versions of products",
                    reference("product", "product.uid"),
                    text("sku").searched(),
                    number("price"),
                    number("stock")),
            CollectionDescriptor.of(
                            "orders",
                            CustomerOrder.class,
                            "Orders with their line items; the customer's email is personal data",
                            text("number").searched(),
                            text("status"),
                            number("total"),
                            text("currency"),
                            text("customerEmail").searched().personal(),
                            shown("lineItems"))
                    .withSensitiveScope(),
            CollectionDescriptor.of(
                    "subscriptions",
                    Subscription.class,
                    "Recurring purchases; the customer's email is personal data and always redacted",
                    text("plan").searched(),
                    text("status"),
                    text("customerEmail").personal(),
                    time("nextBillingAt")),
            CollectionDescriptor.of(
                    "transfers",
                    Transfer.class,
                    "Stock moving between locations",
                    text("fromLocation"),
                    text("toLocation"),
                    text("sku").searched(),
                    number("quantity"),
                    text("status")),
            CollectionDescriptor.of(
                    "donations",
                    Donation.class,
                    "Gifts to campaigns; the donor's email is personal data and always redacted",
                    number("amount"),
                    text("currency"),
                    text("campaign").searched(),
                    text("donorEmail").personal()));

    public List<CollectionDescriptor> all() {
        return ALL;
    }

    public Optional<CollectionDescriptor> named(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<CollectionDescriptor> of(Class<? extends CatalogItem> entity) {
        return ALL.stream().filter(d -> d.entity().equals(entity)).findFirst();
    }
}
