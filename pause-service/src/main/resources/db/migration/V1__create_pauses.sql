-- Pauses and their one-way state machine. Only pause-service writes here, and every transition is a
-- single conditional UPDATE ... WHERE status = 'pending', so exactly one of respond, cancel and timeout
-- can ever win.
CREATE TABLE pause (
    id                   text        PRIMARY KEY,                 -- psr_<uuid>
    -- Creation order: created_at has whole seconds (api.md), so it cannot order pauses of one second.
    seq                  bigint      GENERATED ALWAYS AS IDENTITY,
    developer_id         text        NOT NULL,
    livemode             boolean     NOT NULL,
    status               text        NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'responded', 'timed_out', 'cancelled')),
    channel              text        NOT NULL CHECK (channel IN ('sms', 'email', 'slack')),
    recipient            text        NOT NULL,
    message              text        NOT NULL,
    options              jsonb       NOT NULL,
    allow_text_response  boolean     NOT NULL,
    timeout_default      text,
    metadata             jsonb,
    created_at           timestamptz NOT NULL,
    expires_at           timestamptz NOT NULL,
    response_choice      text,
    response_text        text,
    response_at          timestamptz,
    cancelled_at         timestamptz,
    delivery_status      text        NOT NULL DEFAULT 'queued'
                         CHECK (delivery_status IN ('queued', 'sent', 'delivered', 'failed', 'sandbox')),
    delivery_attempts    integer     NOT NULL DEFAULT 0,
    delivery_last_error  text,
    delivery_updated_at  timestamptz,
    CHECK ((status = 'responded') = (response_at IS NOT NULL AND response_choice IS NOT NULL) OR status = 'timed_out'),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
-- A developer's pauses of one world, newest first (the list endpoint).
CREATE INDEX pause_listing ON pause (developer_id, livemode, seq DESC);
-- The sweeper's only question: which pending pauses have expired?
CREATE INDEX pause_pending_expiry ON pause (expires_at) WHERE status = 'pending';

-- Idempotency-Key: the same key and body within 24 h return the original 201.
CREATE TABLE idempotency_key (
    developer_id  text        NOT NULL,
    livemode      boolean     NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    pause_id      text        NOT NULL,
    response_body text        NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (developer_id, livemode, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);

-- The audit log: append-only, enforced here and not only in code.
CREATE TABLE audit_entry (
    id               text        PRIMARY KEY,                      -- aud_<uuid>
    -- Ties within one second (created_at has whole seconds) go by arrival, which per pause is event order.
    seq              bigint      GENERATED ALWAYS AS IDENTITY,
    event_id         text        NOT NULL UNIQUE,                  -- the event it records, at most once
    developer_id     text        NOT NULL,
    livemode         boolean,                                      -- null for account entries: both worlds see them
    pause_request_id text,
    event_type       text        NOT NULL,
    actor            text        NOT NULL CHECK (actor IN ('developer', 'human', 'system')),
    detail           jsonb       NOT NULL,
    ip               text,
    created_at       timestamptz NOT NULL
);
CREATE INDEX audit_listing ON audit_entry (developer_id, created_at DESC, seq DESC);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
