-- Secrets at rest (issue 23): signing keys' private keys and webhook secrets are kept only as
-- envelopes sealed under a key-encryption key (KEK) that is never in the database. Each secret is one
-- versioned text envelope (format, algorithm, KEK id, wrapped data key, nonce, ciphertext) rather than
-- five columns: the parts cannot drift apart, a webhook rotation moves the current secret to the
-- previous one as a single value, and a later algorithm is a new envelope version, not a migration.
-- kek_id repeats the KEK of the row's envelopes so readiness can ask which KEKs the data needs with
-- one query. The clear columns stay, nullable, only until the startup step has sealed the rows
-- written before this version; afterwards they are null everywhere.
ALTER TABLE signing_key ADD COLUMN private_key_sealed VARCHAR(4000);
ALTER TABLE signing_key ADD COLUMN kek_id VARCHAR(16);
ALTER TABLE signing_key ALTER COLUMN private_key DROP NOT NULL;

ALTER TABLE webhook_subscription ADD COLUMN secret_sealed VARCHAR(1000);
ALTER TABLE webhook_subscription ADD COLUMN previous_secret_sealed VARCHAR(1000);
ALTER TABLE webhook_subscription ADD COLUMN kek_id VARCHAR(16);
ALTER TABLE webhook_subscription ALTER COLUMN secret DROP NOT NULL;
