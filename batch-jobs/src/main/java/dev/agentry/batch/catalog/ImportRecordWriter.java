package dev.agentry.batch.catalog;

import dev.agentry.core.catalog.CatalogImport;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Writes a chunk of checked records, with their change records, in the chunk's transaction. */
@Named
@Dependent
public class ImportRecordWriter extends AbstractItemWriter {

    @Inject
    CatalogImport catalogImport;

    @Override
    public void writeItems(List<Object> items) {
        catalogImport.store(items);
    }
}
