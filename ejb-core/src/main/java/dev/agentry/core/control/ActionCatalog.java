package dev.agentry.core.control;

import dev.agentry.core.Boundary;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every governed action deployed, by name: each {@link GovernedAction} bean CDI finds. */
@Boundary
@ApplicationScoped
public class ActionCatalog {

    @Inject
    @Any
    Instance<GovernedAction<?>> deployed;

    private Map<String, GovernedAction<?>> byName;

    /** The actions given, as plain tests and offline tools see the catalog without a container. */
    public static ActionCatalog of(Iterable<? extends GovernedAction<?>> actions) {
        ActionCatalog catalog = new ActionCatalog();
        catalog.collect(actions);
        return catalog;
    }

    @PostConstruct
    void collect() {
        collect(deployed);
    }

    private void collect(Iterable<? extends GovernedAction<?>> actions) {
        Map<String, GovernedAction<?>> found = new TreeMap<>();
        for (GovernedAction<?> action : actions) {
            GovernedAction<?> earlier = found.putIfAbsent(action.name(), action);
            if (earlier != null) {
                throw new IllegalStateException("Two governed actions are named " + action.name());
            }
        }
        byName = Collections.unmodifiableMap(found);
    }

    /** Every action, by name. */
    public List<GovernedAction<?>> all() {
        return List.copyOf(byName.values());
    }

    public Optional<GovernedAction<?>> named(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** The action named, or {@code validation_failed} on {@code action}. */
    public GovernedAction<?> require(String name) {
        return named(name)
                .orElseThrow(() -> AgentryException.validation(List.of(new FieldError(
                        "action",
                        "unknown_action",
                        FieldError.quoted(name) + " is not an action; see /capabilities"))));
    }

    /** Whether any action's name matches {@code pattern}. */
    public boolean selectsAny(String pattern) {
        return byName.keySet().stream().anyMatch(name -> PolicyPattern.matches(pattern, name));
    }
}
