package dev.agentry.core.lifecycle;

import dev.agentry.core.schema.Doc;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** What {@code GET /lifecycle} answers: version, deprecations, flags and the reader's credentials' risks. */
public record LifecycleView(
        @NotNull @Doc("the API version of every /api/v1 route")
        String apiVersion,

        @NotNull List<Deprecation> deprecations,
        @NotNull List<FeatureFlag> flags,

        @NotNull @Doc("worst first; only credentials within the reader's grant ceiling")
        List<CredentialRisk> risks) {}
