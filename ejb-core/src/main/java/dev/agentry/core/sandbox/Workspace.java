package dev.agentry.core.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A run's workspace directory. Every path a tool names is resolved here: relative, no {@code ..}
 * segment, and no symbolic link anywhere on the way, so neither a crafted name nor a link planted
 * by a verify step can lead outside it.
 */
public final class Workspace {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    public static Workspace at(Path directory) {
        try {
            return new Workspace(directory.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
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
