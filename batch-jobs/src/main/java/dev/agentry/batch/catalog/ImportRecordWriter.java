package dev.agentry.batch.catalog;

import dev.agentry.core.catalog.CatalogImport;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Ends a chunk: the records the processor staged are written before the chunk's checkpoint commits. */
@Named
@Dependent
public class ImportRecordWriter extends AbstractItemWriter {

    @Inject
    CatalogImport catalogImport;

    @Override
    public void writeItems(List<Object> items) {
        catalogImport.flush();
    }
}
