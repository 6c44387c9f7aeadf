package dev.agentry.core.catalog;

import jakarta.ejb.ApplicationException;

/**
 * One import record that cannot enter the catalog, and why. It is skipped and reported with its line
 * number; it does not roll back the records around it.
 */
@ApplicationException(rollback = false)
public class ImportRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportRejected(String reason) {
        super(reason);
    }
}
