package dev.agentry.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path root;

    @Test
    void relativeNamesResolveInsideTheWorkspace() throws Exception {
        Workspace workspace = Workspace.at(root);
        Path real = root.toRealPath();
        assertEquals(real.resolve("src/a.txt"), workspace.resolve("src/a.txt"));
        assertEquals(real.resolve("a.txt"), workspace.resolve("./a.txt"));
        assertEquals(real, workspace.resolve(""));
        assertEquals(real, workspace.resolve("."));
        assertEquals(real.resolve("src/b.txt"), workspace.resolve("src/./b.txt"));
    }

    @Test
    void namesThatLeaveTheWorkspaceAreRefusedWithTheirCode() {
        Workspace workspace = Workspace.at(root);
        assertEquals("path_traversal", code(workspace, "../x"));
        assertEquals("path_traversal", code(workspace, "src/../../x"));
        assertEquals("path_traversal", code(workspace, "src/.."));
        assertEquals("absolute_path", code(workspace, "/etc/passwd"));
        assertEquals("absolute_path", code(workspace, "C:/Windows"));
        assertEquals("invalid_path", code(workspace, "a\\..\\b"));
        assertEquals("invalid_path", code(workspace, "a\0b"));
        assertEquals("invalid_path", code(workspace, null));
    }

    @Test
    void aSymbolicLinkAnywhereOnThePathIsRefused() throws Exception {
        // The escaping link leads out of the workspace but not out of the test's own directory, so that
        // cleaning up removes what it points to as well, instead of warning about a link into the system.
        Path workspaceRoot =
                Files.createDirectories(root.resolve("workspace/inside")).getParent();
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");
        Files.createSymbolicLink(workspaceRoot.resolve("out"), outside);
        Files.createSymbolicLink(workspaceRoot.resolve("inside/loop"), workspaceRoot.resolve("inside"));
        Workspace workspace = Workspace.at(workspaceRoot);
        assertEquals("symlink_refused", code(workspace, "out"));
        assertEquals("symlink_refused", code(workspace, "out/passwd"));
        assertEquals("symlink_refused", code(workspace, "inside/loop/file"), "even a link that stays inside");
    }

    private static String code(Workspace workspace, String name) {
        return assertThrows(SandboxViolation.class, () -> workspace.resolve(name))
                .code();
    }
}
