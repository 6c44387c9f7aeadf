package dev.agentry.core.runs;

import dev.agentry.core.Boundary;
import dev.agentry.core.artifacts.BundleVerifier;
import dev.agentry.core.artifacts.BundleWriter;
import dev.agentry.core.artifacts.ManifestView;
import dev.agentry.core.artifacts.Verification;
import dev.agentry.core.artifacts.Violation;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.sandbox.ArchiveImport;
import dev.agentry.core.sandbox.SandboxViolation;
import dev.agentry.core.sandbox.SeedCopy;
import dev.agentry.core.sandbox.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A run's sealed bundle as the API serves it: the manifest, one file, the whole as a zip, and its
 * verification — each only to a caller the run reaches ({@link RunService#find}); and verification of a
 * bundle zip brought from elsewhere.
 */
@ApplicationScoped
@Boundary
public class RunArtifacts {

    @Inject
    RunService runs;

    @Inject
    RunWorkspace files;

    @Inject
    RunSettings settings;

    public ManifestView manifest(Grant grant, String runId) {
        try (InputStream in = Files.newInputStream(sealed(grant, runId).resolve(BundleWriter.MANIFEST));
                JsonReader reader = Jsonp.createReader(in)) {
            return ManifestView.of(reader.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file of the bundle; only a plain file inside it, whatever the path says. */
    public Path file(Grant grant, String runId, String path) {
        Path bundle = sealed(grant, runId);
        try {
            Path file = Workspace.at(bundle).resolve(path);
            if (!Workspace.isPlainFile(file)) {
                throw AgentryException.notFound("The bundle has no such file.");
            }
            return file;
        } catch (SandboxViolation e) {
            throw AgentryException.validation(List.of(new FieldError("path", e.code(), e.getMessage())));
        }
    }

    /** The media type a bundle file is served as, by its name: JSON, JSON lines, the diff, else text. */
    public static String mediaTypeOf(String path) {
        if (path.endsWith(".json")) {
            return "application/json";
        }
        if (path.endsWith(".jsonl")) {
            return "application/x-ndjson";
        }
        if (path.endsWith(".diff")) {
            return "text/x-diff; charset=utf-8";
        }
        return "text/plain; charset=utf-8";
    }

    public void zip(Grant grant, String runId, OutputStream out) throws IOException {
        Path bundle = sealed(grant, runId);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : RunWorkspace.plainFiles(bundle)) {
                zip.putNextEntry(new ZipEntry(bundle.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    public Verification verify(Grant grant, String runId) {
        return BundleVerifier.verify(sealed(grant, runId));
    }

    /**
     * Verifies an uploaded bundle zip. Entries that would land outside (traversal, absolute) or are
     * links are not unpacked; they are violations like any other.
     */
    public Verification verifyUpload(InputStream zip) {
        Path scratch = null;
        try {
            Files.createDirectories(settings.runsDirectory());
            scratch = Files.createTempDirectory(settings.runsDirectory(), "verify-");
            Path archive = scratch.resolve("bundle.zip");
            Files.copy(zip, archive);
            Path bundle = Files.createDirectory(scratch.resolve("bundle"));
            List<Violation> refused = ArchiveImport.extract(archive, bundle, settings.archiveLimits()).stream()
                    .map(r -> new Violation(
                            r.code().equals("unsafe_file") ? "unsafe_file" : "invalid_path",
                            r.name(),
                            r.code().equals("unsafe_file")
                                    ? "Only plain files may be in a bundle."
                                    : "The entry would land outside the bundle."))
                    .toList();
            return BundleVerifier.verify(bundle, refused);
        } catch (ArchiveImport.Rejected e) {
            throw AgentryException.validation(List.of(new FieldError("body", "archive_rejected", e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (scratch != null) {
                SeedCopy.delete(scratch);
            }
        }
    }

    /** The run's sealed bundle, if the run reaches this caller; not found alike otherwise. */
    private Path sealed(Grant grant, String runId) {
        runs.find(grant, runId);
        Path bundle = files.artifacts(runId);
        if (!Files.exists(bundle.resolve(BundleWriter.MANIFEST))) {
            throw AgentryException.notFound("The run has no sealed bundle yet.");
        }
        return bundle;
    }
}
