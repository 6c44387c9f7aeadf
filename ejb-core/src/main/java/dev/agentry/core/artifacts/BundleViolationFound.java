package dev.agentry.core.artifacts;

import java.util.List;

/**
 * A stored bundle no longer verifies (bit rot, tampering on disk): fired by the bundle re-verification, for
 * whoever opens incidents on it.
 *
 * @param runId the run whose bundle it is
 * @param bundleId the bundle id recorded when the run sealed it
 * @param violations what is wrong with it now
 */
public record BundleViolationFound(String runId, String bundleId, List<Violation> violations) {

    public BundleViolationFound {
        violations = List.copyOf(violations);
    }
}
