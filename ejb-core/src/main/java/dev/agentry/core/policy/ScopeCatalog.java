package dev.agentry.core.policy;

import dev.agentry.core.Boundary;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every scope a credential can hold: each catalog collection's read scope (and its sensitive scope,
 * where it has one) followed by the {@link Scope}s of Agentry's own features. Deny by default: a
 * route needs one of its scopes granted. {@code /capabilities} serves this list.
 */
@Boundary
public final class ScopeCatalog {

    public static final List<GrantableScope> ALL = Stream.concat(
                    CatalogCollections.ALL.stream().flatMap(ScopeCatalog::collectionScopes),
                    Arrays.stream(Scope.values())
                            .map(s -> new GrantableScope(s.scope(), s.description(), s.governedWrites())))
            .toList();

    private static final Map<String, GrantableScope> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(GrantableScope::scope, Function.identity()));

    private ScopeCatalog() {}

    public static Optional<GrantableScope> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** What can be granted now: governed-write scopes are hidden while governed writes are off. */
    public static List<GrantableScope> offered() {
        return ALL.stream().filter(s -> !s.governedWrites()).toList();
    }

    private static Stream<GrantableScope> collectionScopes(CollectionDescriptor collection) {
        String items = collection.name().replace('-', ' ');
        String personal = collection.sensitiveFields().isEmpty()
                ? ""
                : collection.sensitiveScope().isPresent()
                        ? ", personal data redacted"
                        : ", personal data always redacted";
        GrantableScope read = new GrantableScope(collection.readScope(), "Read " + items + personal, false);
        return Stream.concat(
                Stream.of(read),
                collection.sensitiveScope().stream()
                        .map(scope -> new GrantableScope(scope, "Read " + items + "' personal data", false)));
    }
}
