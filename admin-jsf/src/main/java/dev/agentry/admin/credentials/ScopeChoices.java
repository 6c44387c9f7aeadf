package dev.agentry.admin.credentials;

import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.policy.GovernedWrites;
import dev.agentry.core.policy.GrantableScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The catalog of scopes as the forms offer it: grouped by what they open, each with its description. */
@Named
@ApplicationScoped
public class ScopeChoices {

    @Inject
    GovernedWrites governedWrites;

    private static final Set<String> COLLECTIONS =
            CatalogCollections.ALL.stream().map(CollectionDescriptor::name).collect(Collectors.toSet());

    public List<SelectItem> getGroups() {
        Map<String, List<SelectItem>> groups = new LinkedHashMap<>();
        for (String group : List.of(
                "Catalog", "Read and sync", "Webhooks", "Agents and runs", "Governed writes", "Administration")) {
            groups.put(group, new ArrayList<>());
        }
        for (GrantableScope scope : governedWrites.offeredScopes()) {
            groups.get(groupOf(scope.scope()))
                    .add(new SelectItem(
                            scope.scope(),
                            (sensitive(scope.scope()) ? "[sensitive] " : "") + scope.scope() + " — "
                                    + scope.description()));
        }
        List<SelectItem> items = new ArrayList<>();
        groups.forEach((name, scopes) -> {
            if (!scopes.isEmpty()) {
                items.add(new SelectItemGroup(name, null, false, scopes.toArray(SelectItem[]::new)));
            }
        });
        return items;
    }

    /**
     * Whether a scope reveals personal data or gives power over other credentials, runs or writes:
     * marked on the form so it is never granted as casually as a read scope.
     */
    static boolean sensitive(String scope) {
        return scope.endsWith(":read_sensitive")
                || Set.of(
                                "credentials:manage",
                                "runs:admin",
                                "audit:read",
                                "control:actions:execute",
                                "control:approvals:decide",
                                "control:policies:write")
                        .contains(scope);
    }

    static String groupOf(String scope) {
        String prefix = scope.substring(0, scope.indexOf(':'));
        if (COLLECTIONS.contains(prefix)) {
            return "Catalog";
        }
        return switch (prefix) {
            case "changes", "syncstate", "schema" -> "Read and sync";
            case "webhooks" -> "Webhooks";
            case "agents", "runs", "artifacts" -> "Agents and runs";
            case "control" -> "Governed writes";
            default -> "Administration";
        };
    }
}
