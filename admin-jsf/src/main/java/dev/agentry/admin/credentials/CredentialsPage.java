package dev.agentry.admin.credentials;

import dev.agentry.core.mcp.CredentialMcpSessions;
import dev.agentry.core.policy.CredentialService;
import dev.agentry.core.policy.CredentialView;
import dev.agentry.core.policy.Grant;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The credentials list: search by name, owner or client id; filter by status and expiry; sort by any
 * column; 20 a page. The list is read once per view (the core lists at most 500), with how many MCP sessions
 * each credential holds open on this node.
 */
@Named
@ViewScoped
public class CredentialsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    @Inject
    transient CredentialService credentials;

    @Inject
    transient CredentialMcpSessions mcpSessions;

    private List<CredentialView> all;
    private Map<String, Integer> mcpCounts;
    private String query;
    private String status = "";
    private String expiry = "";
    private String sort = "name";
    private boolean descending;
    private int page = 1;

    @PostConstruct
    void load() {
        all = credentials.list(Grant.console());
        mcpCounts = mcpSessions.counts(Grant.console());
    }

    /** How many MCP sessions the credential holds open on this node. */
    public int mcpSessionsOf(String credentialId) {
        return mcpCounts.getOrDefault(credentialId, 0);
    }

    /** The credentials the filters select, sorted, before paging. */
    public List<CredentialView> getMatching() {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Comparator<CredentialView> order = switch (sort) {
            case "owner" -> Comparator.comparing(c -> lower(c.owner()));
            case "status" -> Comparator.comparing(CredentialView::status);
            case "expires" -> Comparator.comparing(c -> c.expiresAt() == null ? Instant.MAX : c.expiresAt());
            case "lastUsed" -> Comparator.comparing(c -> c.lastUsedAt() == null ? Instant.MIN : c.lastUsedAt());
            case "created" -> Comparator.comparing(CredentialView::createdAt);
            default -> Comparator.comparing(c -> lower(c.name()));
        };
        return all.stream()
                .filter(c -> q.isEmpty()
                        || lower(c.name()).contains(q)
                        || lower(c.owner()).contains(q)
                        || lower(c.clientId()).contains(q))
                .filter(c -> status.isEmpty() || c.status().equals(status))
                .filter(c -> switch (expiry) {
                    case "soon" -> c.expiringSoon();
                    case "never" -> c.neverExpires();
                    default -> true;
                })
                .sorted(descending ? order.reversed() : order)
                .toList();
    }

    public List<CredentialView> getShown() {
        List<CredentialView> matching = getMatching();
        int from = Math.min((page - 1) * PAGE_SIZE, matching.size());
        return matching.subList(from, Math.min(from + PAGE_SIZE, matching.size()));
    }

    public int getPages() {
        return Math.max(1, (getMatching().size() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public void filter() {
        page = 1;
    }

    public void sortBy(String column) {
        descending = column.equals(sort) && !descending;
        sort = column;
        page = 1;
    }

    public void previous() {
        page = Math.max(1, page - 1);
    }

    public void next() {
        page = Math.min(getPages(), page + 1);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status == null ? "" : status;
    }

    public String getExpiry() {
        return expiry;
    }

    public void setExpiry(String expiry) {
        this.expiry = expiry == null ? "" : expiry;
    }

    public int getPage() {
        return page;
    }
}
