package dev.agentry.core.publication;

import dev.agentry.core.sandbox.WorkBudget;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PackParser;

/**
 * The object inserter a publication hands JGit: every object asks the {@link WorkBudget} first, so the
 * work ends at the next file once its time is up or it was stopped. A <em>dry</em> one only computes
 * the ids (the patch is tried first without writing a byte to the repository); a real one writes
 * through the repository's own inserter. The one reader it gives out is closed with it.
 */
final class BudgetedInserter extends ObjectInserter {

    private final ObjectInserter target;
    private final ObjectReader reader;
    private final WorkBudget budget;

    private BudgetedInserter(ObjectInserter target, ObjectReader reader, WorkBudget budget) {
        this.target = target;
        this.reader = reader;
        this.budget = budget;
    }

    /** Hashes, writes nothing: what the patch would make, at no cost to the repository. */
    static BudgetedInserter dry(Repository repository, WorkBudget budget) {
        return new BudgetedInserter(null, repository.newObjectReader(), budget);
    }

    /** Writes into the repository's object database. */
    static BudgetedInserter writing(Repository repository, WorkBudget budget) {
        ObjectInserter inserter = repository.newObjectInserter();
        return new BudgetedInserter(inserter, inserter.newReader(), budget);
    }

    @Override
    public ObjectId insert(int type, byte[] data, int off, int len) throws IOException {
        budget.check();
        return target == null ? idFor(type, data, off, len) : target.insert(type, data, off, len);
    }

    @Override
    public ObjectId insert(int type, long length, InputStream in) throws IOException {
        budget.check();
        return target == null ? idFor(type, length, in) : target.insert(type, length, in);
    }

    @Override
    public PackParser newPackParser(InputStream in) {
        throw new UnsupportedOperationException("a publication inserts objects, never packs");
    }

    @Override
    public ObjectReader newReader() {
        return reader;
    }

    @Override
    public void flush() throws IOException {
        budget.check();
        if (target != null) {
            target.flush();
        }
    }

    @Override
    public void close() {
        reader.close();
        if (target != null) {
            target.close();
        }
    }
}
