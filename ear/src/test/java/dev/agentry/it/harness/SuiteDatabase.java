package dev.agentry.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The database the suite's server runs on: H2 files in its data directory, or (mvn verify -Ppostgresql)
 * the throwaway PostgreSQL cluster the build started (it.database, it.database-dir). Tests that look at
 * what reached the disk (no secret in the clear) scan whichever files hold the data.
 */
public final class SuiteDatabase {

    private SuiteDatabase() {}

    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("it.database", "h2"));
    }

    /** The product name the database reports, as readiness and diagnostics show it. */
    public static String product() {
        return postgresql() ? "PostgreSQL" : "H2";
    }

    /**
     * Every file that holds the application's and the job repository's data: H2's {@code .db} files, or
     * the whole PostgreSQL cluster directory: tables, write-ahead log and the server's log alike.
     */
    public static List<Path> files() throws IOException {
        Path root = postgresql()
                ? Path.of(System.getProperty("it.database-dir"))
                : Path.of(System.getProperty("it.data-dir"));
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> postgresql() || p.getFileName().toString().endsWith(".db"))
                    .toList();
        }
    }

    /** Whether {@code file} holds the application's tables: H2's agentry.mv.db, a PostgreSQL relation file. */
    public static boolean holdsApplicationTables(Path file) {
        return postgresql()
                ? file.getParent().getParent().getFileName().toString().equals("base")
                : file.getFileName().toString().equals("agentry.mv.db");
    }
}
