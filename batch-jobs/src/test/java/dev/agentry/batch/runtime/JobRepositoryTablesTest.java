package dev.agentry.batch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JobRepositoryTablesTest {

    /** JBeret's JDBC repository stores parameters one {@code name = value} line each (BatchUtil.propertiesToString). */
    @Test
    void readsTheNodeFromParametersAsTheRepositoryStoresThem() {
        assertEquals(
                "node-a.example",
                JobRepositoryTables.node("note = a = b\nagentry.node = node-a.example\nmillis = 5\n"));
    }

    @Test
    void parametersWithoutANodeOrNoneAtAllNameNoNode() {
        assertNull(JobRepositoryTables.node("millis = 5\n"));
        assertNull(JobRepositoryTables.node(""));
        assertNull(JobRepositoryTables.node(null));
    }
}
