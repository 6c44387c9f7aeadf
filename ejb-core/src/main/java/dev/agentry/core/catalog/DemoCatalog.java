package dev.agentry.core.catalog;

import dev.agentry.persistence.catalog.Address;
import dev.agentry.persistence.catalog.Asset;
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
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo mode: on a first start with an empty catalog, a small believable shop and blog is written
 * through the change log (so the feed has something to show too). Deterministic, so every newcomer
 * sees the same data. Runs shortly after deployment, not during it.
 */
@Singleton
@Startup
public class DemoCatalog {

    private static final Logger LOG = Logger.getLogger(DemoCatalog.class);
    private static final String[] TOPICS = {
        "Spring",
        "Summer",
        "Autumn",
        "Winter",
        "Coffee",
        "Tea",
        "Travel",
        "Design",
        "Garden",
        "Kitchen",
        "Workshop",
        "Studio",
        "Market",
        "Harbour",
        "Forest"
    };
    private static final String[] NOUNS = {
        "notes", "guide", "checklist", "story", "review", "recipe", "diary", "update", "tips", "letter"
    };
    private static final String[] CITIES = {"Lyon", "Porto", "Gent", "Bergen", "Graz", "Turku", "Bilbao"};

    @Inject
    @ConfigProperty(name = "agentry.demo.enabled", defaultValue = "true")
    boolean enabled;

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    CatalogWriter writer;

    @Inject
    Clock clock;

    @PostConstruct
    void schedule() {
        if (enabled) {
            timers.createSingleActionTimer(Duration.ofSeconds(2).toMillis(), new TimerConfig(null, false));
        }
    }

    /** One transaction: a newcomer sees all of the demo data or, if it failed, none of it. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void seed() {
        if (!em.createQuery("select s.id from Section s", Long.class)
                .setMaxResults(1)
                .getResultList()
                .isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(20261121L);
        int records = content(random) + commerce(random);
        LOG.infof(
                "Demo mode: wrote %d catalog records in %d ms (agentry.demo.enabled=false turns this off)",
                records, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private int content(Random random) {
        int count = 0;
        writer.create(new Section("Journal", "journal", "channel"));
        writer.create(new Section("Help centre", "help", "structure"));
        writer.create(new Section("About us", "about", "single"));
        count += 3;
        List<Category> roots = new ArrayList<>();
        for (String root : List.of("Home", "Outdoors", "Food", "Craft")) {
            Category category = writer.create(new Category(root, slug(root), null));
            roots.add(category);
            for (int i = 1; i <= 4; i++) {
                writer.create(new Category(root + " " + i, slug(root) + "-" + i, category));
                count++;
            }
            count++;
        }
        for (String tag : TOPICS) {
            writer.create(new Tag(tag, slug(tag)));
            count++;
        }
        for (int i = 1; i <= 320; i++) {
            String title = TOPICS[random.nextInt(TOPICS.length)] + " " + NOUNS[random.nextInt(NOUNS.length)] + " " + i;
            String section = i % 10 == 0 ? "help" : "journal";
            Entry entry = writer.draft(
                    section,
                    title,
                    slug(title),
                    "{\"summary\":\"" + title + " in a few words.\",\"readingMinutes\":" + (2 + random.nextInt(12))
                            + "}",
                    "Editor " + (1 + random.nextInt(6)));
            if (random.nextInt(10) < 8) {
                writer.publish(entry.getUid());
            }
            count++;
        }
        for (int i = 1; i <= 40; i++) {
            String kind = i % 4 == 0 ? "document" : "image";
            String filename =
                    (kind.equals("image") ? "photo-" : "brochure-") + i + (kind.equals("image") ? ".jpg" : ".pdf");
            writer.create(new Asset(
                    filename,
                    kind,
                    20_000L + random.nextInt(2_000_000),
                    Integer.toHexString(random.nextInt()),
                    "https://cdn.example.com/assets/" + filename,
                    kind.equals("image") ? "A " + TOPICS[i % TOPICS.length].toLowerCase() + " scene" : null));
            count++;
        }
        writer.create(new GlobalSet("Footer", "footer", "{\"copyright\":\"Example Shop\",\"links\":[\"/about\"]}"));
        writer.create(new GlobalSet("Contact", "contact", "{\"email\":\"hello@example.com\"}"));
        for (int i = 1; i <= 10; i++) {
            writer.create(new ContentBlock("Banner " + i, "banner-" + i, "<p>Season offer " + i + "</p>"));
        }
        return count + 12;
    }

    private int commerce(Random random) {
        int count = 0;
        for (int i = 1; i <= 50; i++) {
            String name = "Customer " + i;
            CatalogUser user = writer.create(new CatalogUser(name, "customer" + i, "customer" + i + "@example.com"));
            writer.create(new Address(
                    user,
                    name,
                    (10 + i) + " Harbour Street",
                    CITIES[i % CITIES.length],
                    String.valueOf(10000 + random.nextInt(89999)),
                    "FR",
                    "+33 1 00 00 " + String.format("%02d %02d", i % 100, random.nextInt(100))));
            count += 2;
        }
        List<Variant> variants = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String title = TOPICS[i % TOPICS.length] + " " + (i % 2 == 0 ? "mug" : "notebook") + " " + i;
            Product product = writer.create(new Product(title, slug(title), i % 2 == 0 ? "mug" : "notebook"));
            count++;
            for (String size : List.of("S", "M", "L")) {
                variants.add(writer.create(new Variant(
                        product,
                        "SKU-" + i + "-" + size,
                        BigDecimal.valueOf(800 + random.nextInt(4000), 2),
                        random.nextInt(120))));
                count++;
            }
        }
        for (int i = 1; i <= 120; i++) {
            List<OrderLine> lines = new ArrayList<>();
            for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
                Variant variant = variants.get(random.nextInt(variants.size()));
                lines.add(new OrderLine(
                        variant.getSku(), 1 + random.nextInt(3), BigDecimal.valueOf(800 + random.nextInt(4000), 2)));
            }
            writer.create(new CustomerOrder(
                    String.format("ORD-%05d", 1000 + i),
                    "EUR",
                    "customer" + (1 + random.nextInt(50)) + "@example.com",
                    lines));
            count++;
        }
        for (int i = 1; i <= 20; i++) {
            writer.create(new Subscription(
                    i % 3 == 0 ? "yearly" : "monthly",
                    "customer" + i + "@example.com",
                    clock.instant().plus(Duration.ofDays(1 + random.nextInt(30)))));
            writer.create(new Transfer("warehouse", CITIES[i % CITIES.length].toLowerCase(), "SKU-" + i + "-M", 5 + i));
            writer.create(new Donation(
                    BigDecimal.valueOf(500 + random.nextInt(20000), 2).setScale(2, RoundingMode.UNNECESSARY),
                    "EUR",
                    i % 2 == 0 ? "Community garden" : "Library books",
                    "donor" + i + "@example.com"));
            count += 3;
        }
        return count;
    }

    private static String slug(String text) {
        return text.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
