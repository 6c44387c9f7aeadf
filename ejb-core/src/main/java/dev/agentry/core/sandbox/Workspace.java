package dev.agentry.core.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A run's workspace directory. Every path a tool names is resolved here: relative, no {@code ..}
 * segment, and no symbolic link anywhere on the way, so neither a crafted name nor a link planted
 * by a verify step can lead outside it. Its files may be the seed's own (hard links, see {@link
 * SeedCopy#share}): the tools write by {@link #replace}, and a process gets to run here only after
 * {@link #makePrivate}.
 */
public final class Workspace {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path root;
    private final SharedSeed shared;

    private Workspace(Path root, SharedSeed shared) {
        this.root = root;
        this.shared = shared;
    }

    /** A workspace none of whose files is shared with anything. */
    public static Workspace at(Path directory) {
        return at(directory, null);
    }

    /** A workspace that may share files with its seed, as {@code shared} (null: none) records. */
    public static Workspace at(Path directory, SharedSeed shared) {
        try {
            return new Workspace(directory.toRealPath(), shared);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Gives every file still shared with the seed a private copy, once: called before anything but
     * the workspace tools may write here, a verify step's process above all, which could write any
     * file in place. Costs nothing after the first call, or when nothing was shared.
     *
     * @throws WorkBudget.Exhausted when the run ended or ran out of time meanwhile: no process may start then
     */
    public void makePrivate() {
        if (shared != null) {
            shared.detach();
        }
    }

    /**
     * Writes a file whole: a new file beside it, renamed over it. A file shared with the seed is
     * never written in place, only replaced; a private file keeps its permissions, as it would have
     * kept them written in place.
     */
    public void replace(Path file, byte[] bytes) throws IOException {
        Path fresh = sibling(file);
        try {
            Files.write(fresh, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (isPlainFile(file) && linkCount(file) == 1) {
                Files.setPosixFilePermissions(fresh, Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
            }
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(fresh);
        }
    }

    /** A name beside {@code file} that nothing has, for a file that is to replace it. */
    static Path sibling(Path file) {
        return file.resolveSibling(".agentry-" + UUID.randomUUID() + ".tmp");
    }

    private static int linkCount(Path file) {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0; // no way to tell: take it as shared, so nothing of another file is carried over
        }
    }

    /**
     * The workspace path for a relative name; {@code ""} or {@code "."} is the root itself.
     *
     * @throws SandboxViolation when the name could reach outside the workspace
     */
    public Path resolve(String name) {
        String checked = check(name);
        Path target = checked.isEmpty() ? root : root.resolve(checked).normalize();
        if (!target.startsWith(root)) {
            throw new SandboxViolation("path_traversal", "The path leaves the workspace: " + name);
        }
        Path walked = root;
        for (Path segment : root.relativize(target)) {
            walked = walked.resolve(segment);
            if (Files.isSymbolicLink(walked)) {
                throw new SandboxViolation(
                        "symlink_refused", "The path goes through a symbolic link: " + root.relativize(walked));
            }
        }
        return target;
    }

    /** The name of a workspace path, with forward slashes, as tools and artifacts show it. */
    public String nameOf(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    /** Whether the path is a regular file and not a link to one. */
    public static boolean isPlainFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The rules every relative name follows, for workspace paths and archive entries alike: it is
     * returned without a leading {@code ./}.
     */
    public static String check(String name) {
        if (name == null) {
            throw new SandboxViolation("invalid_path", "A path is required.");
        }
        if (name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0 || name.length() > 1024) {
            throw new SandboxViolation("invalid_path", "The path has a character or length not allowed.");
        }
        if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
            throw new SandboxViolation("absolute_path", "Absolute paths are refused: " + name);
        }
        String stripped = name;
        while (stripped.startsWith("./")) {
            stripped = stripped.substring(2);
        }
        if (stripped.equals(".")) {
            return "";
        }
        for (String segment : stripped.split("/", -1)) {
            if (segment.equals("..")) {
                throw new SandboxViolation("path_traversal", "The path leaves the workspace: " + name);
            }
        }
        return stripped;
    }
}
