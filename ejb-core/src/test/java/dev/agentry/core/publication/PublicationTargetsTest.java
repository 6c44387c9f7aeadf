package dev.agentry.core.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicationTargetsTest {

    @TempDir
    Path dir;

    @Test
    void wellFormedTargetsAreDeclaredInOrderWithTheirBaseBranch() {
        PublicationTargets.Declared declared =
                PublicationTargets.declare(" site=/srv/git/site , docs=/srv/git/docs#release/2026 ,, ");

        assertEquals(List.of("site", "docs"), List.copyOf(declared.targets().keySet()));
        assertEquals(
                new PublicationTarget("site", Path.of("/srv/git/site"), null),
                declared.targets().get("site"));
        assertEquals("release/2026", declared.targets().get("docs").baseBranch());
        assertEquals(List.of(), declared.problems());
    }

    @Test
    void aBadDeclarationMakesItsTargetUnusableAndIsSaidNeverThrown() {
        PublicationTargets.Declared declared = PublicationTargets.declare(
                "rel=relative/path,nopath,bad-branch=/srv/x#no..dots,good=/srv/good,tw!ce=/srv/a,dup=/srv/a,dup=/srv/b");

        assertEquals(List.of("good"), List.copyOf(declared.targets().keySet()));
        assertEquals(
                List.of("rel", "nopath", "bad-branch", "dup"),
                List.copyOf(declared.unusable().keySet()));
        assertEquals(5, declared.problems().size(), declared.problems().toString());
        assertTrue(declared.problems().stream().anyMatch(p -> p.contains("'dup' is declared more than once")));
        assertTrue(declared.problems().stream().anyMatch(p -> p.contains("tw!ce")));
        assertTrue(declared.problems().stream().anyMatch(p -> p.contains("not absolute")));
    }

    @Test
    void nothingDeclaredIsNoTarget() {
        assertEquals(0, PublicationTargets.declare(null).targets().size());
        assertEquals(0, PublicationTargets.declare("").problems().size());
    }

    @Test
    void theAuthorIsNameAndEmail() {
        assertEquals(
                Optional.of(new PublicationTargets.Author("Agentry Bot", "bot@example.com")),
                PublicationTargets.author(" Agentry Bot <bot@example.com> "));
        assertEquals(Optional.empty(), PublicationTargets.author("bot@example.com"));
        assertEquals(Optional.empty(), PublicationTargets.author("Bot <not an email>"));
        assertEquals(Optional.empty(), PublicationTargets.author("<bot@example.com>"));
    }

    @Test
    void aRepositoryOpensWhetherWorkingTreeOrBare() throws Exception {
        Git.init().setDirectory(dir.resolve("work").toFile()).call().close();
        Git.init()
                .setBare(true)
                .setDirectory(dir.resolve("bare.git").toFile())
                .call()
                .close();

        try (Repository work = PublicationTargets.open(dir.resolve("work"))) {
            assertTrue(work.getDirectory().toPath().endsWith(".git"));
        }
        try (Repository bare = PublicationTargets.open(dir.resolve("bare.git"))) {
            assertTrue(bare.isBare());
        }
    }

    @Test
    void aMissingDirectoryAPlainDirectoryAndFilterDriversAreUnusable() throws Exception {
        assertThrows(PublicationTargets.Unusable.class, () -> PublicationTargets.open(dir.resolve("missing")));
        Files.createDirectories(dir.resolve("plain"));
        assertThrows(PublicationTargets.Unusable.class, () -> PublicationTargets.open(dir.resolve("plain")));

        try (Git git = Git.init().setDirectory(dir.resolve("filtered").toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("filter", "lfs", "clean", "git-lfs clean -- %f");
            config.save();
        }
        PublicationTargets.Unusable unusable =
                assertThrows(PublicationTargets.Unusable.class, () -> PublicationTargets.open(dir.resolve("filtered")));
        assertTrue(unusable.getMessage().contains("filter driver 'lfs'"), unusable.getMessage());
    }

    @Test
    void theCommitMessageIsTheGoalWithTheRunAndBundleAsTrailers() {
        assertEquals(
                "Fix src/app.txt\n\nAgentry-Run: run_1\nAgentry-Bundle: sha256:ab\n",
                WorkspacePublication.message("run_1", "Fix src/app.txt", "sha256:ab"));
        assertEquals(
                "Fix it\n\nFix it\nin two lines\n\nAgentry-Run: run_1\nAgentry-Bundle: sha256:ab\n",
                WorkspacePublication.message("run_1", "Fix it\r\nin two lines\u0007", "sha256:ab"));
        String subject = WorkspacePublication.message("run_1", "x".repeat(100), "sha256:ab")
                .lines()
                .findFirst()
                .orElseThrow();
        assertEquals(72, subject.length());
        assertTrue(WorkspacePublication.message("run_1", " ", "sha256:ab").startsWith("Agentry run run_1\n\n"));
    }
}
