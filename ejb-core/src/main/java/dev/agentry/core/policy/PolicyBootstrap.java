package dev.agentry.core.policy;

import dev.agentry.core.json.Jsonp;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * First start: a signing key, and a bootstrap credential holding every scope when there is no
 * credential at all. Its client id and secret come from configuration, or are generated and written
 * to a file only the server's user can read; the log names the file, never the secret.
 */
@Singleton
@Startup
public class PolicyBootstrap {

    static final String BOOTSTRAP_FILE = "agentry/bootstrap-credential.json";

    private static final Logger LOG = Logger.getLogger(PolicyBootstrap.class);

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @Inject
    SigningKeys keys;

    @Inject
    CredentialService credentials;

    @Inject
    GovernedWrites governedWrites;

    @Inject
    @ConfigProperty(name = "agentry.bootstrap.client-id")
    Optional<String> configuredClientId;

    @Inject
    @ConfigProperty(name = "agentry.bootstrap.client-secret")
    Optional<String> configuredSecret;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir")
    String dataDir;

    @PostConstruct
    void bootstrap() {
        keys.ensureKey();
        long existing = em.createNamedQuery("Credential.count", Long.class).getSingleResult();
        if (existing > 0) {
            return;
        }
        List<String> everyScope = governedWrites.offeredScopes().stream()
                .map(GrantableScope::scope)
                .toList();
        CredentialRequest request = new CredentialRequest(
                "bootstrap",
                "operator",
                "Created on first start; rotate or revoke it once real credentials exist.",
                everyScope,
                List.of(),
                null,
                true,
                null,
                List.of());
        if (configuredClientId.isPresent() && configuredSecret.isPresent()) {
            if (!configuredClientId.get().matches("[A-Za-z0-9_.-]{3,40}")) {
                throw new IllegalStateException("AGENTRY_BOOTSTRAP_CLIENT_ID must be 3-40 of A-Z a-z 0-9 _ . -");
            }
            ClientSecret secret = ClientSecret.parse(configuredSecret.get())
                    .orElseThrow(() -> new IllegalStateException(
                            "AGENTRY_BOOTSTRAP_CLIENT_SECRET is not a valid agy_ secret (prefix, length or checksum)"));
            credentials.createWithSecret(request, configuredClientId.get(), secret);
            LOG.infof("Created the bootstrap credential %s from configuration", configuredClientId.get());
            return;
        }
        // The first start acts for the operator, as the console does: no caller's ceiling bounds it.
        CredentialView created = credentials.create(Grant.console(), request);
        Path file = write(created.clientId(), created.clientSecret());
        LOG.infof(
                "Created the bootstrap credential %s; its secret is in %s (readable by the server's user only)",
                created.clientId(), file);
    }

    private Path write(String clientId, String secret) {
        Path file = Path.of(dataDir).resolve(BOOTSTRAP_FILE);
        String json = Jsonp.createObjectBuilder()
                .add("client_id", clientId)
                .add("client_secret", secret)
                .build()
                .toString();
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, json + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
