package dev.agentry.it.publication;

import static dev.agentry.it.harness.Api.assertProblem;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.fieldErrors;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.strings;
import static dev.agentry.it.harness.Api.tokenFor;
import static dev.agentry.it.harness.Runs.artifactJson;
import static dev.agentry.it.harness.Runs.awaitEnd;
import static dev.agentry.it.harness.Runs.runner;
import static dev.agentry.it.harness.Runs.start;
import static dev.agentry.it.harness.Runs.task;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Git;
import dev.agentry.it.harness.Runs;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publishing a run's patch to an operator-declared git repository (SPEC section 10, the engine of the
 * {@code artifact.apply} action), through a test probe until the governed execute route exposes it.
 * git itself judges the result: the repository is made and read with the git command line.
 */
@ExtendWith(ArquillianExtension.class)
class PublicationIT {

    static final String TOOLS = "[\"workspace.write\",\"workspace.delete\"]";
    static final String IDENTITY = "-c";

    /** The target the server is configured with (arquillian.xml), made here after the server started. */
    static Path site;

    @BeforeAll
    static void aTargetRepositoryWithAnotherBranchAndWorkInProgress() throws Exception {
        site = Path.of(System.getProperty("it.data-dir"), "publication", "site");
        if (Files.exists(site.resolve(".git"))) {
            return;
        }
        Files.createDirectories(site);
        Runs.seedInto(site);
        git("init", "-q", "-b", "main");
        git("add", "-A");
        git("commit", "-q", "-m", "The seed");
        git("branch", "other");
        // main moved on from the seed in one file: a run's change to it no longer applies.
        Files.writeString(site.resolve("noeol.txt"), "rewritten on main\n");
        git("commit", "-q", "-am", "main moves on");
        // Someone works in the checkout: a staged change, an unstaged one, an untracked file.
        Files.writeString(site.resolve("greeting.txt"), "Hello, staged!\n");
        git("add", "greeting.txt");
        Files.writeString(site.resolve("src/app.txt"), "work in progress\n");
        Files.writeString(site.resolve("untracked.txt"), "mine\n");
    }

