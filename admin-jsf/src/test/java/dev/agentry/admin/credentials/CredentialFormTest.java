package dev.agentry.admin.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.policy.CredentialRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialFormTest {

    @Test
    void aTextAreaIsOneEntryPerNonBlankLineAndErrorsNameTheLineTheAdminSees() {
        String text = "10.0.0.0/8\n\n  bad  \n10.1.0.0/33\n";
        assertEquals(List.of("10.0.0.0/8", "bad", "10.1.0.0/33"), CredentialForm.lines(text));
        assertEquals(3, CredentialForm.lineOf(text, 1), "the second entry is on line 3, after a blank one");
        assertEquals(4, CredentialForm.lineOf(text, 2));
        assertEquals(List.of(), CredentialForm.lines("  \n "));
    }

    @Test
    void neverIsAnExplicitChoiceThatNeedsAConfirmationAndAReasonAndEditKeepsTheExpiry() {
        CredentialForm form = new CredentialForm();
        form.setName("n");
        form.setTtlDays("");
        assertFalse(form.isNeverExpires(), "an empty number of days is not never: the default is 90 days");
        assertEquals(90, form.request().ttlDays());

        form.setLifetime("never");
        assertEquals(
                List.of("neverConfirmed", "neverReason"),
                List.copyOf(form.problems().keySet()),
                "never needs a confirmation and a reason");
        form.setNeverConfirmed(true);
        form.setNeverReason("a legacy batch that cannot rotate");
        assertTrue(form.problems().isEmpty());
        CredentialRequest never = form.request();
        assertNull(never.ttlDays());
        assertTrue(never.ttlDaysGiven(), "never is sent as an explicit null");
        assertTrue(never.description().contains("Never expires: a legacy batch that cannot rotate"));

        form.setLifetime("custom");
        form.setTtlDays("soon");
        assertEquals(List.of("ttlDays"), List.copyOf(form.problems().keySet()));
        form.setTtlDays(" 45 ");
        assertEquals(45, form.request().ttlDays());

        form.setLifetime("keep");
        assertFalse(form.request().ttlDaysGiven(), "on edit, keep leaves the expiry as it is");
    }

    @Test
    void scopesAreGroupedByWhatTheyOpen() {
        assertEquals("Catalog", ScopeChoices.groupOf("entries:read"));
        assertEquals("Catalog", ScopeChoices.groupOf("orders:read_sensitive"));
        assertEquals("Read and sync", ScopeChoices.groupOf("changes:read"));
        assertEquals("Webhooks", ScopeChoices.groupOf("webhooks:dlq:replay"));
        assertEquals("Agents and runs", ScopeChoices.groupOf("artifacts:read"));
        assertEquals("Administration", ScopeChoices.groupOf("credentials:manage"));
        assertTrue(ScopeChoices.sensitive("users:read_sensitive"));
        assertTrue(ScopeChoices.sensitive("credentials:manage"));
        assertFalse(ScopeChoices.sensitive("entries:read"));
    }
}
