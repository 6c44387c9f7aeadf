package dev.agentry.core.control;

import dev.agentry.core.policy.Grant;
import dev.agentry.persistence.control.Execution;

/** An execution record as a caller sees it: its effect redacted for the caller's scopes. */
final class ExecutionReader {

    private ExecutionReader() {}

    static ExecutionView view(Grant grant, Execution e, ActionSubject subject) {
        return new ExecutionView(
                e.getId(),
                e.getAction(),
                e.getCollection(),
                e.getCredentialId(),
                e.getApprovalId(),
                e.getRunId(),
                e.getExecutedAt(),
                subject.seenBy(grant, Preview.read(e.getResultJson())));
    }

    static ActionSubject subject(Execution e) {
        return ActionSubject.named(e.getCollection());
    }

    /**
     * Whether the caller may see the execution: of a subject that reaches it, and its own or with
     * control:audit:read.
     */
    static boolean mayRead(Grant grant, Execution e, boolean auditor) {
        return subject(e).reaches(grant, e.getCredentialId()) && (auditor || grant.owns(e.getCredentialId()));
    }
}
