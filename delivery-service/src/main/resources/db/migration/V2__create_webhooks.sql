-- Developers' webhook endpoints. The signing secret is kept encrypted (AES-GCM under a key derived from
-- the internal secret); deleted endpoints stay for their delivery log.
CREATE TABLE webhook_endpoint (
    id               text        PRIMARY KEY,                  -- whk_<uuid>
    developer_id     text        NOT NULL,
    livemode         boolean     NOT NULL,
    url              text        NOT NULL,
    events           text[]      NOT NULL,
    secret_encrypted text        NOT NULL,
    created_at       timestamptz NOT NULL,
    deleted_at       timestamptz
);
CREATE INDEX webhook_endpoint_developer ON webhook_endpoint (developer_id, livemode) WHERE deleted_at IS NULL;

-- One delivery per endpoint and event, with its persistent retry schedule.
CREATE TABLE webhook_delivery (
    id               text        PRIMARY KEY,                  -- wdl_<uuid>
    webhook_id       text        NOT NULL REFERENCES webhook_endpoint (id),
    event_id         text        NOT NULL,
    event            text        NOT NULL,
    pause_id         text        NOT NULL,
    data             jsonb       NOT NULL,                     -- the payload's data; the envelope is built per attempt
    status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    created_at       timestamptz NOT NULL,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhook_attempt (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id      text        NOT NULL REFERENCES webhook_delivery (id),
    webhook_id       text        NOT NULL,
    attempt          integer     NOT NULL,
    status_code      integer,
    error            text,
    duration_ms      integer     NOT NULL,
    next_attempt_at  timestamptz,
    created_at       timestamptz NOT NULL
);
CREATE INDEX webhook_attempt_webhook ON webhook_attempt (webhook_id, id DESC);
