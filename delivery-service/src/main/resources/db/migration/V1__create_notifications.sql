-- One notification per pause: what was rendered for its channel, where it stands, and its retry
-- schedule, persisted so a restart resumes it. A claimed row carries a lease in next_attempt_at, so a
-- crashed sender's work is picked up again when the lease runs out.
CREATE TABLE notification (
    pause_id            text        PRIMARY KEY,
    developer_id        text        NOT NULL,
    livemode            boolean     NOT NULL,
    channel             text        NOT NULL CHECK (channel IN ('sms', 'email', 'slack')),
    recipient           text        NOT NULL,
    respond_url         text        NOT NULL,
    message             text        NOT NULL,
    options             jsonb       NOT NULL,
    status              text        NOT NULL CHECK (status IN ('pending', 'sent', 'delivered', 'failed', 'sandbox')),
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz,
    provider_message_id text,
    last_error          text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_provider_message ON notification (provider_message_id) WHERE provider_message_id IS NOT NULL;

CREATE TABLE notification_attempt (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pause_id     text        NOT NULL REFERENCES notification (pause_id),
    attempt      integer     NOT NULL,
    status_code  integer,
    error        text,
    duration_ms  integer     NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX notification_attempt_pause ON notification_attempt (pause_id);
