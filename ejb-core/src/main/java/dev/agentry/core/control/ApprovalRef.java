package dev.agentry.core.control;

/**
 * An approval as something else names it (an audit record's target).
 *
 * @param id its id
 * @param action the governed action it is for, e.g. {@code entries.update}
 * @param collection the collection the action writes
 * @param status {@code pending}, {@code approved}, {@code rejected} or {@code expired}
 */
public record ApprovalRef(String id, String action, String collection, String status) {

    /** How people know it: what it approves, and where it stands. */
    public String name() {
        return action + " on " + collection + " (" + status + ")";
    }
}
