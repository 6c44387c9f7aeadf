package dev.agentry.core.retention;

import jakarta.enterprise.context.ApplicationScoped;

/** Lag snapshots taken before the horizon. */
@ApplicationScoped
public class LagHistoryPurge extends RowPurge {

    public LagHistoryPurge() {
        super(RetentionKind.LAG_HISTORY, "LagSnapshot", "s", "s.takenAt < :cutoff");
    }
}
