package dev.agentry.batch.catalog;

import dev.agentry.core.catalog.CatalogImport;
import dev.agentry.core.catalog.ImportRejected;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Checks one record and stages it in the chunk's transaction; a bad one is rejected (and skipped)
 * with its line number. Staging here rather than in the writer lets a line refer to a record an
 * earlier line of the same chunk created.
 */
@Named
@Dependent
public class ImportRecordProcessor implements ItemProcessor {

    @Inject
    CatalogImport catalogImport;

    @Override
    public Object processItem(Object item) {
        ImportLine line = (ImportLine) item;
        if (line.problem() != null) {
            throw new ImportRejected("line " + line.number() + ": " + line.problem());
        }
        try {
            return catalogImport.stage(line.record());
        } catch (ImportRejected e) {
            throw new ImportRejected("line " + line.number() + ": " + e.getMessage());
        }
    }
}
