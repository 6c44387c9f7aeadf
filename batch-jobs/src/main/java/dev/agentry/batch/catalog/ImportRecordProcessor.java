package dev.agentry.batch.catalog;

import dev.agentry.core.catalog.CatalogImport;
import dev.agentry.core.catalog.ImportRejected;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Checks one record into a catalog record; a bad one is rejected (and skipped) with its line number. */
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
            return catalogImport.prepare(line.record());
        } catch (ImportRejected e) {
            throw new ImportRejected("line " + line.number() + ": " + e.getMessage());
        }
    }
}
