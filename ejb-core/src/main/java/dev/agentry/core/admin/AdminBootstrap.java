package dev.agentry.core.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * On a first start (no administrator yet) creates {@code admin}: with the password from
 * {@code AGENTRY_ADMIN_PASSWORD}, or a generated one written to a file only the server's user can read.
 * The log names the file, never the password.
 */
@Singleton
@Startup
public class AdminBootstrap {

    public static final String USERNAME = "admin";

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject
    AdminAccounts accounts;

    @Inject
    @ConfigProperty(name = "agentry.admin.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir")
    String dataDir;

    @PostConstruct
    void bootstrap() {
        if (accounts.count() > 0) {
            return;
        }
        if (password.isPresent() && !password.get().isBlank()) {
            accounts.create(USERNAME, password.get().toCharArray());
            LOG.infof("Console administrator '%s' created with the password from AGENTRY_ADMIN_PASSWORD", USERNAME);
            return;
        }
        String generated = generate();
        Path file = Path.of(dataDir, "agentry", "admin-password.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, generated + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        accounts.create(USERNAME, generated.toCharArray());
        LOG.infof(
                "Console administrator '%s' created; its generated password is in %s (readable by the server's user only)",
                USERNAME, file);
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
