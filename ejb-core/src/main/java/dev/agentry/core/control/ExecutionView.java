package dev.agentry.core.control;

import dev.agentry.core.schema.Doc;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.Instant;

@Doc("One governed action executed: what it changed, under which approval, when")
public record ExecutionView(
        @NotNull String id,
        @NotNull String action,
        @NotNull String collection,

        @NotNull @Doc("The credential (or admin:<name>) that executed it")
        String executedBy,

        @Doc("The approval it used, where its policy demanded one")
        String approvalId,

        @Doc("The run that executed it, for an agent's action")
        String runId,

        @NotNull Instant executedAt,

        @NotNull @Doc("The record before and after, and the merge patch between them")
        Preview effect)
        implements Serializable {}
