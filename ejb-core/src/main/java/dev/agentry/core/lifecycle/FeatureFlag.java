package dev.agentry.core.lifecycle;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;

/** A feature switched by configuration, with its state on this server. */
public record FeatureFlag(
        @NotNull String name,
        boolean enabled,
        @NotNull String configKey,
        @NotNull String description) implements Serializable {}
