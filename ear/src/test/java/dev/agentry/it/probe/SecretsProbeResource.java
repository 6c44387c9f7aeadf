package dev.agentry.it.probe;

import dev.agentry.core.policy.SigningKeys;
import dev.agentry.core.secrets.KeyEncryptionKey;
import dev.agentry.core.secrets.RowIdentity;
import dev.agentry.core.secrets.SealedRows;
import dev.agentry.core.secrets.SealedSecret;
import dev.agentry.core.secrets.SecretVault;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Test-only: what a canary needs to look for (the signing key in use, in memory), rows as an older
 * version or another server wrote them, and a checkpoint so the database file holds what was committed.
 */
@Path("/_probe/secrets")
@RequestScoped
public class SecretsProbeResource {

    @Inject
    SigningKeys keys;

    @Inject
    SealedRows rows;

    @Inject
    SecretVault vault;

    @Resource(lookup = "java:jboss/datasources/AgentryDS")
    DataSource database;

    /** The Base64 of the PKCS#8 DER of the key signing tokens now. */
    @GET
    @Path("signer")
    @Produces(MediaType.TEXT_PLAIN)
    public String signer() {
        return Base64.getEncoder().encodeToString(keys.signer().privateKey().getEncoded());
    }

    /** The kid of the key signing tokens now. */
    @GET
    @Path("signer-kid")
    @Produces(MediaType.TEXT_PLAIN)
    public String signerKid() {
        return keys.signer().kid();
    }

