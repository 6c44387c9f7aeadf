package dev.agentry.batch.credentials;

import dev.agentry.core.policy.CredentialReminders;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Announces the credentials that entered their reminder window; the exit status says how many. */
@Named
@Dependent
public class CredentialRemindersBatchlet extends AbstractBatchlet {

    @Inject
    CredentialReminders reminders;

    @Override
    public String process() {
        return "REMINDED " + reminders.remind();
    }
}
