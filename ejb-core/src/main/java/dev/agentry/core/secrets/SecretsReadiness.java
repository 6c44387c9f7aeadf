package dev.agentry.core.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready when every stored secret is sealed under a KEK this server holds, current or retired. Names the
 * current KEK's id; down,
 * with one log line when it turns so, if a row needs a KEK the server does not have (the database of
 * another server, or a lost key file) or still holds a secret in the clear.
 */
@Readiness
@ApplicationScoped
class SecretsReadiness implements HealthCheck {

    static final String NAME = "secrets";

    private static final Logger LOG = Logger.getLogger(SecretsReadiness.class);

    @Inject
    SecretVault vault;

    @Inject
    SealedRows rows;

    private volatile String lastProblem;

    @Override
    public HealthCheckResponse call() {
        String kekId = vault.kekId();
        Set<String> missing = new TreeSet<>(rows.kekIdsInUse());
        missing.removeIf(vault::holds);
        long clear = rows.clearRows();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named(NAME).withData("kekId", kekId).withData("clearRows", clear);
        String problem = null;
        if (!missing.isEmpty()) {
            problem = "stored keys are sealed under key-encryption key " + String.join(", ", missing)
                    + ", which this server does not hold (it seals under " + kekId + ")";
            response.withData("missingKekIds", String.join(",", missing));
        } else if (clear > 0) {
            problem = clear + " rows still hold a secret in the clear";
        }
        if (problem != null) {
            response.withData("message", problem);
            if (!problem.equals(lastProblem)) {
                LOG.errorf("Readiness check 'secrets' is down: %s", problem);
            }
        }
        lastProblem = problem;
        return response.status(problem == null).build();
    }
}
