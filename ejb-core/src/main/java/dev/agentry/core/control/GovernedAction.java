package dev.agentry.core.control;

import dev.agentry.core.Boundary;
import dev.agentry.core.collections.CollectionDescriptor;

/**
 * One write a caller may ask Agentry to make to the system of record, e.g. {@code entry.update}. An
 * action is a CDI bean: adding one is writing its class. Its input is a record with Bean Validation
 * constraints, published as the JSON Schema {@code action.<name>}; it writes records of one collection,
 * whose read scope the caller must hold (an agent's run: ceiling ∩ caller). It writes in the caller's
 * transaction through the catalog store, so its change record and webhook event commit with it.
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

    /** The collection it writes: its read scope is what the caller needs to run it. */
    CollectionDescriptor collection();

    /**
     * Makes the write in the caller's transaction. Refuses with {@code not_found} for a missing record,
     * {@code conflict} for one that moved past the input's {@code expectedVersion} or cannot take the
     * change, and never writes anything else.
     */
    ActionEffect apply(I input);
}
