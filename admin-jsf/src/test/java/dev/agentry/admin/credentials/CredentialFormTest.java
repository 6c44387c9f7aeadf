package dev.agentry.admin.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.policy.CredentialRequest;
import dev.agentry.core.starterpacks.StarterPack;
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

    private static final StarterPack AUDITOR = new StarterPack(
            "auditor", "Auditor", "d", List.of("audit:read", "incidents:read"), List.of(), List.of(), 30, 7, "h", 30);
    private static final StarterPack RUNNER = new StarterPack(
            "agent-runner",
            "Runner",
            "d",
            List.of("runs:write", "runs:read"),
            List.of("run.*"),
            List.of(),
            90,
            14,
            "h",
            60);

    @Test
    void aStarterPackFillsWhatTheAdminLeftAloneAndSwitchingPacksReplacesOnlyThePacksValues() {
        CredentialForm form = new CredentialForm();
        form.applyPack(RUNNER);
        assertEquals(List.of("runs:write", "runs:read"), form.getScopes());
        assertEquals("run.*", form.getEventInterests());
        assertEquals("90", form.getTtlDays());
        assertEquals("14", form.getReminderDays());

        form.setTtlDays("10");
        form.applyPack(AUDITOR);
        assertEquals(List.of("audit:read", "incidents:read"), form.getScopes(), "the previous pack's scopes go");
        assertEquals("", form.getEventInterests());
        assertEquals("10", form.getTtlDays(), "the admin's lifetime wins");
        assertEquals("7", form.getReminderDays());

        form.applyPack(null);
        assertEquals(List.of(), form.getScopes(), "no pack takes back what the last one filled");
        assertEquals("10", form.getTtlDays());
        assertEquals("14", form.getReminderDays());
    }

    @Test
    void scopesTheAdminChoseBeforeThePackWin() {
        CredentialForm form = new CredentialForm();
        form.setScopes(List.of("tags:read"));
        form.setEventInterests("entry.*");
        form.setTtlDays("");
        form.applyPack(RUNNER);
        assertEquals(List.of("tags:read"), form.getScopes());
        assertEquals("entry.*", form.getEventInterests());
        assertEquals("", form.getTtlDays(), "an explicit never stays never");
        assertEquals("14", form.getReminderDays());
    }
}
