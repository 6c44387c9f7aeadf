package dev.agentry.core.artifacts;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.util.List;

/** The verdict on a bundle: valid exactly when nothing is wrong, and everything that is. */
public record Verification(
        boolean valid, String bundleId, int files, @NotNull List<Violation> violations) implements Serializable {

    public Verification {
        violations = List.copyOf(violations);
    }
}
