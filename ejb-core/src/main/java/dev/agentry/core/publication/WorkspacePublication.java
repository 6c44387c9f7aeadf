package dev.agentry.core.publication;

import dev.agentry.core.artifacts.BundleId;
import dev.agentry.core.artifacts.Verification;
import dev.agentry.core.artifacts.Violation;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.policy.Scope;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.runs.RunArtifacts;
import dev.agentry.core.runs.RunService;
import dev.agentry.core.runs.RunWorkspace;
import dev.agentry.core.sandbox.WorkBudget;
import dev.agentry.persistence.runs.AgentRun;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Repository;
import org.jboss.logging.Logger;

/**
 * Publishes a run's patch to an operator-declared git repository (SPEC section 10, the engine of the
 * {@code artifact.apply} action): the run must reach the caller, its sealed bundle must verify and be
 * the one the run sealed, and its patch must apply cleanly on the target's base branch; the result is
 * the new branch {@code agentry/<run-id>} with one commit. Nothing is written unless all of that holds.
 * The work is bounded by {@code agentry.publication.timeout} and {@code …max-patch-bytes} and holds the
 * target's lock; the branch, once made, is withdrawn again if the caller's transaction rolls back, so
 * an action that fails after it leaves no branch behind.
 */
@Stateless
// Publications run here, so a caller's wait ends at its timeout whatever the repository does.
@ManagedExecutorDefinition(name = WorkspacePublication.WORKERS, maxAsync = 2)
public class WorkspacePublication {

    static final String WORKERS = "java:app/concurrent/PublicationWorkers";

    private static final Logger LOG = Logger.getLogger(WorkspacePublication.class);
    private static final int SUBJECT_LENGTH = 72;
    private static final int BODY_LENGTH = 4000;
    /** How long past its deadline a publication is waited for before it is given up. */
    private static final long GRACE_MILLIS = 2000;

    private static final int RUNNING = 0;
    private static final int BRANCHING = 1;
    private static final int ABANDONED = 2;

    @Inject
    RunService runs;

    @Inject
    RunArtifacts artifacts;

    @Inject
    RunWorkspace files;

    @Inject
    PublicationTargets targets;

    @Inject
    TargetLocks locks;

    @Inject
    Clock clock;

