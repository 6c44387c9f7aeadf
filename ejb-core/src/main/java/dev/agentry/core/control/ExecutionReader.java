package dev.agentry.core.control;

import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.policy.Grant;
import dev.agentry.persistence.control.Execution;

/** An execution record as a caller sees it: its effect redacted for the caller's scopes. */
final class ExecutionReader {

    private ExecutionReader() {}

    static ExecutionView view(Grant grant, Execution e, CollectionDescriptor collection) {
        return new ExecutionView(
                e.getId(),
                e.getAction(),
                e.getCollection(),
                e.getCredentialId(),
                e.getApprovalId(),
                e.getRunId(),
                e.getExecutedAt(),
                Preview.read(e.getResultJson()).forReader(grant, collection));
    }

    static CollectionDescriptor collection(Execution e) {
        return CatalogCollections.ALL.stream()
                .filter(c -> c.name().equals(e.getCollection()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no collection " + e.getCollection()));
    }

    /** Whether the caller may see the execution: of a collection it reads, and its own or with control:audit:read. */
    static boolean mayRead(Grant grant, Execution e, boolean auditor) {
        return grant.reads(collection(e)) && (auditor || grant.owns(e.getCredentialId()));
    }
}
