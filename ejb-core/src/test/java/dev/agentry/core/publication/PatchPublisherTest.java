package dev.agentry.core.publication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.artifacts.UnifiedDiff;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.sandbox.SeedCopy;
import dev.agentry.core.sandbox.WorkBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publication engine on real git repositories made with JGit, the patches made by our own diff. */
class PatchPublisherTest {

    private static final PersonIdent AUTHOR =
            new PersonIdent("Agentry", "agentry@example.test", Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    private static final String BRANCH = "agentry/run_0123abcd";

    @TempDir
    Path dir;

    private Path seed;
    private Path workspace;
    private Path checkout;
    private Git git;

    @BeforeEach
    void aRepositoryWithAMainBranchAnotherBranchAndADirtyWorkingTree() throws Exception {
        seed = Files.createDirectories(dir.resolve("seed"));
        write(seed, "src/app.txt", "line one\nline two\nbroken\nline four\n");
        write(seed, "greeting.txt", "Hello\n");
        write(seed, "docs/remove-me.txt", "obsolete\n");
        Files.write(Files.createDirectories(seed.resolve("img")).resolve("logo.bin"), bytes(3000, 1));
        workspace = Files.createDirectories(dir.resolve("workspace"));
        copy(seed, workspace);

        checkout = Files.createDirectories(dir.resolve("target"));
        git = Git.init()
                .setDirectory(checkout.toFile())
                .setInitialBranch("main")
                .call();
        copy(seed, checkout);
        git.add().addFilepattern(".").call();
        git.commit().setMessage("seed").setAuthor(AUTHOR).setCommitter(AUTHOR).call();
        git.branchCreate().setName("other").call();
        write(checkout, "other-only.txt", "on the other branch\n");
        git.checkout().setName("other").call();
        git.add().addFilepattern("other-only.txt").call();
        git.commit().setMessage("other").setAuthor(AUTHOR).setCommitter(AUTHOR).call();
        git.checkout().setName("main").call();
        // Someone is working in the checkout: a staged change, an unstaged one and an untracked file.
        write(checkout, "greeting.txt", "Hello, staged\n");
        git.add().addFilepattern("greeting.txt").call();
        write(checkout, "src/app.txt", "work in progress\n");
        write(checkout, "untracked.txt", "mine\n");
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void aCleanPatchBecomesOneCommitOnANewBranchAndNothingElseMoves() throws Exception {
        write(workspace, "src/app.txt", "line one\nline two\nfixed\nline four\n");
        write(workspace, "added/new.txt", "a new file\n");
        Files.delete(workspace.resolve("docs/remove-me.txt"));
        Snapshot before = Snapshot.of(git.getRepository(), checkout);

        PatchPublisher.Published published = publish(patch(), WorkBudget.unlimited());

        assertEquals(BRANCH, published.branch());
        assertEquals("main", published.base());
        assertEquals(List.of("added/new.txt", "docs/remove-me.txt", "src/app.txt"), published.paths());
        Repository repository = git.getRepository();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(repository.resolve(Constants.R_HEADS + BRANCH));
            assertEquals(published.commit(), commit.name());
            assertEquals(1, commit.getParentCount());
            assertEquals(
                    before.refs().get("refs/heads/main"), commit.getParent(0).getId());
            assertEquals(published.baseCommit(), commit.getParent(0).name());
            assertEquals("Agentry", commit.getAuthorIdent().getName());
            assertEquals("agentry@example.test", commit.getCommitterIdent().getEmailAddress());
            assertEquals("Fix it\n\nRun: run_0123abcd\n", commit.getFullMessage());
            assertSameFiles(files(workspace), tree(repository, commit));
        }
        Snapshot after = Snapshot.of(repository, checkout);
        Map<String, ObjectId> refs = new TreeMap<>(after.refs());
        assertEquals(ObjectId.fromString(published.commit()), refs.remove("refs/heads/" + BRANCH));
        assertEquals(before.refs(), refs, "main, other and HEAD are where they were");
        assertEquals(before.head(), after.head());
        assertEquals(before.workingTree(), after.workingTree(), "the checkout and its index are untouched");
    }

    @Test
    void binaryHunksApplyByteForByte() throws Exception {
        byte[] logo = bytes(3000, 2);
        byte[] large = bytes((int) UnifiedDiff.MAX_TEXT_BYTES + 10, 3);
        Files.write(workspace.resolve("img/logo.bin"), logo);
        Files.write(workspace.resolve("img/new.bin"), new byte[] {0, 1, 2, 3, 0});
        Files.write(workspace.resolve("big.txt"), large);
        byte[] patch = patch();
        assertTrue(new String(patch, StandardCharsets.ISO_8859_1).contains("GIT binary patch"));

        PatchPublisher.Published published = publish(patch, WorkBudget.unlimited());

        try (RevWalk walk = new RevWalk(git.getRepository())) {
            Map<String, byte[]> tree =
                    tree(git.getRepository(), walk.parseCommit(ObjectId.fromString(published.commit())));
            assertArrayEquals(logo, tree.get("img/logo.bin"));
            assertArrayEquals(new byte[] {0, 1, 2, 3, 0}, tree.get("img/new.bin"));
            assertArrayEquals(large, tree.get("big.txt"));
        }
    }

    @Test
    void aPatchThatDoesNotApplyIsRefusedAndNothingIsWritten() throws Exception {
        write(workspace, "src/app.txt", "line one\nline two\nfixed\nline four\n");
        write(workspace, "added/new.txt", "a new file\n");
        byte[] patch = patch();
        // main moved on since the run's seed: the hunk's context is gone.
        commitOnMain("src/app.txt", "rewritten\nentirely\n");
        Snapshot before = Snapshot.of(git.getRepository(), checkout);

        AgentryException refused = assertThrows(AgentryException.class, () -> publish(patch, WorkBudget.unlimited()));

        assertEquals(ErrorCode.PATCH_DOES_NOT_APPLY, refused.code());
        assertTrue(refused.detail().contains("src/app.txt"), refused.detail());
        assertEquals(before, Snapshot.of(git.getRepository(), checkout), "no ref, no object, no file written");
    }

    @Test
    void aStaleBinaryPreimageIsRefused() throws Exception {
        Files.write(workspace.resolve("img/logo.bin"), bytes(3000, 4));
        byte[] patch = patch();
        commitOnMain("img/logo.bin", "replaced meanwhile\0");
        Snapshot before = Snapshot.of(git.getRepository(), checkout);

        AgentryException refused = assertThrows(AgentryException.class, () -> publish(patch, WorkBudget.unlimited()));

        assertEquals(ErrorCode.PATCH_DOES_NOT_APPLY, refused.code());
        assertEquals(before, Snapshot.of(git.getRepository(), checkout));
    }

    @Test
    void anExistingBranchIsNeverMoved() throws Exception {
        write(workspace, "greeting.txt", "Hello again\n");
        git.branchCreate().setName(BRANCH).setStartPoint("other").call();
        Snapshot before = Snapshot.of(git.getRepository(), checkout);

        AgentryException refused = assertThrows(AgentryException.class, () -> publish(patch(), WorkBudget.unlimited()));

        assertEquals(ErrorCode.BRANCH_EXISTS, refused.code());
        assertEquals(before, Snapshot.of(git.getRepository(), checkout));
    }

    @Test
    void aBranchInTheWayOfTheNameIsABranchThatExists() throws Exception {
        write(workspace, "greeting.txt", "Hello again\n");
        git.branchCreate().setName("agentry").call();

        AgentryException refused = assertThrows(AgentryException.class, () -> publish(patch(), WorkBudget.unlimited()));

        assertEquals(ErrorCode.BRANCH_EXISTS, refused.code());
    }

    @Test
    void aPatchAlreadyOnTheBaseOrNoPatchAtAllIsRefused() throws Exception {
        write(workspace, "greeting.txt", "Hello again\n");
        byte[] patch = patch();
        commitOnMain("greeting.txt", "Hello again\n");
        assertEquals(
                ErrorCode.PATCH_DOES_NOT_APPLY,
                assertThrows(AgentryException.class, () -> publish(patch, WorkBudget.unlimited()))
                        .code());
        assertEquals(
                ErrorCode.PATCH_DOES_NOT_APPLY,
                assertThrows(AgentryException.class, () -> publish(new byte[0], WorkBudget.unlimited()))
                        .code());
        assertNull(git.getRepository().exactRef(Constants.R_HEADS + BRANCH));
    }

    @Test
    void aSymbolicLinkInThePatchIsRefused() {
        byte[] patch = ("diff --git a/link b/link\nnew file mode 120000\n--- /dev/null\n+++ b/link\n"
                        + "@@ -0,0 +1 @@\n+/etc/passwd\n\\ No newline at end of file\n")
                .getBytes(StandardCharsets.UTF_8);

        AgentryException refused = assertThrows(AgentryException.class, () -> publish(patch, WorkBudget.unlimited()));

        assertEquals(ErrorCode.PATCH_DOES_NOT_APPLY, refused.code());
    }

    @Test
    void anExhaustedBudgetStopsBeforeTheBranchIsCreated() throws Exception {
        write(workspace, "greeting.txt", "Hello again\n");
        byte[] patch = patch();
        Map<String, ObjectId> refs = Snapshot.of(git.getRepository(), checkout).refs();

        WorkBudget.Exhausted stopped = assertThrows(
                WorkBudget.Exhausted.class, () -> publish(patch, WorkBudget.of(Duration.ZERO, 0, () -> false)));

        assertEquals(WorkBudget.TIME, stopped.reason());
        assertEquals(refs, Snapshot.of(git.getRepository(), checkout).refs());
    }

    @Test
    void aWithdrawnPublicationLeavesNoBranchButOneMovedSinceIsKept() throws Exception {
        write(workspace, "greeting.txt", "Hello again\n");
        PatchPublisher.Published published = publish(patch(), WorkBudget.unlimited());

        assertFalse(PatchPublisher.withdraw(
                git.getRepository(), BRANCH, ObjectId.zeroId().name()));
        assertTrue(git.getRepository().exactRef(Constants.R_HEADS + BRANCH) != null);
        assertTrue(PatchPublisher.withdraw(git.getRepository(), BRANCH, published.commit()));
        assertNull(git.getRepository().exactRef(Constants.R_HEADS + BRANCH));
    }

    @Test
    void aConfiguredBaseBranchIsUsedInsteadOfHead() throws Exception {
        write(workspace, "greeting.txt", "Hello again\n");

        PatchPublisher.Published published = PatchPublisher.publish(
                git.getRepository(), "other", BRANCH, patch(), AUTHOR, "on other\n", WorkBudget.unlimited());

        assertEquals("other", published.base());
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            Map<String, byte[]> tree =
                    tree(git.getRepository(), walk.parseCommit(ObjectId.fromString(published.commit())));
            assertTrue(tree.containsKey("other-only.txt"));
            assertEquals("Hello again\n", new String(tree.get("greeting.txt"), StandardCharsets.UTF_8));
        }
        AgentryException missing = assertThrows(
                AgentryException.class,
                () -> PatchPublisher.publish(
                        git.getRepository(), "nope", "agentry/x", patch(), AUTHOR, "x\n", WorkBudget.unlimited()));
        assertEquals(ErrorCode.CONFLICT, missing.code());
    }