    @Resource(lookup = WORKERS)
    ManagedExecutorService workers;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Publishes the run to the target as the caller.
     *
     * @throws AgentryException {@code scope_denied} (no {@code artifacts:read}); {@code not_found} (no
     *     such run, another credential's run, or no sealed bundle yet); {@code validation_failed} on
     *     {@code target} ({@code unknown_target}, {@code unusable_target}); {@code bundle_invalid};
     *     {@code payload_too_large} (a patch over {@code max-patch-bytes}); {@code patch_does_not_apply}
     *     (also for an empty or incomplete patch); {@code branch_exists}; {@code conflict} (no base
     *     branch); {@code service_unavailable} (the repository cannot be opened now, the author is
     *     misconfigured, or the time ran out) — each having written nothing
     */
    public Publication apply(Grant grant, String runId, String targetName) {
        return apply(grant, runId, targetName, null);
    }

    /**
     * As {@link #apply(Grant, String, String)}, refusing with {@code conflict} a run whose sealed bundle
     * is not {@code expectedBundleId} (when given): what an approval of one patch is bound to.
     */
    public Publication apply(Grant grant, String runId, String targetName, String expectedBundleId) {
        Sealed sealed = sealed(grant, runId, targetName, expectedBundleId);
        PublicationTarget target = sealed.target();
        AgentRun run = sealed.run();
        byte[] patch = sealed.patch();
        PublicationTargets.Author author = targets.author()
                .orElseThrow(
                        () -> new AgentryException(
                                ErrorCode.SERVICE_UNAVAILABLE,
                                "Publishing is not configured: the commit author is not 'Name <email>'; the server log says so."));
        String message = message(run);

        WorkBudget budget = WorkBudget.of(targets.timeout(), Long.MAX_VALUE, () -> false);
        AtomicInteger state = new AtomicInteger(RUNNING);
        Future<PatchPublisher.Published> work =
                workers.submit(() -> publish(target, patch, author, message, runId, budget, state));
        PatchPublisher.Published published = await(work, state, target);
        withdrawOnRollback(target, published);
        LOG.infof(
                "Published run %s to target '%s' as branch %s (commit %s on %s)",
                runId, target.name(), published.branch(), published.commit(), published.base());
        return new Publication(
                runId,
                run.getCredentialId(),
                target.name(),
                published.branch(),
                published.commit(),
                published.base(),
                published.baseCommit(),
                run.getBundleId(),
                published.paths());
    }

    /**
     * What publishing the run would do, checked as {@link #apply(Grant, String, String, String)} checks it
     * before writing — the caller, the target, the run's verified bundle — with the files and lines its
     * patch changes. Writes nothing: whether the patch applies on the base branch as it is then is known
     * when it is published.
     */
    public PublicationPreview preview(Grant grant, String runId, String targetName, String expectedBundleId) {
        Sealed sealed = sealed(grant, runId, targetName, expectedBundleId);
        return new PublicationPreview(
                runId,
                sealed.target().name(),
                "agentry/" + runId,
                sealed.target().baseBranch(),
                sealed.run().getBundleId(),
                PatchSummary.of(sealed.patch()));
    }

    /** Refuses with {@code not_found} a run the caller does not reach, exactly as a missing one. */
    public void requireReachable(Grant grant, String runId) {
        runs.find(grant, runId);
    }

    /** A run's verified, sealed patch and the target it is for. */
    private record Sealed(PublicationTarget target, AgentRun run, byte[] patch) {}

    private Sealed sealed(Grant grant, String runId, String targetName, String expectedBundleId) {
        if (!grant.holds(Scope.ARTIFACTS_READ)) {
            throw new AgentryException(
                    ErrorCode.SCOPE_DENIED, "Publishing a run reads its artifacts: it needs artifacts:read.");
        }
        // The run first: whoever does not reach it learns nothing else, not even which targets exist.
        AgentRun run = runs.find(grant, runId);
        PublicationTarget target = targets.target(targetName);
        if (run.getBundleId() == null) {
            throw AgentryException.notFound("The run has no sealed bundle yet.");
        }
        if (expectedBundleId != null && !expectedBundleId.equals(run.getBundleId())) {
            throw new AgentryException(
                    ErrorCode.CONFLICT,
                    "The run's bundle is " + run.getBundleId() + ", not " + expectedBundleId
                            + ": look at the run again and decide on what it is now.");
        }
        Verification verification = artifacts.verify(grant, runId);
        if (!verification.valid()) {
            throw new AgentryException(
                    ErrorCode.BUNDLE_INVALID,
                    "The run's bundle does not verify ("
                            + verification.violations().stream()
                                    .map(Violation::code)
                                    .distinct()
                                    .collect(Collectors.joining(", "))
                            + "): it is not published.");
        }
        return new Sealed(target, run, sealedPatch(run, verification));
    }

    /**
     * The patch of the verified bundle, read once and bound to the id the run recorded when it sealed
     * it: a bundle re-sealed over other content verifies, but is not the run's.
     */
    private byte[] sealedPatch(AgentRun run, Verification verification) {
        if (!Objects.equals(verification.bundleId(), run.getBundleId())) {
            throw new AgentryException(
                    ErrorCode.BUNDLE_INVALID, "The run's bundle is not the one the run sealed: it is not published.");
        }
        Path bundle = files.artifacts(run.getId());
        try {
            Path patchFile = bundle.resolve(BundleId.PATCH);
            if (Files.size(patchFile) > targets.maxPatchBytes()) {
                throw new AgentryException(
                        ErrorCode.PAYLOAD_TOO_LARGE,
                        "The run's patch is larger than agentry.publication.max-patch-bytes (" + targets.maxPatchBytes()
                                + " bytes).");
            }
            byte[] changed = Files.readAllBytes(bundle.resolve(BundleId.CHANGED_FILES));
            byte[] patch = Files.readAllBytes(patchFile);
            if (!BundleId.of(changed, patch).equals(run.getBundleId())) {
                throw new AgentryException(
                        ErrorCode.BUNDLE_INVALID, "The run's bundle changed while it was read: it is not published.");
            }
            if (!complete(changed)) {
                throw new AgentryException(
                        ErrorCode.PATCH_DOES_NOT_APPLY,
                        "The run's patch is incomplete (collecting its changes ran out of budget): publishing it"
                                + " would commit part of a change.");
            }
            return patch;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean complete(byte[] changedFiles) {
        try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(changedFiles))) {
            return reader.readObject().getBoolean("complete", false);
        } catch (JsonException | ClassCastException e) {
            return false;
        }
    }

    /** The subject is the goal's first line; the body the whole goal; trailers name the run and bundle. */
    static String message(String runId, String goal, String bundleId) {
        String text = goal == null
                ? ""
                : goal.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        String first = text.lines().findFirst().orElse("").strip();
        String subject = first.isEmpty() ? "Agentry run " + runId : first;
        if (subject.length() > SUBJECT_LENGTH) {
            subject = subject.substring(0, SUBJECT_LENGTH - 1) + "…";
        }
        StringBuilder message = new StringBuilder(subject).append("\n\n");
        if (!text.equals(subject)) {
            message.append(text.length() > BODY_LENGTH ? text.substring(0, BODY_LENGTH) + "…" : text)
                    .append("\n\n");
        }
        return message.append("Agentry-Run: ")
                .append(runId)
                .append("\nAgentry-Bundle: ")
                .append(bundleId)
                .append('\n')
                .toString();
    }

    private static String message(AgentRun run) {
        String goal = "";
        try (JsonReader reader = Jsonp.createReader(new StringReader(run.getTaskInput()))) {
            JsonObject task = reader.readObject();
            goal = task.getString("goal", "");
        } catch (JsonException | ClassCastException e) {
            // a task without a readable goal is published under the run's id alone
        }
        return message(run.getId(), goal, run.getBundleId());
    }

    /** On a worker: the target's lock, its repository opened afresh, the patch committed. */
    private PatchPublisher.Published publish(
            PublicationTarget target,
            byte[] patch,
            PublicationTargets.Author author,
            String message,
            String runId,
            WorkBudget budget,
            AtomicInteger state)
            throws Exception {
        ReentrantLock lock = locks.of(target.repository());
        if (!lock.tryLock(targets.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AgentryException(
                    ErrorCode.SERVICE_UNAVAILABLE, "Another publication to this target took all the time there was.");
        }
        try (Repository repository = opened(target)) {
            return PatchPublisher.publish(
                    repository,
                    target.baseBranch(),
                    "agentry/" + runId,
                    patch,
                    author.at(clock.instant()),
                    message,
                    budget,
                    () -> state.compareAndSet(RUNNING, BRANCHING));
        } finally {
            lock.unlock();
        }
    }

    private static Repository opened(PublicationTarget target) {
        try {
            return PublicationTargets.open(target.repository());
        } catch (PublicationTargets.Unusable e) {
            LOG.warnf("Publication target '%s' is unusable: %s", target.name(), e.getMessage());
            throw new AgentryException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "The publication target '" + target.name() + "' cannot be written now; the server log says why.");
        }
    }

    /**
     * The worker's result within the timeout. Giving up is decided once: either the worker has not yet
     * reached its branch and never will, or it has, and its (quick) branch creation is waited for.
     */
    private PatchPublisher.Published await(
            Future<PatchPublisher.Published> work, AtomicInteger state, PublicationTarget target) {
        try {
            try {
                return work.get(targets.timeout().toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (state.compareAndSet(RUNNING, ABANDONED)) {
                    work.cancel(true);
                    throw timedOut(target);
                }
                return work.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state.compareAndSet(RUNNING, ABANDONED);
            work.cancel(true);
            throw timedOut(target);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AgentryException refusal) {
                throw refusal;
            }
            if (cause instanceof WorkBudget.Exhausted) {
                throw timedOut(target);
            }
            LOG.errorf(cause, "Publishing to target '%s' failed", target.name());
            throw new AgentryException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "The publication target '" + target.name() + "' could not be written; the server log says why.");
        }
    }

    private static AgentryException timedOut(PublicationTarget target) {
        return new AgentryException(
                ErrorCode.SERVICE_UNAVAILABLE,
                "Publishing to '" + target.name()
                        + "' did not finish within agentry.publication.timeout; nothing was published.");
    }

    /** In a transaction, the branch goes again if the transaction does not commit. */
    private void withdrawOnRollback(PublicationTarget target, PatchPublisher.Published published) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    return;
                }
                try (Repository repository = PublicationTargets.open(target.repository())) {
                    boolean withdrawn = PatchPublisher.withdraw(repository, published.branch(), published.commit());
                    LOG.infof(
                            "The transaction publishing branch %s to target '%s' did not commit: the branch %s",
                            published.branch(),
                            target.name(),
                            withdrawn ? "was deleted" : "had moved and was left as it is");
                } catch (PublicationTargets.Unusable | IOException | RuntimeException e) {
                    LOG.errorf(
                            "The transaction publishing branch %s to target '%s' did not commit, and the branch could"
                                    + " not be deleted: delete it by hand",
                            published.branch(), target.name());
                }
            }
        });
    }
}
