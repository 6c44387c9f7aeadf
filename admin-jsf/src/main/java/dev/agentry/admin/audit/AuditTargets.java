package dev.agentry.admin.audit;

import dev.agentry.core.agents.Agents;
import dev.agentry.core.audit.AuditView;
import dev.agentry.core.control.Approvals;
import dev.agentry.core.control.Policies;
import dev.agentry.core.webhooks.WebhookSubscriptions;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The targets of a page of audit records that name a subscription, an agent, an approval or a policy, by
 * the name people know them and with the console page that shows them. Each kind is resolved by its core
 * boundary in one call for the whole page, never one query per row; a target that no longer exists keeps
 * its raw value and gets no link.
 */
@Dependent
public class AuditTargets {

    /** A target as the page shows it. */
    public record Target(String name, String page) implements Serializable {}

    /** The kinds of target, each by the prefix of the actions that name one. */
    private enum Kind {
        SUBSCRIPTION("webhook.subscription."),
        AGENT("agent."),
        APPROVAL("control.approval."),
        POLICY("control.policy.");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        static Kind of(AuditView record) {
            for (Kind kind : values()) {
                if (record.action() != null
                        && record.target() != null
                        && record.action().startsWith(kind.prefix)) {
                    return kind;
                }
            }
            return null;
        }
    }

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    Agents agents;

    @Inject
    Approvals approvals;

    @Inject
    Policies policies;

    /** The named targets of these records, by {@link #key}. */
    public Map<String, Target> resolve(List<AuditView> records) {
        Map<Kind, Set<String>> wanted = records.stream()
                .filter(r -> Kind.of(r) != null)
                .collect(Collectors.groupingBy(Kind::of, Collectors.mapping(AuditView::target, Collectors.toSet())));
        Map<String, Target> targets = new HashMap<>();
        add(
                targets,
                Kind.SUBSCRIPTION,
                wanted,
                subscriptions::named,
                s -> new Target(
                        s.name(),
                        "subscription.xhtml?credential=" + encode(s.credentialId()) + "&id=" + encode(s.id())));
        add(
                targets,
                Kind.AGENT,
                wanted,
                agents::named,
                a -> new Target(a.label(), "agent.xhtml?slug=" + encode(a.slug())));
        add(
                targets,
                Kind.APPROVAL,
                wanted,
                approvals::named,
                a -> new Target(a.name(), "approvals.xhtml?id=" + encode(a.id())));
        add(targets, Kind.POLICY, wanted, policies::named, p -> new Target(p.pattern(), "policies.xhtml?id=" + p.id()));
        return targets;
    }

    /** Where a record's target is in {@link #resolve}'s answer, or null for a kind it does not name. */
    public static String key(AuditView record) {
        Kind kind = Kind.of(record);
        return kind == null ? null : kind.name() + ":" + record.target();
    }

    private static <R> void add(
            Map<String, Target> targets,
            Kind kind,
            Map<Kind, Set<String>> wanted,
            Function<Collection<String>, Map<String, R>> resolver,
            Function<R, Target> shown) {
        Set<String> ids = wanted.getOrDefault(kind, Set.of());
        if (!ids.isEmpty()) {
            resolver.apply(ids).forEach((id, ref) -> targets.put(kind.name() + ":" + id, shown.apply(ref)));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
