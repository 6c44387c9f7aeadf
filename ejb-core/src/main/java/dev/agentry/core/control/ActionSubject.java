package dev.agentry.core.control;

import dev.agentry.core.Boundary;
import dev.agentry.core.collections.CatalogCollections;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.policy.Scope;
import dev.agentry.core.webhooks.EventCatalog;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a governed action touches, and so who may see its approvals, executions and effects: the
 * records of one catalog collection (its read scope; the system of record's data belongs to no
 * credential), or a run's artifacts (artifacts:read, and — since runs are owned — only the run owner's
 * own requests unless the reader owns every run: {@link Grant#ownsRun}). Stored by its {@link #name()}
 * with every approval and execution.
 */
@Boundary
public sealed interface ActionSubject {

    /** Stored with approvals and executions, and shown as their {@code collection}. */
    String name();

    /** The scope a caller needs to run, see or decide the action at all. */
    String readScope();

    /** Whether the caller holds {@link #readScope()}. */
    boolean readableBy(Grant grant);

    /**
     * Whether an approval or execution of this subject, belonging to {@code owner} (the credential that
     * asked or executed), reaches the caller. Whether the caller is that owner's decider or auditor is
     * asked besides.
     */
    boolean reaches(Grant grant, String owner);

    /** Whether the caller reaches only its own approvals and executions of this subject, whatever else it holds. */
    boolean ownOnlyFor(Grant grant);

    /** An effect as {@code grant} may see it. */
    Preview seenBy(Grant grant, Preview effect);

    /** The records of one catalog collection. */
    record Records(CollectionDescriptor collection) implements ActionSubject {

        @Override
        public String name() {
            return collection.name();
        }

        @Override
        public String readScope() {
            return collection.readScope();
        }

        @Override
        public boolean readableBy(Grant grant) {
            return grant.reads(collection);
        }

        @Override
        public boolean reaches(Grant grant, String owner) {
            return grant.reads(collection);
        }

        @Override
        public boolean ownOnlyFor(Grant grant) {
            return false;
        }

        @Override
        public Preview seenBy(Grant grant, Preview effect) {
            return effect.forReader(grant, collection);
        }
    }

    /** A run's sealed artifacts (its patch): owned by the run's credential. */
    record RunArtifacts() implements ActionSubject {

        @Override
        public String name() {
            return EventCatalog.RUN_ARTIFACTS;
        }

        @Override
        public String readScope() {
            return Scope.ARTIFACTS_READ.scope();
        }

        @Override
        public boolean readableBy(Grant grant) {
            return grant.holds(Scope.ARTIFACTS_READ);
        }

        @Override
        public boolean reaches(Grant grant, String owner) {
            return readableBy(grant) && grant.ownsRun(owner);
        }

        @Override
        public boolean ownOnlyFor(Grant grant) {
            return !grant.ownsEveryRun();
        }

        @Override
        public Preview seenBy(Grant grant, Preview effect) {
            return effect;
        }
    }

    ActionSubject RUNS = new RunArtifacts();

    static ActionSubject of(CollectionDescriptor collection) {
        return new Records(collection);
    }

    /** Every subject an action can have. */
    static List<ActionSubject> all() {
        return Stream.concat(CatalogCollections.ALL.stream().map(ActionSubject::of), Stream.of(RUNS))
                .toList();
    }

    /** The subject stored as {@code name}. */
    static ActionSubject named(String name) {
        return all().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no action subject " + name));
    }

    /** The subjects whose approvals and executions reach {@code grant} whoever they belong to. */
    static List<String> readableFromEveryone(Grant grant) {
        return all().stream()
                .filter(s -> s.readableBy(grant) && !s.ownOnlyFor(grant))
                .map(ActionSubject::name)
                .toList();
    }

    /** The subjects whose approvals and executions reach {@code grant} only where they are its own. */
    static List<String> readableOwnOnly(Grant grant) {
        return all().stream()
                .filter(s -> s.readableBy(grant) && s.ownOnlyFor(grant))
                .map(ActionSubject::name)
                .toList();
    }
}
