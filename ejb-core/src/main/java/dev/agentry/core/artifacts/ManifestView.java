package dev.agentry.core.artifacts;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A sealed bundle's manifest ({@code agentry/artifact-manifest/v1}) as the API and the console read
 * it: every file with its kind, size and SHA-256, in the order the bundle lists them.
 */
@JsonbPropertyOrder({"schema", "bundleId", "runId", "createdAt", "files"})
public record ManifestView(String schema, String bundleId, String runId, String createdAt, List<File> files) {

    /** One file of the bundle. */
    @JsonbPropertyOrder({"path", "kind", "size", "sha256"})
    public record File(String path, String kind, long size, String sha256) {}

    /** The manifest as this server wrote it when it sealed the bundle. */
    public static ManifestView of(JsonObject manifest) {
        return new ManifestView(
                manifest.getString("schema"),
                manifest.getString("bundleId"),
                manifest.getString("runId"),
                manifest.getString("createdAt"),
                manifest.getJsonArray("files").getValuesAs(JsonObject.class).stream()
                        .map(f -> new File(
                                f.getString("path"),
                                f.getString("kind"),
                                f.getJsonNumber("size").longValue(),
                                f.getString("sha256")))
                        .toList());
    }
}
