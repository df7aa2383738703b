-- Developers and their credentials. Secrets are never stored: passwords as bcrypt hashes, API keys,
-- sessions and reset tokens as SHA-256 hex of the random token (they carry 192 bits, so a fast hash
-- is enough and lets the gateway's lookup be one index probe).
CREATE TABLE developer (
    id            text        PRIMARY KEY,                  -- dev_<uuid>
    email         text        NOT NULL,                     -- stored lower-cased
    name          text        NOT NULL,
    password_hash text        NOT NULL,
    plan          text        NOT NULL DEFAULT 'free',
    created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX developer_email_unique ON developer (lower(email));

CREATE TABLE api_key (
    key_hash     text        PRIMARY KEY,
    developer_id text        NOT NULL REFERENCES developer (id),
    mode         text        NOT NULL CHECK (mode IN ('live', 'test')),
    prefix       text        NOT NULL,                      -- first 12 characters, for display
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
-- One active key per developer and mode; rotated keys stay, revoked, for the record.
CREATE UNIQUE INDEX api_key_one_active ON api_key (developer_id, mode) WHERE revoked_at IS NULL;

CREATE TABLE session (
    token_hash   text        PRIMARY KEY,
    developer_id text        NOT NULL REFERENCES developer (id),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX session_developer ON session (developer_id);

CREATE TABLE password_reset (
    token_hash   text        PRIMARY KEY,
    developer_id text        NOT NULL REFERENCES developer (id),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz
);
CREATE INDEX password_reset_developer ON password_reset (developer_id);

-- Live pauses created per developer and calendar month (UTC); reserved atomically per pause.
CREATE TABLE monthly_usage (
    developer_id text    NOT NULL REFERENCES developer (id),
    period_start date    NOT NULL,
    pauses_used  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (developer_id, period_start)
);
