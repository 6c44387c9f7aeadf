package dev.agentry.core.signals;

/**
 * What a node must no longer cache: fired on the node that made the change (observers take it
 * {@code AFTER_SUCCESS}, so once the change committed) and on every node as it reads the change's signal.
 * Observers must be idempotent: a node hears of its own changes both ways.
 *
 * @param kind what the subject is
 * @param subject the id of what changed
 */
public record Invalidated(SignalKind kind, String subject) {

    public boolean names(SignalKind kind) {
        return this.kind == kind;
    }
}
