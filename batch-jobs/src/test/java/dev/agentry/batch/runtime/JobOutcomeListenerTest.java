package dev.agentry.batch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Batch has no listener for every job: each operated job's XML must name {@link JobOutcomeListener}, or
 * its failures never reach incidents. The agent task run is left out: its failures are the run's
 * ({@code failed_runs}, per owning credential).
 */
class JobOutcomeListenerTest {

    private static final Path JOBS = Path.of("src/main/resources/META-INF/batch-jobs");

    @Test
    void everyOperatedJobReportsHowItEnded() throws IOException {
        List<Path> xmls;
        try (Stream<Path> files = Files.list(JOBS)) {
            xmls = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        assertFalse(xmls.isEmpty());
        for (Path xml : xmls) {
            boolean listed = Files.readString(xml).contains("<listener ref=\"jobOutcomeListener\"/>");
            assertEquals(!xml.getFileName().toString().equals("agent-task-run.xml"), listed, xml.toString());
        }
        assertTrue(xmls.stream().anyMatch(x -> x.getFileName().toString().equals("bundle-verify.xml")));
    }
}
