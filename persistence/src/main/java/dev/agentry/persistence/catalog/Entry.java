package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A piece of content in a section; draft until published, live, then possibly expired. */
@Entity
@Table(name = "entry")
public class Entry extends CatalogItem {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "section_id")
    private Section section;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "slug", nullable = false)
    private String slug;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "fields_json", length = 1_000_000)
    private String fieldsJson;

    @Column(name = "author")
    private String author;

    @Column(name = "post_date")
    private Instant postDate;

    protected Entry() {
        // for JPA
    }

    public Entry(Section section, String title, String slug, String fieldsJson, String author) {
        this.section = Objects.requireNonNull(section, "section");
        this.title = Objects.requireNonNull(title, "title");
        this.slug = Objects.requireNonNull(slug, "slug");
        this.fieldsJson = fieldsJson;
        this.author = author;
    }

    /** Starts as a draft. */
    {
        status = "draft";
    }

    public void publish(Instant at) {
        status = "live";
        postDate = at;
    }

    public void expire() {
        status = "expired";
    }

    public void retitle(String newTitle) {
        this.title = Objects.requireNonNull(newTitle, "title");
    }

    /** Changes what is given (a null keeps the current value): a governed {@code entry.update}. */
    public void revise(String newTitle, String newSlug, String newFieldsJson) {
        if (newTitle != null) {
            title = newTitle;
        }
        if (newSlug != null) {
            slug = newSlug;
        }
        if (newFieldsJson != null) {
            fieldsJson = newFieldsJson;
        }
    }

    public String getStatus() {
        return status;
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("section", section.getHandle());
        view.put("title", title);
        view.put("slug", slug);
        view.put("status", status);
        view.put("fields", JsonFields.of(fieldsJson));
        view.put("author", author);
        view.put("postDate", text(postDate));
    }
}
