package dev.agentry.core.control;

import dev.agentry.core.Boundary;
import dev.agentry.core.policy.Grant;

/**
 * One write a caller may ask Agentry to make to the system of record, e.g. {@code entry.update}. An
 * action is a CDI bean: adding one is writing its class. Its input is a record with Bean Validation
 * constraints, published as the JSON Schema {@code action.<name>}; it touches one {@link ActionSubject}
 * (the records of one collection, or a run's artifacts), whose read scope the caller must hold (an
 * agent's run: ceiling ∩ caller). It writes in the caller's transaction — a catalog action through the
 * catalog store, so its change record and webhook event commit with it.
 *
 * @param <I> the input record
 */
@Boundary
public interface GovernedAction<I extends Record> {

    /** The action's stable name, {@code <item>.<verb>}, e.g. {@code order.updateStatus}. */
    String name();

    /** What it does, for the people writing policies and the agents choosing actions. */
    String description();

    /** The type its input binds to. */
    Class<I> input();

    /** What it touches: its read scope is what the caller needs to run it, and who sees its records. */
    ActionSubject subject();

    /**
     * Refuses with {@code not_found}, exactly as a missing one, an input naming a record the caller cannot
     * reach (another credential's run). Checked before anything else is decided about the input — when
     * it is simulated, when an approval is requested for it and when it is executed — so whoever does not
     * reach the record learns nothing of it, not even whether its action needs an approval. Records a
     * collection scope reaches need nothing here: the action's subject already checked that scope.
     */
    default void requireReachable(Grant grant, I input) {}

    /**
     * Makes the write in the caller's transaction, as {@code grant}. Refuses with {@code not_found} for a
     * missing record (or one the caller does not own), {@code conflict} for one that moved past the
     * input's expected version or cannot take the change, and never writes anything else.
     */
    ActionEffect apply(Grant grant, I input);

    /**
     * The effect {@link #apply} would have, for a simulation: called in a transaction that always rolls
     * back, so by default it is the write itself. An action whose write lies outside the database
     * (a git branch) describes its effect instead and writes nothing.
     */
    default ActionEffect preview(Grant grant, I input) {
        return apply(grant, input);
    }
}
