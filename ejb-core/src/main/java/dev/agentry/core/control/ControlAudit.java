package dev.agentry.core.control;

/** How the audit trail names governed-write actions: {@code control.<what>}, e.g. {@code control.entry.update}. */
public final class ControlAudit {

    /** The prefix of every control action's audit record, by which the control audit selects them. */
    public static final String PREFIX = "control.";

    private ControlAudit() {}
}