    /**
     * Opens the sealed private key of {@code kid} as another server would, with a KEK of its own and a
     * copy of this database: {@code unopenable}, or {@code opened} if that were possible.
     */
    @GET
    @Path("open-as-another-server")
    @Produces(MediaType.TEXT_PLAIN)
    public String openAsAnotherServer(@QueryParam("kid") String kid) throws SQLException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        KeyEncryptionKey theirs = new KeyEncryptionKey(key);
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT private_key_sealed FROM signing_key WHERE kid = ?")) {
            query.setString(1, kid);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                SealedSecret.parse(row.getString(1)).open(theirs, RowIdentity.signingKey(kid));
                return "opened";
            }
        } catch (SealedSecret.Unopenable e) {
            return "unopenable";
        }
    }

    /** Reads the key-encryption keys again, as a start of the server does. */
    @POST
    @Path("reload-keks")
    public void reloadKeks() {
        vault.reload();
    }

    /** Writes what was committed to the database files (H2's CHECKPOINT SYNC, PostgreSQL's CHECKPOINT). */
    @POST
    @Path("checkpoint")
    public void checkpoint() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            boolean h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
            statement.execute(h2 ? "CHECKPOINT SYNC" : "CHECKPOINT");
        }
    }

    /** A subscription of {@code credentialId}'s as schema V9 stored it: both secrets in the clear. */
    @POST
    @Path("clear-subscription")
    @Produces(MediaType.TEXT_PLAIN)
    public String clearSubscription(
            @QueryParam("credentialId") String credentialId,
            @QueryParam("url") String url,
            @QueryParam("secret") String secret,
            @QueryParam("previous") String previous)
            throws SQLException {
        return insertSubscription(credentialId, url, secret, previous, null, null);
    }

    /** A subscription sealed under a KEK this server does not have, as another server's database holds. */
    @POST
    @Path("foreign-subscription")
    @Produces(MediaType.TEXT_PLAIN)
    public String foreignSubscription(@QueryParam("credentialId") String credentialId, @QueryParam("url") String url)
            throws SQLException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        KeyEncryptionKey foreign = new KeyEncryptionKey(key);
        String uid = UUID.randomUUID().toString();
        String sealed = SealedSecret.seal(
                        foreign,
                        "whsec_" + Base64.getEncoder().encodeToString(key),
                        RowIdentity.webhookSubscription(uid))
                .encoded();
        insertSubscription(credentialId, url, null, null, sealed, foreign.id(), uid);
        return uid + " " + foreign.id();
    }

    /** A retired signing key as schema V9 stored it: the private key in the clear. */
    @POST
    @Path("clear-signing-key")
    @Produces(MediaType.TEXT_PLAIN)
    public String clearSigningKey(
            @QueryParam("publicKey") String publicKey, @QueryParam("privateKey") String privateKey)
            throws SQLException {
        String kid = "legacy-" + UUID.randomUUID();
        Timestamp longAgo = Timestamp.from(Instant.now().minusSeconds(86_400 * 30));
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO signing_key"
                        + " (kid, algorithm, public_key, private_key, created_at, signs_from, retired_at)"
                        + " VALUES (?, 'RS256', ?, ?, ?, ?, ?)")) {
            insert.setString(1, kid);
            insert.setString(2, publicKey);
            insert.setString(3, privateKey);
            insert.setTimestamp(4, longAgo);
            insert.setTimestamp(5, longAgo);
            insert.setTimestamp(6, longAgo);
            insert.executeUpdate();
        }
        return kid;
    }

    /** Runs the startup migration's sealing once more, as a restart after the upgrade would; how many rows it sealed. */
    @POST
    @Path("seal")
    @Produces(MediaType.TEXT_PLAIN)
    public String seal() {
        int total = 0;
        for (int sealed = rows.sealClearRows(2); sealed > 0; sealed = rows.sealClearRows(2)) {
            total += sealed;
        }
        return Integer.toString(total);
    }

    /** What the secret columns of a row hold: whether clear and sealed values are present, and the KEK id. */
    @GET
    @Path("columns")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject columns(@QueryParam("table") String table, @QueryParam("key") String key) throws SQLException {
        String sql = table.equals("signing_key")
                ? "SELECT private_key, NULL, private_key_sealed, NULL, kek_id FROM signing_key WHERE kid = ?"
                : "SELECT secret, previous_secret, secret_sealed, previous_secret_sealed, kek_id"
                        + " FROM webhook_subscription WHERE uid = ?";
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return Json.createObjectBuilder()
                        .add("clear", row.getString(1) != null || row.getString(2) != null)
                        .add("sealed", row.getString(3) != null)
                        .add("previousSealed", row.getString(4) != null)
                        .add("kekId", String.valueOf(row.getString(5)))
                        .build();
            }
        }
    }

    @DELETE
    @Path("subscription")
    public void deleteSubscription(@QueryParam("uid") String uid) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM webhook_subscription WHERE uid = ?")) {
            delete.setString(1, uid);
            delete.executeUpdate();
        }
    }

    private String insertSubscription(
            String credentialId, String url, String secret, String previous, String sealed, String kekId)
            throws SQLException {
        String uid = UUID.randomUUID().toString();
        insertSubscription(credentialId, url, secret, previous, sealed, kekId, uid);
        return uid;
    }

    private void insertSubscription(
            String credentialId, String url, String secret, String previous, String sealed, String kekId, String uid)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_subscription"
                        + " (id, uid, credential_id, url, event_types, description, secret, previous_secret,"
                        + " previous_secret_until, status, created_at, updated_at, version, secret_sealed, kek_id)"
                        + " VALUES (?, ?, ?, ?, 'webhook.test', 'probe', ?, ?, ?, 'active', ?, ?, 0, ?, ?)")) {
            insert.setLong(1, 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000));
            insert.setString(2, uid);
            insert.setString(3, credentialId);
            insert.setString(4, url);
            insert.setString(5, secret);
            insert.setString(6, previous);
            insert.setTimestamp(
                    7, previous == null ? null : Timestamp.from(Instant.now().plusSeconds(3600)));
            insert.setTimestamp(8, now);
            insert.setTimestamp(9, now);
            insert.setString(10, sealed);
            insert.setString(11, kekId);
            insert.executeUpdate();
        }
    }
}
