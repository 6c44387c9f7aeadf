package dev.agentry.core.control;

import dev.agentry.persistence.control.Approval;
import java.util.Locale;

/**
 * An approval's status as of now, as a list filters by it: {@code expired} also holds a pending or unused approval
 * whose time ran out, which the stored row still calls pending or approved.
 */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED;

    /** The name in the stored row and on the wire, e.g. {@code pending} ({@link Approval#PENDING}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
