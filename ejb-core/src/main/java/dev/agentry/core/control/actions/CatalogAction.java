package dev.agentry.core.control.actions;

import dev.agentry.core.catalog.CatalogStore;
import dev.agentry.core.control.ActionSubject;
import dev.agentry.core.control.GovernedAction;
import dev.agentry.persistence.catalog.CatalogItem;
import jakarta.inject.Inject;

/**
 * What every catalog action is besides its write: a name, a description, an input record and the
 * collection of the records it writes, stated once in its constructor; the store and the lookup of the
 * record it changes are injected here.
 *
 * @param <I> the input record
 */
abstract class CatalogAction<I extends Record> implements GovernedAction<I> {

    private final String name;
    private final String description;
    private final Class<I> input;
    private final Class<? extends CatalogItem> writes;

    @Inject
    CatalogStore store;

    @Inject
    CatalogTargets targets;

    CatalogAction(String name, String description, Class<I> input, Class<? extends CatalogItem> writes) {
        this.name = name;
        this.description = description;
        this.input = input;
        this.writes = writes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Class<I> input() {
        return input;
    }

    @Override
    public ActionSubject subject() {
        return ActionSubject.of(CatalogTargets.collectionOf(writes));
    }
}
