package dev.agentry.core.publication;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.sandbox.WorkBudget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.FormatError;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Commits a git-style patch onto a new branch of a repository without a working tree: the patch is
 * applied to the base branch's tree in memory ({@link PatchApplier} on a tree, not on files), the
 * result is one commit whose parent is the base branch's tip, and the new branch is created only if
 * it did not exist ({@link RefUpdate} expecting no old id). The checked-out working tree, the index,
 * HEAD and every other ref stay as they were.
 *
 * <p>The patch is first applied without writing anything (object ids computed, not stored), so a
 * patch that does not apply cleanly, or would change nothing, leaves the repository byte for byte as
 * it was. Only then are its objects written and the ref created. No hooks and no filters run: the
 * caller refuses repositories that configure filter drivers ({@link PublicationTargets}).
 */
final class PatchPublisher {

    /** How many of the files that failed to apply a refusal names. */
    private static final int NAMED_FAILURES = 5;

    /**
     * A new branch and its one commit.
     *
     * @param branch the new branch's short name, e.g. {@code agentry/run_…}
     * @param commit the commit's id (40 hex)
     * @param base the branch it was made on
     * @param baseCommit the base branch's tip the commit's parent is
     * @param paths the paths the commit changes, sorted
     */
    record Published(String branch, String commit, String base, String baseCommit, List<String> paths) {

        public Published {
            paths = List.copyOf(paths);
        }
    }

    private PatchPublisher() {}

    /**
     * Applies {@code patch} on {@code base} (null: the branch HEAD names) and creates {@code branch}
     * with one commit by {@code author} (also its committer) and {@code message}.
     *
     * @throws AgentryException {@code patch_does_not_apply}, {@code branch_exists} or {@code conflict}
     *     (no such base branch), having written nothing
     * @throws WorkBudget.Exhausted when the budget ran out or the work was stopped; no ref was written
     */
    static Published publish(
            Repository repository,
            String base,
            String branch,
            byte[] patch,
            PersonIdent author,
            String message,
            WorkBudget budget)
            throws IOException {
        return publish(repository, base, branch, patch, author, message, budget, () -> true);
    }

