package dev.agentry.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Objects;

/** File metadata: the file itself lives elsewhere, at its URL. */
@Entity
@Table(name = "asset")
public class Asset extends CatalogItem {

    @Column(name = "filename", nullable = false)
    private String filename;

    @Column(name = "kind", nullable = false)
    private String kind;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "checksum")
    private String checksum;

    @Column(name = "url")
    private String url;

    @Column(name = "alt_text")
    private String altText;

    protected Asset() {
        // for JPA
    }

    public Asset(String filename, String kind, long size, String checksum, String url, String altText) {
        this.filename = Objects.requireNonNull(filename, "filename");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.size = size;
        this.checksum = checksum;
        this.url = url;
        this.altText = altText;
    }

    public void describeAs(String newAltText) {
        this.altText = newAltText;
    }

    @Override
    protected void describe(Map<String, Object> view) {
        view.put("filename", filename);
        view.put("kind", kind);
        view.put("size", size);
        view.put("checksum", checksum);
        view.put("url", url);
        view.put("altText", altText);
    }
}
