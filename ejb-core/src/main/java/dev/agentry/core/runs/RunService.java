package dev.agentry.core.runs;

import dev.agentry.core.Boundary;
import dev.agentry.core.agents.AgentDefinition;
import dev.agentry.core.agents.AgentRegistry;
import dev.agentry.core.audit.AuditTrail;
import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.json.Jsonp;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.policy.Scope;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.problem.FieldError;
import dev.agentry.core.providers.ModelProviders;
import dev.agentry.core.sandbox.ArchiveImport;
import dev.agentry.core.sandbox.FileDigest;
import dev.agentry.core.sandbox.Redactor;
import dev.agentry.core.sandbox.SeedCopy;
import dev.agentry.core.sessions.SessionTranscripts;
import dev.agentry.core.tools.ToolCatalog;
import dev.agentry.core.tools.ToolDescriptor;
import dev.agentry.core.validation.ValidatedInput;
import dev.agentry.persistence.runs.AgentRun;
import dev.agentry.persistence.runs.Outcome;
import dev.agentry.persistence.runs.RunStatus;
import dev.agentry.persistence.runs.StopReason;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The runs boundary: submit with an idempotency key, read, list and cancel. A submission checks
 * everything it can before anything is queued, and fixes what the run may do then: effective scopes
 * (agent ceiling ∩ the caller's scopes) and effective tools (task ∩ agent policy ∩ scopes, deny wins).
 */
@Stateless
@ValidatedInput
@Boundary
public class RunService {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AgentRegistry agents;

    @Inject
    RunSettings settings;

    @Inject
    Seeds seeds;

    @Inject
    VerifySteps verifySteps;

    @Inject
    RunLedger ledger;

    @Inject
    RunWorkspace files;

    @Inject
    AuditTrail audit;

    @Inject
    CursorSeal seal;

    @Inject
    Event<RunQueued> queued;

    @Inject
    ModelProviders providers;

    @Inject
    RunEventLog events;

    @Inject
    SessionTranscripts sessions;

    /** Submits a task as the caller's credential, which then owns the run. */
    public Submission submit(Grant grant, String idempotencyKey, @Valid TaskRequest request) {
        String credentialId = grant.credentialId();
        Set<String> callerScopes = grant.scopes();
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw AgentryException.validation(List.of(new FieldError(
                    "Idempotency-Key", "required", "an Idempotency-Key header of 1 to 200 visible ASCII characters")));
        }
        String requestHash = FileDigest.of(String.valueOf(request).getBytes(StandardCharsets.UTF_8));
        List<AgentRun> earlier = em.createNamedQuery("AgentRun.byKey", AgentRun.class)
                .setParameter("credentialId", credentialId)
                .setParameter("key", idempotencyKey)
                .getResultList();
        if (!earlier.isEmpty()) {
            AgentRun first = earlier.get(0);
            if (!first.getRequestHash().equals(requestHash)) {
                throw new AgentryException(
                        ErrorCode.IDEMPOTENCY_CONFLICT,
                        "This Idempotency-Key was used for a different task; use a new key for a new task.");
            }
            return new Submission(RunView.of(first), true);
        }
        TaskInput task = request.task(settings.defaultTimeout(), settings.retentionDays());
        List<FieldError> errors = new ArrayList<>();
        if (task.timeout().compareTo(settings.maxTimeout()) > 0) {
            errors.add(new FieldError(
                    "timeoutSeconds",
                    "out_of_range",
                    "from 1 to " + settings.maxTimeout().toSeconds() + " seconds"));
        }
        AgentDefinition agent =
                agents.find(task.agent()).map(a -> a.definition()).orElse(null);
        if (agent == null) {
            errors.add(new FieldError("agent", "unknown_agent", "no agent is registered with this slug"));
        }
        if (agent != null) {
            errors.addAll(providerRefusals(task, agent));
        } else if (task.provider() != null && !providers.exists(task.provider())) {
            errors.add(
                    new FieldError("provider", "unavailable", "this server has no provider of that name configured"));
        }
        if (task.seed() != null && seeds.named(task.seed()).isEmpty()) {
            errors.add(new FieldError(
                    "workspace.seed", "unknown_seed", "the operator has not allowed a seed of this name"));
        }
        for (int i = 0; i < task.verifySteps().size(); i++) {
            if (verifySteps.named(task.verifySteps().get(i)).isEmpty()) {
                errors.add(
                        new FieldError("verifySteps[" + i + "]", "unknown_step", "the operator declared no such step"));
            }
        }
        SecretEnvRule secretEnv = settings.secretEnv();
        errors.addAll(secretEnv.refusals(task.secretEnv(), System::getenv));
        List<String> secrets =
                List.copyOf(secretEnv.values(task.secretEnv(), System::getenv).values());
        if (!errors.isEmpty()) {
            throw AgentryException.validation(errors);
        }
        Set<String> scopes = new TreeSet<>(agent.permissionCeiling());
        scopes.retainAll(callerScopes);
        Set<String> tools = effectiveTools(task, agent, new Grant(credentialId, scopes));
        String id = "run_" + UUID.randomUUID().toString().replace("-", "");
        // A session is claimed first: a busy one refuses the run before anything is written or unpacked.
        SessionTranscripts.Claim claim = task.sessionId() == null
                ? null
                : sessions.claim(credentialId, task.sessionId(), agent.slug(), id, task.queueWhenBusy());
        if (task.archive() != null) {
            unpack(id, task.archive());
        }
        Redactor redactor = Redactor.of(secrets);
        AgentRun run = new AgentRun(
                id,
                credentialId,
                agent.slug(),
                idempotencyKey,
                requestHash,
                redactor.redact(StoredTask.of(task).json()),
                Jsonp.createArrayBuilder(scopes).build().toString(),
                Jsonp.createArrayBuilder(tools).build().toString(),
                task.retentionDays(),
                now());
        if (claim != null) {
            run.continueSession(task.sessionId());
        }
        try {
            em.persist(run);
            em.flush();
        } catch (PersistenceException e) {
            // The same key raced in from another request and won the unique constraint.
            SeedCopy.delete(files.directory(id));
            throw new AgentryException(
                    ErrorCode.CONFLICT, "A run with this Idempotency-Key is being submitted; repeat to receive it.");
        }
        var queuedEvent =
                Jsonp.createObjectBuilder().add("status", run.getStatus().wire());
        if (claim == SessionTranscripts.Claim.WAITS) {
            queuedEvent.add("waitsForSession", task.sessionId());
        }
        events.append(id, RunEventRecord.STATUS, queuedEvent.build());
        audit.action("run.submit", id);
        queued.fire(new RunQueued(id));
        return new Submission(RunView.of(run), false);
    }

    public RunView view(Grant grant, String id) {
        return RunView.of(find(grant, id));
    }

    /**
     * The run, if it reaches this caller (its own, or {@code runs:admin}, or the console). Another
     * credential's run is answered exactly like a missing one: its existence is not disclosed.
     */
    public AgentRun find(Grant grant, String id) {
        AgentRun run = id == null ? null : em.find(AgentRun.class, id);
        if (run == null || !grant.ownsRun(run.getCredentialId())) {
            throw AgentryException.notFound("There is no run with this id.");
        }
        return run;
    }

    /**
     * Newest first; filters by status, agent, credential and creation time; sealed cursors bound to them.
     * Only the caller's own runs unless it owns every run ({@code runs:admin}, the console).
     */
    public Page<RunView> list(Grant grant, RunFilter filter, int limit, String cursor) {
        String owner = grant.ownsEveryRun() ? null : grant.credentialId();
        String binding = "runs|" + owner + "|" + filter.binding();
        StringBuilder jpql = new StringBuilder("select r from AgentRun r where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (owner != null) {
            jpql.append(" and r.credentialId = :owner");
            parameters.put("owner", owner);
        }
        if (filter.status() != null) {
            jpql.append(" and r.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.agent() != null) {
            jpql.append(" and r.agentSlug = :agent");
            parameters.put("agent", filter.agent());
        }
        if (filter.credentialId() != null) {
            jpql.append(" and r.credentialId = :credential");
            parameters.put("credential", filter.credentialId());
        }
        if (filter.createdSince() != null) {
            jpql.append(" and r.createdAt >= :since");
            parameters.put("since", filter.createdSince());
        }
        if (filter.createdBefore() != null) {
            jpql.append(" and r.createdAt < :before");
            parameters.put("before", filter.createdBefore());
        }
        if (cursor != null) {
            String payload = seal.open(cursor);
            if (!payload.startsWith(binding + "|")) {
                throw CursorSeal.invalid("The cursor belongs to another listing or other filters.");
            }
            String[] position = payload.substring(binding.length() + 1).split("\\|", 2);
            jpql.append(" and (r.createdAt < :at or (r.createdAt = :at and r.id < :id))");
            parameters.put("at", Instant.ofEpochMilli(Long.parseLong(position[0])));
            parameters.put("id", position[1]);
        }
        jpql.append(" order by r.createdAt desc, r.id desc");
        TypedQuery<AgentRun> query =
                em.createQuery(jpql.toString(), AgentRun.class).setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        List<AgentRun> runs = query.getResultList();
        boolean more = runs.size() > limit;
        List<AgentRun> page = more ? runs.subList(0, limit) : runs;
        AgentRun last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? seal.seal(binding + "|" + last.getCreatedAt().toEpochMilli() + "|" + last.getId()) : null;
        return Page.of(page.stream().map(RunView::of).toList(), next);
    }

    /** How many runs are in each status, every status listed. */
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RunStatus status : RunStatus.values()) {
            counts.put(status.wire(), 0L);
        }
        em.createQuery("select r.status, count(r) from AgentRun r group by r.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put(((RunStatus) row[0]).wire(), (Long) row[1]));
        return counts;
    }

    /**
     * Asks a run to stop. A queued run ends at once; a running one stops at its next check and keeps
     * what it collected; an ended one is returned as it is, so cancelling twice is harmless.
     */
    public RunView cancel(Grant grant, String id) {
        AgentRun run = find(grant, id);
        RunStatus status = run.getStatus();
        if (status.terminal() || run.isCancelRequested()) {
            return RunView.of(run);
        }
        ledger.requestCancel(id);
        if (status == RunStatus.QUEUED
                && ledger.finish(id, new RunEnd(Outcome.CANCELLED, StopReason.CANCELLED, null, null, null))) {
            files.cleanUp(id, "cancelled while queued");
        }
        em.refresh(run);
        return RunView.of(run);
    }

    /**
     * The provider and model rule: a task runs on its agent's provider (naming another is refused);
     * it may name a model unless the agent pins one; some model must be known (task, agent or the
     * provider's setting); the provider must be configured; {@code scripted} needs the task's script.
     */
    private List<FieldError> providerRefusals(TaskInput task, AgentDefinition agent) {
        List<FieldError> errors = new ArrayList<>();
        String provider = agent.provider();
        if (task.provider() != null && !task.provider().equals(provider)) {
            errors.add(new FieldError(
                    "provider", "not_allowed", "the agent's runs use the provider " + FieldError.quoted(provider)));
            return errors;
        }
        if (!providers.exists(provider)) {
            errors.add(
                    new FieldError("provider", "unavailable", "this server has no provider of that name configured"));
            return errors;
        }
        boolean pinned = agent.model() != null && !agent.model().isBlank();
        if (pinned && task.model() != null && !task.model().equals(agent.model())) {
            errors.add(new FieldError(
                    "model", "not_allowed", "the agent's runs use the model " + FieldError.quoted(agent.model())));
        } else if (providers.model(provider, agent.model(), task.model()).isEmpty()) {
            errors.add(
                    new FieldError("model", "required", "neither the task, the agent nor the provider names a model"));
        }
        if (provider.equals(ModelProviders.SCRIPTED) && task.script() == null) {
            errors.add(new FieldError("script", "required", "the scripted provider replays the task's script"));
        }
        return errors;
    }

    /** The task's tools that the agent's policy, the task's own denials and the scopes all allow. */
    static Set<String> effectiveTools(TaskInput task, AgentDefinition agent, Grant effective) {
        boolean readsCatalog = effective.readsAnyCollection();
        Set<String> tools = new TreeSet<>();
        for (String name : task.allowedTools()) {
            ToolDescriptor tool = ToolCatalog.named(name).orElseThrow();
            boolean deniedByTask = task.deniedTools().contains("*")
                    || task.deniedTools().contains(tool.name())
                    || task.deniedTools().contains(tool.category());
            // catalog.write also needs a control scope in the run's effective scopes: one to execute or to propose.
            boolean writesAllowed = !tool.name().equals(ToolCatalog.CATALOG_WRITE)
                    || effective.holds(Scope.CONTROL_ACTIONS_EXECUTE)
                    || effective.holds(Scope.CONTROL_APPROVALS_REQUEST);
            if (agent.toolPolicy().permits(tool)
                    && !deniedByTask
                    && (!tool.needsCatalogScope() || readsCatalog)
                    && writesAllowed) {
                tools.add(name);
            }
        }
        return tools;
    }

    /** Unpacks an uploaded seed into the run's baseline now, so a bad archive is refused at the door. */
    private void unpack(String id, byte[] archive) {
        Path zip = files.directory(id).resolve("seed.zip");
        Path baseline = files.baseline(id);
        try {
            Files.createDirectories(baseline);
            Files.write(zip, archive);
            List<ArchiveImport.Refused> refused = ArchiveImport.extract(zip, baseline, settings.archiveLimits());
            if (!refused.isEmpty()) {
                throw AgentryException.validation(refused.stream()
                        .map(r -> new FieldError(
                                "workspace.archive", r.code(), "entry refused: " + FieldError.quoted(r.name())))
                        .toList());
            }
        } catch (ArchiveImport.Rejected e) {
            SeedCopy.delete(files.directory(id));
            throw AgentryException.validation(List.of(new FieldError("workspace.archive", "rejected", e.getMessage())));
        } catch (AgentryException e) {
            SeedCopy.delete(files.directory(id));
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException e) {
                // the zip is inside the run's directory, which cleanup removes
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
