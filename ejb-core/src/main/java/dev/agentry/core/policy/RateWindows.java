package dev.agentry.core.policy;

import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared rate windows ({@code rate_window}): each node adds what it admitted, with {@code used = used +
 * added} in the database, so additions from several nodes at once all count. SQL that H2 and PostgreSQL (15 and
 * later) both run: a {@code MERGE} of many rows in one statement.
 */
@Stateless
public class RateWindows {

    /** Requests to add to a credential's window. */
    public record Added(String credentialId, long minute, int requests) {}

    /** Rows per statement: a sync touching more credentials sends a few statements. */
    static final int ROWS = 200;

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    /**
     * Adds every addition to its window, then returns the totals of {@code minute} for {@code read} (absent: no
     * node admitted any). One transaction: the totals include these additions.
     */
    public Map<String, Long> add(List<Added> additions, long minute, Collection<String> read) {
        for (int from = 0; from < additions.size(); from += ROWS) {
            merge(additions.subList(from, Math.min(additions.size(), from + ROWS)));
        }
        Map<String, Long> totals = new HashMap<>();
        List<String> ids = List.copyOf(read);
        for (int from = 0; from < ids.size(); from += ROWS) {
            List<?> rows = em.createNativeQuery(
                            "SELECT credential_id, used FROM rate_window WHERE window_minute = :minute"
                                    + " AND credential_id IN (:ids)")
                    .setParameter("minute", minute)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + ROWS)))
                    .getResultList();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                totals.put((String) columns[0], ((Number) columns[1]).longValue());
            }
        }
        return totals;
    }

    /** Deletes the windows before {@code minute}; how many. */
    public int forgetBefore(long minute) {
        return em.createNativeQuery("DELETE FROM rate_window WHERE window_minute < ?1")
                .setParameter(1, minute)
                .executeUpdate();
    }

    private void merge(List<Added> rows) {
        // Rows in key order, so two nodes adding to the same windows lock them in the same order.
        List<Added> sorted = rows.stream()
                .sorted(Comparator.comparing(Added::credentialId).thenComparingLong(Added::minute))
                .toList();
        StringBuilder sql = new StringBuilder("MERGE INTO rate_window w USING (VALUES ");
        for (int i = 0; i < sorted.size(); i++) {
            int first = 3 * i + 1;
            sql.append(i == 0 ? "" : ", ")
                    .append("(CAST(?")
                    .append(first)
                    .append(" AS VARCHAR(36)), CAST(?")
                    .append(first + 1)
                    .append(" AS BIGINT), CAST(?")
                    .append(first + 2)
                    .append(" AS BIGINT))");
        }
        sql.append(") AS a (credential_id, window_minute, added)"
                + " ON w.credential_id = a.credential_id AND w.window_minute = a.window_minute"
                + " WHEN MATCHED THEN UPDATE SET used = w.used + a.added"
                + " WHEN NOT MATCHED THEN INSERT (credential_id, window_minute, used)"
                + " VALUES (a.credential_id, a.window_minute, a.added)");
        Query merge = em.createNativeQuery(sql.toString());
        int position = 1;
        for (Added row : sorted) {
            merge.setParameter(position++, row.credentialId());
            merge.setParameter(position++, row.minute());
            merge.setParameter(position++, (long) row.requests());
        }
        merge.executeUpdate();
    }
}
