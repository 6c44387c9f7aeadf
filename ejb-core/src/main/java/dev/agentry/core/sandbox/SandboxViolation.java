package dev.agentry.core.sandbox;

/**
 * A path or archive entry that would reach outside the workspace, or an entry that is not a plain
 * file. The code is stable ({@code path_traversal}, {@code absolute_path}, {@code symlink_refused},
 * {@code invalid_path}); the message names the path, never file content.
 */
public class SandboxViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public SandboxViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
