package dev.agentry.core.retention;

import jakarta.enterprise.context.ApplicationScoped;

/** What diagnostics runs recorded before the horizon. */
@ApplicationScoped
public class DiagnosticPurge extends RowPurge {

    public DiagnosticPurge() {
        super(RetentionKind.DIAGNOSTICS, "DiagnosticRecord", "d", "d.recordedAt < :cutoff");
    }
}
