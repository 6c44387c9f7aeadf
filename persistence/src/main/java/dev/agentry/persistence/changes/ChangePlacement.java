package dev.agentry.persistence.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A change record as the sequencer sees it: its id and its feed position, nothing else. Mapped on the
 * change records' own table so that placing a batch neither loads the snapshots (up to a megabyte each,
 * a thousand to a batch) nor writes them back: only the position is updated, in JDBC batches.
 */
@Entity
@Table(name = "change_record")
@NamedQuery(
        name = "ChangePlacement.unplaced",
        query = "select p from ChangePlacement p where p.position is null order by p.id")
@NamedQuery(name = "ChangePlacement.last", query = "select max(p.position) from ChangePlacement p")
public class ChangePlacement {

    @Id
    private Long id;

    @Column(name = "position")
    private Long position;

    protected ChangePlacement() {
        // for JPA
    }

    /**
     * Gives the committed change its place in the feed; only once. Changes are placed in the order of their
     * ids, which one node allocates in the order it writes them: two changes of one record committed before a
     * placement keep their order.
     */
    public void place(long at) {
        if (position != null) {
            throw new IllegalStateException("change " + id + " already has position " + position);
        }
        position = at;
    }

    public Long getId() {
        return id;
    }

    public Long getPosition() {
        return position;
    }
}