    /**
     * As {@link #publish(Repository, String, String, byte[], PersonIdent, String, WorkBudget)}, asking
     * {@code stillWanted} once, right before the branch is created: false there stops the work with a
     * {@link CancellationException}, with the objects written but nothing referencing them. A caller that
     * gives up waiting uses it to know for sure whether the branch was made.
     */
    static Published publish(
            Repository repository,
            String base,
            String branch,
            byte[] patch,
            PersonIdent author,
            String message,
            WorkBudget budget,
            BooleanSupplier stillWanted)
            throws IOException {
        String baseBranch = base != null ? base : headBranch(repository);
        Ref baseRef = repository.exactRef(Constants.R_HEADS + baseBranch);
        if (baseRef == null || baseRef.getObjectId() == null) {
            throw new AgentryException(
                    ErrorCode.CONFLICT, "The target repository has no branch " + baseBranch + " to publish on.");
        }
        String refName = Constants.R_HEADS + branch;
        if (!Repository.isValidRefName(refName)) {
            throw new IllegalArgumentException("not a branch name: " + branch);
        }
        refuseExisting(repository, refName, branch);
        Patch parsed = parse(patch);
        List<String> paths = paths(parsed);
        budget.check();

        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit baseCommit = walk.parseCommit(baseRef.getObjectId());
            ObjectId tree;
            try (BudgetedInserter dry = BudgetedInserter.dry(repository, budget)) {
                tree = apply(repository, baseCommit, parsed, dry);
            }
            if (tree.equals(baseCommit.getTree())) {
                throw new AgentryException(
                        ErrorCode.PATCH_DOES_NOT_APPLY,
                        "The patch changes nothing on " + baseBranch + ": there is nothing to publish.");
            }
            budget.check();
            ObjectId commit;
            try (BudgetedInserter writing = BudgetedInserter.writing(repository, budget)) {
                ObjectId written = apply(repository, baseCommit, parsed, writing);
                if (!written.equals(tree)) {
                    throw new IllegalStateException("the patch gave another tree when written");
                }
                CommitBuilder builder = new CommitBuilder();
                builder.setTreeId(tree);
                builder.setParentId(baseCommit);
                builder.setAuthor(author);
                builder.setCommitter(author);
                builder.setMessage(message);
                commit = writing.insert(builder);
                writing.flush();
            }
            budget.check();
            if (!stillWanted.getAsBoolean()) {
                throw new CancellationException("the publication was given up before its branch");
            }
            createBranch(repository, refName, branch, commit, author, message);
            return new Published(branch, commit.name(), baseBranch, baseCommit.name(), paths);
        }
    }

    /** The branch HEAD points at; a detached HEAD names no base branch. */
    private static String headBranch(Repository repository) throws IOException {
        String full = repository.getFullBranch();
        if (full == null || !full.startsWith(Constants.R_HEADS)) {
            throw new AgentryException(
                    ErrorCode.CONFLICT,
                    "The target repository's HEAD is detached: its base branch must be configured.");
        }
        return full.substring(Constants.R_HEADS.length());
    }

    private static void refuseExisting(Repository repository, String refName, String branch) throws IOException {
        if (repository.exactRef(refName) != null) {
            throw new AgentryException(
                    ErrorCode.BRANCH_EXISTS, "The branch " + branch + " already exists in the target repository.");
        }
        if (repository.getRefDatabase().isNameConflicting(refName)) {
            throw new AgentryException(
                    ErrorCode.BRANCH_EXISTS,
                    "A branch of the target repository is in the way of " + branch
                            + " (a branch cannot be both a name and a folder of names).");
        }
    }

    static Patch parse(byte[] bytes) throws IOException {
        Patch patch = new Patch();
        patch.parse(new ByteArrayInputStream(bytes));
        boolean malformed = patch.getErrors().stream().anyMatch(e -> e.getSeverity() == FormatError.Severity.ERROR);
        if (malformed || patch.getFiles().isEmpty()) {
            throw new AgentryException(
                    ErrorCode.PATCH_DOES_NOT_APPLY,
                    malformed ? "The patch is not a well-formed git patch." : "The patch holds no change to publish.");
        }
        return patch;
    }

    /**
     * The paths the patch touches. Only regular and executable files: a patch that would make a
     * symbolic link or a submodule entry is refused, since a run's workspace never holds either.
     */
    private static List<String> paths(Patch patch) {
        TreeSet<String> paths = new TreeSet<>();
        for (FileHeader file : patch.getFiles()) {
            FileMode mode = file.getNewMode();
            if (file.getChangeType() != ChangeType.DELETE
                    && mode != null
                    && mode != FileMode.REGULAR_FILE
                    && mode != FileMode.EXECUTABLE_FILE) {
                throw new AgentryException(
                        ErrorCode.PATCH_DOES_NOT_APPLY,
                        "The patch would make " + file.getNewPath() + " something other than a plain file.");
            }
            if (file.getChangeType() != ChangeType.DELETE) {
                paths.add(file.getNewPath());
            }
            if (file.getChangeType() != ChangeType.ADD && file.getChangeType() != ChangeType.COPY) {
                paths.add(file.getOldPath());
            }
        }
        return List.copyOf(paths);
    }

    private static ObjectId apply(Repository repository, RevCommit base, Patch patch, BudgetedInserter inserter)
            throws IOException {
        PatchApplier.Result result;
        try {
            result = new PatchApplier(repository, base.getTree(), inserter).applyPatch(patch);
        } catch (LargeObjectException e) {
            throw new AgentryException(
                    ErrorCode.PATCH_DOES_NOT_APPLY, "A file the patch changes is too large to patch in memory.");
        }
        if (!result.getErrors().isEmpty()) {
            List<String> failures = new ArrayList<>();
            result.getErrors().stream().limit(NAMED_FAILURES).forEach(e -> failures.add(e.toString()));
            throw new AgentryException(
                    ErrorCode.PATCH_DOES_NOT_APPLY,
                    "The patch does not apply cleanly on the base branch ("
                            + result.getErrors().size() + " failed): " + String.join("; ", failures));
        }
        return result.getTreeId();
    }

    /**
     * Deletes the branch a publication created, if it still points at that commit: what undoes a
     * publication whose surrounding transaction rolled back. A branch someone moved since is left alone.
     *
     * @return whether the branch was deleted
     */
    static boolean withdraw(Repository repository, String branch, String commit) throws IOException {
        RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
        update.setExpectedOldObjectId(ObjectId.fromString(commit));
        update.setForceUpdate(true);
        RefUpdate.Result result = update.delete();
        return result == RefUpdate.Result.FORCED || result == RefUpdate.Result.FAST_FORWARD;
    }

    private static void createBranch(
            Repository repository, String refName, String branch, ObjectId commit, PersonIdent author, String message)
            throws IOException {
        RefUpdate update = repository.updateRef(refName);
        update.setExpectedOldObjectId(ObjectId.zeroId());
        update.setNewObjectId(commit);
        update.setRefLogIdent(author);
        update.setRefLogMessage("agentry: " + message.lines().findFirst().orElse(""), false);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW) {
            // Another writer got there first (the lock per target covers this server only).
            if (repository.exactRef(refName) != null) {
                throw new AgentryException(
                        ErrorCode.BRANCH_EXISTS, "The branch " + branch + " was created by another writer meanwhile.");
            }
            throw new AgentryException(
                    ErrorCode.CONFLICT, "The branch " + branch + " could not be created (" + result.name() + ").");
        }
    }
}
