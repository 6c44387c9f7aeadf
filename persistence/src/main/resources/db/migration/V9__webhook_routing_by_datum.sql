-- Webhook routing by datum (SPEC section 8): what routing needs to decide who may receive an event,
-- without reading its payload, and what it decided about personal data for each delivery.

-- The credential an event is about: a credential event's own credential, a run event's owner. Null
-- for catalog changes (their collection decides) and for events aimed at one subscription.
ALTER TABLE webhook_event ADD COLUMN subject VARCHAR(36);

-- Whether the delivery sends the event's payload with personal data redacted: decided at routing by
-- the subscriber's scopes then. Deliveries routed before this column existed carried payloads
-- redacted at publication, so false is right for them.
ALTER TABLE webhook_delivery ADD COLUMN redacted BOOLEAN DEFAULT FALSE NOT NULL;
