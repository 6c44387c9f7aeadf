package dev.agentry.core.control;

import dev.agentry.core.schema.Doc;
import jakarta.validation.constraints.NotNull;

@Doc("What executing an action with this input would do and need; nothing was written")
public record Simulation(
        @NotNull String action,

        @NotNull @Doc("What it writes: a catalog collection, or runs for a run's patch")
        String collection,

        @NotNull @Doc("The scope the action needs besides control:actions:execute")
        String requiredScope,

        @NotNull @Doc("The governing policy and what it demands")
        Governance governance,

        @NotNull @Doc("The record before and after, as the write would leave it")
        Preview effect) {}
