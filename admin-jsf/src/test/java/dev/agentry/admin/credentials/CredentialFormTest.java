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
    void anEmptyLifetimeMeansNeverAndOnEditLeavesTheExpiryAlone() {
        CredentialForm form = new CredentialForm();
        form.setName("n");
        form.setTtlDays("");
        assertTrue(form.isNeverExpires());
        CredentialRequest create = form.request(true);
        assertNull(create.ttlDays());
        assertTrue(create.ttlDaysGiven(), "on create, empty is an explicit never");
        assertFalse(form.request(false).ttlDaysGiven(), "on edit, empty leaves the expiry as it is");
        form.setTtlDays(" 30 ");
        assertEquals(30, form.request(true).ttlDays());
    }

    @Test
    void scopesAreGroupedByWhatTheyOpen() {
        assertEquals("Catalog", ScopeChoices.groupOf("entries:read"));
        assertEquals("Catalog", ScopeChoices.groupOf("orders:read_sensitive"));
        assertEquals("Read and sync", ScopeChoices.groupOf("changes:read"));
        assertEquals("Webhooks", ScopeChoices.groupOf("webhooks:dlq:replay"));
        assertEquals("Agents and runs", ScopeChoices.groupOf("artifacts:read"));
        assertEquals("Administration", ScopeChoices.groupOf("credentials:manage"));
    }
}