    private PatchPublisher.Published publish(byte[] patch, WorkBudget budget) throws IOException {
        return PatchPublisher.publish(
                git.getRepository(), null, BRANCH, patch, AUTHOR, "Fix it\n\nRun: run_0123abcd\n", budget);
    }

    /** The run's patch as the runtime writes it: the seed against the workspace. */
    private byte[] patch() {
        return UnifiedDiff.between(seed, SeedCopy.scan(seed), workspace, SeedCopy.scan(workspace))
                .patch();
    }

    /** Moves main on by one commit, made in memory: the checkout and its index stay as they are. */
    private void commitOnMain(String path, String content) throws Exception {
        Repository repository = git.getRepository();
        try (ObjectInserter inserter = repository.newObjectInserter();
                ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(repository)) {
            RevCommit main = walk.parseCommit(repository.resolve(Constants.R_HEADS + "main"));
            DirCache index = DirCache.read(reader, main.getTree());
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.ISO_8859_1));
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                }
            });
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setParentId(main);
            commit.setAuthor(AUTHOR);
            commit.setCommitter(AUTHOR);
            commit.setMessage("moved on\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(Constants.R_HEADS + "main");
            update.setExpectedOldObjectId(main);
            update.setNewObjectId(id);
            assertEquals(RefUpdate.Result.FAST_FORWARD, update.update());
        }
    }

    private static Map<String, byte[]> tree(Repository repository, RevCommit commit) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                files.put(
                        walk.getPathString(),
                        repository.open(walk.getObjectId(0)).getBytes());
            }
        }
        return files;
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(
                        root.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, String> expected, Map<String, byte[]> actual) {
        Map<String, String> text = new TreeMap<>();
        actual.forEach((k, v) -> text.put(k, new String(v, StandardCharsets.ISO_8859_1)));
        assertEquals(expected, text);
    }

    private static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.ISO_8859_1);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * Everything a publication could touch: every ref, where HEAD points, every file of the object
     * database (loose or packed), and every file of the checkout and its {@code .git} but the objects.
     */
    record Snapshot(
            Map<String, ObjectId> refs, String head, Map<String, String> objects, Map<String, String> workingTree) {

        static Snapshot of(Repository repository, Path checkout) throws IOException {
            Map<String, ObjectId> refs = new TreeMap<>();
            for (Ref ref : repository.getRefDatabase().getRefs()) {
                refs.put(ref.getName(), ref.getObjectId());
            }
            Path objects = repository.getDirectory().toPath().resolve("objects");
            Map<String, String> checkoutFiles = files(checkout);
            checkoutFiles
                    .keySet()
                    .removeIf(name -> name.startsWith(".git/objects/")
                            || name.startsWith(".git/refs/")
                            || name.startsWith(".git/logs/"));
            return new Snapshot(refs, repository.getFullBranch(), files(objects), checkoutFiles);
        }
    }
}
