package dev.agentry.core.audit;

import dev.agentry.core.Boundary;
import dev.agentry.core.cursor.CursorSeal;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.keys.ServerKey;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import dev.agentry.persistence.audit.AuditAnchor;
import dev.agentry.persistence.audit.AuditRecord;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/** Records API calls, and reads and verifies the audit trail. */
@Stateless
@Boundary
public class AuditService {

    public static final int MAX_PAGE = 500;

    static final int SEARCH_TIMEOUT_MILLIS = 10_000;

    /** At most this many records in one export; a larger range is exported in parts (by date). */
    public static final int MAX_EXPORT = 10_000;

    /** An export reads for at most this long, so a download never holds a transaction open for minutes. */
    static final Duration EXPORT_TIME = Duration.ofSeconds(20);

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    AuditTrail trail;

    @Inject
    AuditChainer chainer;

    @Inject
    AuditBuffer buffer;

    @Inject
    ServerKey key;

    @Inject
    CursorSeal seal;

    @Inject
    Event<ChainVerified> verifications;

    @Inject
    Clock clock;

    /** Records the current request as a call; it is written with the next batch. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void recordCall(AuditOutcome outcome, String errorCode) {
        trail.call(outcome, errorCode);
    }

    /**
     * Chained records matching the filters, continuing after a cursor this trail issued for the same
     * filters ({@code cursor_invalid} for any other), with a sealed cursor to the next page.
     */
    public Page<AuditView> page(AuditQuery filters, String cursor) {
        return page(
                cursor == null || cursor.isBlank()
                        ? filters
                        : filters.after(AuditCursor.position(filters, seal.open(cursor))));
    }

