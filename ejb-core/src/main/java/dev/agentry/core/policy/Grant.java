package dev.agentry.core.policy;

import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one rule of authorization by datum (SPEC section 3): what a caller may see and do, asked by every
 * path that exposes or changes data — the collection routes, the changes feed, webhook routing and
 * payloads, run tools, runs and their artifacts, subscriptions, checkpoints, and the credentials
 * boundary. A route's {@code @RolesAllowed} only lets a request in; this decides what of the data it
 * then reaches.
 *
 * @param credentialId the acting credential, or {@link #CONSOLE} for an administrator in the console
 * @param scopes what it holds for this request: granted by its token and still held by its credential
 */
public record Grant(String credentialId, Set<String> scopes) {

    /** The console's administrators act for the operator: they see every credential's data. */
    public static final String CONSOLE = "console";

    public Grant {
        Objects.requireNonNull(credentialId, "credentialId");
        scopes = Set.copyOf(scopes);
    }

    /** An administrator in the console: every scope, every owner. */
    public static Grant console() {
        return new Grant(
                CONSOLE, ScopeCatalog.ALL.stream().map(GrantableScope::scope).collect(Collectors.toSet()));
    }

    public boolean holds(String scope) {
        return scopes.contains(scope);
    }

    public boolean holds(Scope scope) {
        return scopes.contains(scope.scope());
    }

    /** Whether the collection's records reach this caller at all, wherever they flow. */
    public boolean reads(CollectionDescriptor collection) {
        return scopes.contains(collection.readScope());
    }

    /** Whether any collection's records reach this caller: what {@code catalog.read} needs at all. */
    public boolean readsAnyCollection() {
        return CatalogCollections.ALL.stream().anyMatch(this::reads);
    }

    /** Whether the collection's personal fields reach this caller unredacted. */
    public boolean revealsPersonalData(CollectionDescriptor collection) {
        return collection.revealsTo(scopes);
    }

    /**
     * Whether something owned by {@code owner} reaches this caller: its own, or — for runs and what
     * belongs to them — every run's with {@code runs:admin}. Others get {@code 404 not_found}.
     */
    public boolean ownsRun(String owner) {
        return owns(owner) || holds(Scope.RUNS_ADMIN);
    }

    /** Whether every credential's runs reach this caller: the console, or {@code runs:admin}. */
    public boolean ownsEveryRun() {
        return CONSOLE.equals(credentialId) || holds(Scope.RUNS_ADMIN);
    }

    /** Whether everything any credential owns is this caller's: the console only. */
    public boolean ownsEverything() {
        return CONSOLE.equals(credentialId);
    }

    /** Whether a thing owned by {@code owner} (subscription, checkpoint, ...) is this caller's. */
    public boolean owns(String owner) {
        return CONSOLE.equals(credentialId) || credentialId.equals(owner);
    }

    /** The grant ceiling: the scopes of {@code wanted} this caller does not hold itself, sorted. */
    public List<String> beyondCeiling(Collection<String> wanted) {
        TreeSet<String> beyond = new TreeSet<>(wanted);
        beyond.removeAll(scopes);
        return List.copyOf(beyond);
    }

    /**
     * Whether what concerns a credential holding {@code scopes} (its incidents, its lifecycle risks)
     * reaches this caller: its own, or one within its grant ceiling, as the credentials boundary would
     * show it.
     */
    public boolean seesCredential(String owner, Collection<String> scopes) {
        return owns(owner) || beyondCeiling(scopes).isEmpty();
    }
}
