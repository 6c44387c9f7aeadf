package dev.agentry.core.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JobFailureTest {

    @Test
    void keepsTheMessageWithoutClassNamesOrStackFrames() {
        String recorded = "java.lang.IllegalStateException: chunk 3 failed on purpose\n"
                + "\tat dev.agentry.batch.retention.PurgeWriter.writeItems(PurgeWriter.java:42)\n";
        assertEquals("chunk 3 failed on purpose", JobFailure.redacted(recorded));
    }

    @Test
    void nestedCausesLoseTheirClassesToo() {
        String text = JobFailure.redacted(
                "jakarta.ejb.EJBException: org.hibernate.exception.ConstraintViolationException: could not execute");
        assertEquals("could not execute", text);
    }

    @Test
    void masksKnownKeyShapesAndBoundsTheLength() {
        String text = JobFailure.redacted(
                "java.io.IOException: token agy_abcdefghijklmnopqrstuvwxyz0123 refused " + "x".repeat(1000));
        assertFalse(text.contains("agy_abcdefghijklmnop"), text);
        assertTrue(text.length() <= JobFailure.MAX_LENGTH, text);
    }

    @Test
    void aBareExceptionSaysTheLogHasTheDetailsAndNothingSaysNothing() {
        assertEquals(JobFailure.UNSTATED, JobFailure.redacted("java.lang.NullPointerException"));
        assertNull(JobFailure.redacted(null));
    }
}
