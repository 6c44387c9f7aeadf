package dev.agentry.core.catalog;

import dev.agentry.core.Boundary;
import java.nio.file.Path;

/**
 * Where import files are kept: the server's data directory, so a restarted import reads the same
 * file. The job's {@code file} parameter is a name in this directory, never a path from outside.
 */
@Boundary
public final class ImportFiles {

    private ImportFiles() {}

    public static Path directory(String serverDataDir) {
        return Path.of(serverDataDir, "agentry", "imports");
    }
}