    @Test
    void aRunBecomesOneCommitOnItsOwnBranchAndNothingElseMoves() throws Exception {
        String id = succeeded("""
                [{"toolCalls":[
                   {"tool":"workspace.write","arguments":{"path":"src/app.txt","content":"line one\\nline two\\nfixed\\nline four\\n"}},
                   {"tool":"workspace.write","arguments":{"path":"bin/data.bin","content":"\\u0000\\u0001binary\\u0000"}},
                   {"tool":"workspace.delete","arguments":{"path":"docs/remove-me.txt"}}],
                  "final":"Fixed."}]""");
        String before = state();
        String main = git("rev-parse", "main").strip();

        JsonObject published = json(ok(publish(id, "site", runner())));

        String branch = "agentry/" + id;
        assertEquals(branch, published.getString("branch"));
        assertEquals("site", published.getString("target"));
        assertEquals("main", published.getString("base"));
        assertEquals(main, published.getString("baseCommit"));
        assertEquals(Runs.get(id).getString("bundleId"), published.getString("bundleId"));
        String commit = published.getString("commit");
        assertEquals(commit, git("rev-parse", branch).strip());
        assertEquals(main, git("rev-parse", branch + "^").strip(), "its parent is main's tip");
        assertEquals("1", git("rev-list", "--count", "main.." + branch).strip(), "exactly one commit");
        assertEquals(
                "Agentry-IT <agentry-it@example.test>\nAgentry-IT <agentry-it@example.test>\nFix src/app.txt\n\n"
                        + "Agentry-Run: " + id + "\nAgentry-Bundle: " + published.getString("bundleId") + "\n",
                git("log", "-1", "--format=%an <%ae>%n%cn <%ce>%n%B", branch).stripTrailing() + "\n");
        // The commit's content is the patch: the changed files of the bundle, and those bytes.
        Set<String> changed = artifactJson(id, "files/changed-files.json").getJsonArray("files").stream()
                .map(f -> f.asJsonObject().getString("path"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(changed, lines(git("diff", "--name-only", "main", branch)));
        assertEquals(changed, new TreeSet<>(strings(published, "paths")));
        assertEquals("line one\nline two\nfixed\nline four\n", git("show", branch + ":src/app.txt"));
        assertArrayEquals(
                "\u0000\u0001binary\u0000".getBytes(StandardCharsets.UTF_8),
                Git.bytes(site, "cat-file", "blob", branch + ":bin/data.bin"));
        assertEquals("rewritten on main\n", git("show", branch + ":noeol.txt"), "main's other changes are kept");
        git("fsck", "--strict", "--no-progress");
        // Nothing else moved: every other ref, HEAD, the index and the working tree.
        assertEquals(before, state().replace(commit + " refs/heads/" + branch + "\n", ""));

        // Once published, the branch exists: publishing again is refused and changes nothing.
        String after = everything();
        assertProblem(publish(id, "site", runner()), 409, "branch_exists");
        assertEquals(after, everything());
    }

    @Test
    void aTamperedBundleIsRefusedAndNothingIsWritten() throws Exception {
        String id = succeeded("""
                [{"toolCalls":[{"tool":"workspace.write","arguments":{"path":"greeting.txt","content":"Hello again\\n"}}],
                  "final":"ok"}]""");
        assertEquals(
                "tampered",
                Api.send("POST", "api/v1/_probe/publication/" + id + "/tamper", BodyPublishers.noBody())
                        .body());
        String before = everything();

        JsonObject problem = assertProblem(publish(id, "site", runner()), 409, "bundle_invalid");

        assertTrue(problem.getString("detail").contains("hash_mismatch"), problem.toString());
        assertEquals(before, everything(), "no ref, no object, no file");
    }

    @Test
    void aPatchThatDoesNotApplyIsRefusedAndNothingIsWritten() throws Exception {
        String id = succeeded("""
                [{"toolCalls":[
                   {"tool":"workspace.write","arguments":{"path":"added.txt","content":"new\\n"}},
                   {"tool":"workspace.write","arguments":{"path":"noeol.txt","content":"changed by the run"}}],
                  "final":"ok"}]""");
        String before = everything();

        JsonObject problem = assertProblem(publish(id, "site", runner()), 409, "patch_does_not_apply");

        assertTrue(problem.getString("detail").contains("noeol.txt"), problem.toString());
        assertEquals(before, everything(), "no ref, no object, no file");
    }

    @Test
    void aPublicationWhoseTransactionRollsBackLeavesNoBranch() throws Exception {
        String id = succeeded("""
                [{"toolCalls":[{"tool":"workspace.write","arguments":{"path":"later.txt","content":"later\\n"}}],
                  "final":"ok"}]""");

        HttpResponse<String> published = Api.send(
                "POST",
                "api/v1/_probe/publication/" + id + "/rolled-back?target=site",
                BodyPublishers.noBody(),
                runner());

        assertEquals(200, published.statusCode(), published.body());
        assertEquals("", git("branch", "--list", "agentry/" + id), "the branch went with the transaction");
    }

    @Test
    void onlyTheRunsOwnerPublishesItAndOnlyToADeclaredUsableTarget() throws Exception {
        String id = succeeded("""
                [{"toolCalls":[{"tool":"workspace.write","arguments":{"path":"owned.txt","content":"mine\\n"}}],
                  "final":"ok"}]""");
        String before = everything();
        String[] stranger = bearer(tokenFor(createCredential("{\"name\":\"publication-stranger-" + UUID.randomUUID()
                + "\",\"owner\":\"it\",\"scopes\":[\"runs:read\",\"artifacts:read\"]}")));

        assertProblem(publish(id, "site", stranger), 404, "not_found");
        assertProblem(
                publish("run_" + UUID.randomUUID().toString().replace("-", ""), "site", runner()), 404, "not_found");
        assertEquals(Set.of("target:unknown_target"), fieldErrors(publish(id, "nowhere", runner())));
        assertEquals(Set.of("target:unusable_target"), fieldErrors(publish(id, "broken", runner())));
        assertEquals(before, everything());
        List<String> log = Files.readAllLines(
                Path.of(System.getProperty("it.server-dir"), "log", "server.log"), StandardCharsets.UTF_8);
        assertTrue(
                log.stream()
                        .anyMatch(l ->
                                l.contains("target 'broken' is unusable: its path 'relative/site' is not absolute")),
                "the startup log says why 'broken' is unusable");
    }

    private static String succeeded(String script) {
        String id = start(task("demo", TOOLS, "[]", script)).getString("id");
        JsonObject run = awaitEnd(id);
        assertEquals("succeeded", run.getString("status"), run.toString());
        return id;
    }

    private static HttpResponse<String> publish(String id, String target, String... headers) {
        return Api.send(
                "POST", "api/v1/_probe/publication/" + id + "?target=" + target, BodyPublishers.noBody(), headers);
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /** Every ref with its id, where HEAD points, the index, and the working tree's changes and files. */
    private static String state() throws Exception {
        return git("for-each-ref", "--format=%(objectname) %(refname)")
                + git("symbolic-ref", "HEAD")
                + git("diff", "--cached")
                + git("diff")
                + git("status", "--porcelain", "--untracked-files=all");
    }

    /** {@link #state()} and every object in the repository, reachable or not. */
    static String everything() throws Exception {
        return state() + git("cat-file", "--batch-all-objects", "--batch-check");
    }

    private static Set<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).collect(Collectors.toCollection(TreeSet::new));
    }

    static String git(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 4];
        command[0] = IDENTITY;
        command[1] = "user.name=Agentry IT";
        command[2] = IDENTITY;
        command[3] = "user.email=it@example.test";
        System.arraycopy(args, 0, command, 4, args.length);
        return Git.output(site, command);
    }
}
