package dev.agentry.persistence.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The feed's single bookkeeping row: how far retention has removed it. */
@Entity
@Table(name = "change_feed_state")
public class ChangeFeedState {

    /** The id of the only row. */
    public static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "purged_through", nullable = false)
    private long purgedThrough;

    protected ChangeFeedState() {
        // for JPA
    }

    public long getPurgedThrough() {
        return purgedThrough;
    }

    /** Records that every position up to {@code position} has been removed; never moves back. */
    public void purgedThrough(long position) {
        purgedThrough = Math.max(purgedThrough, position);
    }
}
