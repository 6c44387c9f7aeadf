package dev.agentry.it.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README is the front door: every {@code ```bash} block in it runs, in order, as one script against
 * the deployed server, the checks the blocks make of their own output (jq tests) hold, and every JSON answer
 * the examples received conforms whole to the published schema of its route ({@link ReadmeAnswers}). Blocks in
 * other fences ({@code ```text}, {@code ```properties}, {@code ```sh} for commands that start servers
 * or need other machines) are illustrations and are skipped. The script finds the server and its data
 * the way the README tells a user to: {@code AGENTRY} and {@code AGENTRY_DATA}, here pointing at the
 * suite's server, whose data is shared with the other tests (so the blocks never rely on being first).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadmeIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern OPENING = Pattern.compile("^\\s*```(\\S*)\\s*$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyBashBlockRunsInOrderAgainstTheServer() throws IOException, InterruptedException {
        List<String> blocks = bashBlocks(Files.readString(REPOSITORY.resolve("README.md")));
        assertTrue(blocks.size() >= 5, "bash blocks in README.md: " + blocks.size());

        Path work = Files.createDirectories(Path.of("target", "readme").toAbsolutePath());
        Path script = work.resolve("readme.sh");
        Path log = work.resolve("readme.log");
        Path calls = work.resolve("calls");
        deleteRecursively(calls);
        Files.createDirectories(calls);
        // Names the command that failed (unexpanded: no token or secret reaches the log), without tracing
        // every command as -x would.
        String onError = "trap 'echo \"README script: line $LINENO failed: $BASH_COMMAND\" >&2' ERR\n";
        Files.writeString(script, onError + ReadmeAnswers.RECORDER + String.join("\n", blocks), StandardCharsets.UTF_8);

        ProcessBuilder bash = new ProcessBuilder("bash", "-Eeuo", "pipefail", script.toString())
                .directory(REPOSITORY.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        bash.environment().put("AGENTRY", Api.issuer());
        bash.environment().put("AGENTRY_DATA", System.getProperty("it.data-dir"));
        bash.environment().put("README_CALLS", calls.toString());
        Process process = bash.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }

        assertTrue(ended, () -> "the README's script did not end within 5 minutes\n" + tail(log));
        assertEquals(0, process.exitValue(), () -> "the README's script failed (" + script + ")\n" + tail(log));

        ReadmeAnswers answers = new ReadmeAnswers();
        List<String> drifted;
        try {
            drifted = answers.check(calls);
        } finally {
            deleteRecursively(calls); // the answers hold tokens and secrets: they do not outlive the check
        }
        assertEquals(List.of(), drifted, "README answers that do not conform to their route's published schema");
        assertTrue(answers.checked() >= 40, "answers checked against a schema: " + answers.checked());
    }

    @Test
    void everyRelativeLinkPointsIntoTheRepository() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        List<String> broken = new ArrayList<>();
        Matcher link = LINK.matcher(readme);
        while (link.find()) {
            String target = link.group(1);
            if (target.startsWith("#") || target.matches("^[a-z]+:.*")) {
                continue;
            }
            if (!Files.exists(REPOSITORY.resolve(target.replaceFirst("#.*", "")))) {
                broken.add(target);
            }
        }
        assertTrue(broken.isEmpty(), "links to files not in the repository: " + broken);
        assertFalse(readme.contains("shared/docs"), "the README names shared/docs, which is not in the repository");
    }

    /** The bodies of the {@code ```bash} blocks, in order, their indentation (inside a list) removed. */
    static List<String> bashBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        String indent = "";
        for (String line : markdown.split("\n", -1)) {
            Matcher fence = OPENING.matcher(line);
            if (block == null && fence.matches()) {
                if (fence.group(1).equals("bash")) {
                    block = new StringBuilder();
                    indent = line.substring(0, line.indexOf('`'));
                } else {
                    // An illustration: skip to its closing fence.
                    block = new StringBuilder("#skip");
                }
            } else if (block != null && fence.matches() && fence.group(1).isEmpty()) {
                if (!block.toString().startsWith("#skip")) {
                    blocks.add(block.toString());
                }
                block = null;
            } else if (block != null && !block.toString().startsWith("#skip")) {
                block.append(line.startsWith(indent) ? line.substring(indent.length()) : line)
                        .append('\n');
            }
        }
        return blocks;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
