package dev.agentry.core.publication;

import dev.agentry.core.control.ActionEffect;
import dev.agentry.core.control.ActionSubject;
import dev.agentry.core.control.GovernedAction;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.schema.Doc;
import dev.agentry.core.webhooks.EventCatalog;
import dev.agentry.core.webhooks.WebhookOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code artifact.apply}: a run's verified patch published to an operator-declared git repository as the
 * new branch {@code agentry/<run-id>} ({@link WorkspacePublication}). It touches the run's artifacts,
 * which its owner (or a {@code runs:admin} holder) reaches; another credential's run is {@code
 * not_found} on every control route. A simulation shows the files and lines of the patch and writes
 * nothing; an execution announces {@code artifact.applied} in its own transaction, and the branch of one
 * whose transaction rolls back is withdrawn again. It lives with the engine it drives: the
 * control plane finds it as it finds every action, and knows nothing of runs or repositories.
 */
@ApplicationScoped
public class ArtifactApply implements GovernedAction<ArtifactApply.Input> {

    @Doc("A run whose patch to publish, and where")
    public record Input(
            @NotBlank(message = "is required") @Size(max = 40) @Doc("The run's id")
            String runId,

            @NotBlank(message = "is required")
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "is a publication target's name")
            @Doc("A target the operator declared in agentry.publication.targets")
            String target,

            @Pattern(regexp = "sha256:[0-9a-f]{64}", message = "is a bundle id, sha256:<64 hex>")
            @Doc("The run's bundle id as the caller saw it; another bundle is a conflict")
            String expectedBundleId) {}

    @Inject
    WorkspacePublication publication;

    @Inject
    WebhookOutbox outbox;

    @Override
    public String name() {
        return "artifact.apply";
    }

    @Override
    public String description() {
        return "Publish a run's verified patch to a declared git repository as the branch agentry/<run-id>";
    }

    @Override
    public Class<Input> input() {
        return Input.class;
    }

    @Override
    public ActionSubject subject() {
        return ActionSubject.RUNS;
    }

    /** Another credential's run is not found, as a missing one (its owner or {@code runs:admin} reach it). */
    @Override
    public void requireReachable(Grant grant, Input input) {
        publication.requireReachable(grant, input.runId());
    }

    @Override
    public ActionEffect apply(Grant grant, Input input) {
        Publication published = publication.apply(grant, input.runId(), input.target(), input.expectedBundleId());
        // In the execution's transaction: announced if and only if the execution commits (the branch of
        // one that rolls back is withdrawn). About the run's owner, so routing offers it only to those
        // who reach the run, whoever executed it.
        Map<String, Object> announced = new LinkedHashMap<>();
        announced.put("runId", published.runId());
        announced.put("target", published.target());
        announced.put("branch", published.branch());
        announced.put("commit", published.commit());
        announced.put("base", published.base());
        announced.put("bundleId", published.bundleId());
        outbox.publishAbout(published.runOwner(), EventCatalog.ARTIFACT_APPLIED, announced);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("target", published.target());
        after.put("branch", published.branch());
        after.put("commit", published.commit());
        after.put("base", published.base());
        after.put("baseCommit", published.baseCommit());
        after.put("bundleId", published.bundleId());
        after.put("paths", published.paths());
        return new ActionEffect(published.runId(), null, after);
    }

    @Override
    public ActionEffect preview(Grant grant, Input input) {
        PublicationPreview preview =
                publication.preview(grant, input.runId(), input.target(), input.expectedBundleId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("target", preview.target());
        after.put("branch", preview.branch());
        if (preview.base() != null) {
            after.put("base", preview.base());
        }
        after.put("bundleId", preview.bundleId());
        after.put("files", preview.patch().files());
        after.put("linesAdded", preview.patch().linesAdded());
        after.put("linesRemoved", preview.patch().linesRemoved());
        return new ActionEffect(preview.runId(), null, after);
    }
}
