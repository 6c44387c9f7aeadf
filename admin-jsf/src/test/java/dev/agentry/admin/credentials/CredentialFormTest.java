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
        form.applyPack(AUDITOR);
        assertEquals(List.of("audit:read", "incidents:read"), form.getScopes());
        assertEquals("30", form.getLifetime(), "a pack's lifetime is one of the presets where it can be");
        assertEquals("7", form.getReminderDays());

        form.applyPack(RUNNER);
        assertEquals(List.of("runs:write", "runs:read"), form.getScopes(), "the previous pack's scopes go");
        assertEquals("run.*", form.getEventInterests());
        assertEquals("90", form.getLifetime());
        assertEquals("14", form.getReminderDays());

        form.setLifetime("custom");
        form.setTtlDays("10");
        form.applyPack(AUDITOR);
        assertEquals(List.of("audit:read", "incidents:read"), form.getScopes());
        assertEquals("", form.getEventInterests());
        assertEquals("custom", form.getLifetime(), "the admin's lifetime wins");
        assertEquals("10", form.getTtlDays());
        assertEquals("7", form.getReminderDays());

        form.applyPack(null);
        assertEquals(List.of(), form.getScopes(), "no pack takes back what the last one filled");
        assertEquals("10", form.getTtlDays());
        assertEquals("14", form.getReminderDays());
    }

    @Test
    void whatTheAdminChoseBeforeThePackWinsAnExplicitNeverToo() {
        CredentialForm form = new CredentialForm();
        form.setScopes(List.of("tags:read"));
        form.setEventInterests("entry.*");
        form.setLifetime("never");
        form.applyPack(AUDITOR);
        assertEquals(List.of("tags:read"), form.getScopes());
        assertEquals("entry.*", form.getEventInterests());
        assertEquals("never", form.getLifetime(), "an explicit never stays never");
        assertEquals("7", form.getReminderDays());
    }
}