    /**
     * Chained records matching the query, oldest first, with a cursor to the next page. The query's
     * position is trusted: the console pages by the sequences it shows; callers from outside page by
     * cursor through {@link #page(AuditQuery, String)}.
     */
    public Page<AuditView> page(AuditQuery query) {
        if (query.limit() < 1 || query.limit() > MAX_PAGE) {
            throw AgentryException.validation(
                    List.of(new FieldError("limit", "out_of_range", "limit must be between 1 and " + MAX_PAGE)));
        }
        StringBuilder jpql = new StringBuilder("select a from AuditRecord a where a.chainSeq > :after");
        if (query.since() != null) jpql.append(" and a.occurredAt >= :since");
        if (query.until() != null) jpql.append(" and a.occurredAt < :until");
        if (query.credentialId() != null) jpql.append(" and a.credentialId = :credentialId");
        if (query.action() != null) jpql.append(" and a.action like :action escape '\\'");
        if (query.outcome() != null) jpql.append(" and a.outcome = :outcome");
        jpql.append(" order by a.chainSeq");
        TypedQuery<AuditRecord> q = em.createQuery(jpql.toString(), AuditRecord.class)
                .setParameter("after", query.afterSequence() == null ? 0L : query.afterSequence())
                .setMaxResults(query.limit() + 1);
        if (query.since() != null) q.setParameter("since", query.since());
        if (query.until() != null) q.setParameter("until", query.until());
        if (query.credentialId() != null) q.setParameter("credentialId", query.credentialId());
        if (query.action() != null)
            q.setParameter("action", "%" + query.action().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        if (query.outcome() != null) q.setParameter("outcome", query.outcome().wireName());
        List<AuditRecord> found = q.getResultList();
        boolean hasMore = found.size() > query.limit();
        List<AuditView> data =
                found.stream().limit(query.limit()).map(AuditView::of).toList();
        String next = hasMore
                ? seal.seal(AuditCursor.payload(query, data.get(data.size() - 1).sequence()))
                : null;
        return new Page<>(data, next, hasMore, data.size());
    }

    /**
     * The console's search, newest first: the newest records matching, or those just older than
     * {@code before}, or just newer than {@code after} (still shown newest first), and whether there
     * are more either way.
     */
    public AuditSearchPage search(AuditSearch search) {
        if (search.limit() < 1 || search.limit() > MAX_PAGE) {
            throw AgentryException.validation(
                    List.of(new FieldError("limit", "out_of_range", "limit must be between 1 and " + MAX_PAGE)));
        }
        boolean newer = search.after() != null;
        StringBuilder jpql = new StringBuilder("select a from AuditRecord a where a.chainSeq is not null");
        if (newer) jpql.append(" and a.chainSeq > :after");
        if (search.before() != null) jpql.append(" and a.chainSeq < :before");
        if (search.since() != null) jpql.append(" and a.occurredAt >= :since");
        if (search.until() != null) jpql.append(" and a.occurredAt < :until");
        if (search.actor() != null) jpql.append(" and a.actorId = :actor");
        if (search.action() != null) jpql.append(" and a.action like :action escape '\\'");
        if (search.outcome() != null) jpql.append(" and a.outcome = :outcome");
        if (search.code() != null) jpql.append(" and a.errorCode = :code");
        jpql.append(newer ? " order by a.chainSeq asc" : " order by a.chainSeq desc");
        TypedQuery<AuditRecord> q = em.createQuery(jpql.toString(), AuditRecord.class)
                .setMaxResults(search.limit() + 1)
                .setHint("org.hibernate.readOnly", true)
                // A page of a search (or of an export) never runs for longer than this, whatever its filters.
                .setHint("jakarta.persistence.query.timeout", SEARCH_TIMEOUT_MILLIS);
        if (newer) q.setParameter("after", search.after());
        if (search.before() != null) q.setParameter("before", search.before());
        if (search.since() != null) q.setParameter("since", search.since());
        if (search.until() != null) q.setParameter("until", search.until());
        if (search.actor() != null) q.setParameter("actor", search.actor());
        if (search.action() != null)
            q.setParameter("action", "%" + search.action().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        if (search.outcome() != null) q.setParameter("outcome", search.outcome().wireName());
        if (search.code() != null) q.setParameter("code", search.code());
        List<AuditView> found = q.getResultList().stream().map(AuditView::of).toList();
        boolean beyond = found.size() > search.limit();
        List<AuditView> page = new ArrayList<>(found.subList(0, Math.min(found.size(), search.limit())));
        if (newer) {
            Collections.reverse(page);
            return new AuditSearchPage(page, true, beyond);
        }
        return new AuditSearchPage(page, beyond, search.before() != null);
    }

    /**
     * The records of a search's whole filtered range (its position ignored), newest first, for a download:
     * at most {@link #MAX_EXPORT} of them, read page by page for at most {@link #EXPORT_TIME}, each page's
     * query bounded too. The export itself is audited ({@code audit.export}, its filter and row count as the
     * target), so who took a copy of the trail, and of what, is on the trail.
     */
    public AuditExport export(AuditSearch filters) {
        Instant deadline = clock.instant().plus(EXPORT_TIME);
        List<AuditView> rows = new ArrayList<>();
        String truncation = null;
        Long before = null;
        while (true) {
            int wanted = Math.min(MAX_PAGE, MAX_EXPORT - rows.size());
            AuditSearchPage page = search(new AuditSearch(
                    filters.since(),
                    filters.until(),
                    filters.actor(),
                    filters.action(),
                    filters.outcome(),
                    filters.code(),
                    before,
                    null,
                    wanted));
            rows.addAll(page.records());
            if (!page.older()) {
                break;
            }
            if (rows.size() >= MAX_EXPORT) {
                truncation = AuditExport.ROW_LIMIT;
                break;
            }
            if (clock.instant().isAfter(deadline)) {
                truncation = AuditExport.TIME_LIMIT;
                break;
            }
            before = page.oldest();
        }
        AuditExport export = new AuditExport(rows, truncation);
        trail.action("audit.export", exportTarget(filters, export));
        return export;
    }

    /** The filter and what came of it, as the export's audit record names them (the column holds 200). */
    static String exportTarget(AuditSearch filters, AuditExport export) {
        StringBuilder target =
                new StringBuilder("rows=").append(export.records().size());
        if (export.truncated()) target.append(" truncated=").append(export.truncation());
        if (filters.since() != null) target.append(" since=").append(filters.since());
        if (filters.until() != null) target.append(" until=").append(filters.until());
        if (filters.outcome() != null)
            target.append(" outcome=").append(filters.outcome().wireName());
        if (filters.code() != null) target.append(" code=").append(filters.code());
        if (filters.actor() != null) target.append(" actor=").append(filters.actor());
        if (filters.action() != null) target.append(" action=").append(filters.action());
        return target.length() <= 200 ? target.toString() : target.substring(0, 199) + "…";
    }

    /**
     * Chains what is pending, then checks the whole chain from its first link, or from the anchor where the
     * audit horizon removed the oldest records.
     */
    public ChainVerifier.Verdict verify() {
        buffer.flush();
        chainer.chain();
        ChainVerifier.Verdict verdict;
        ChainAnchor anchor;
        int attempts = 0;
        do {
            // Retention may move the anchor forward while the chain is read: a gap that this explains is
            // not a break, so the chain is read again from the new anchor.
            anchor = anchor();
            verdict = ChainVerifier.verify(new ChainReader(anchor == null ? 0 : anchor.seq()), key.hmac(), anchor);
        } while (!verdict.valid() && ++attempts < 3 && !Objects.equals(anchor, anchor()));
        verifications.fire(new ChainVerified(verdict.valid(), clock.instant()));
        return verdict;
    }

    private ChainAnchor anchor() {
        em.clear();
        AuditAnchor stored = em.find(AuditAnchor.class, AuditAnchor.ID);
        return stored == null ? null : ChainAnchor.of(stored);
    }

    /** The stored chain in position order, read a page at a time so memory stays flat however long it is. */
    private final class ChainReader implements Iterator<ChainLink> {

        private static final int PAGE = 1000;

        private Iterator<ChainLink> page = Collections.emptyIterator();
        private long after;
        private boolean exhausted;

        ChainReader(long after) {
            this.after = after;
        }

        @Override
        public boolean hasNext() {
            if (!page.hasNext() && !exhausted) {
                List<AuditRecord> batch = em.createNamedQuery("AuditRecord.chainFrom", AuditRecord.class)
                        .setParameter("after", after)
                        .setMaxResults(PAGE)
                        .getResultList();
                exhausted = batch.size() < PAGE;
                if (!batch.isEmpty()) {
                    after = batch.get(batch.size() - 1).getChainSeq();
                }
                page = batch.stream().map(ChainLink::of).toList().iterator();
                em.clear();
            }
            return page.hasNext();
        }

        @Override
        public ChainLink next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }
}
