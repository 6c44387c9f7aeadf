-- A rotated-in key is published in the JWKS before it signs anything (SPEC section 3), so verifiers
-- that cache the JWKS already hold it when the first token signed with it arrives.
ALTER TABLE signing_key ADD COLUMN signs_from TIMESTAMP WITH TIME ZONE;
UPDATE signing_key SET signs_from = created_at;
ALTER TABLE signing_key ALTER COLUMN signs_from SET NOT NULL;
