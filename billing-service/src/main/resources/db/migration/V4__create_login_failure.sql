-- Failed logins per email address, for the per-account login throttle. The address is kept only as an
-- HMAC under a key derived from INTERNAL_SECRET, so the table does not list who was tried, and an address
-- with no account is counted exactly like one with. A row is written before the password is compared, so
-- concurrent guesses cannot all slip under the limit, and deleted again when the password matched. Rows
-- past the window are purged; within it there are at most the configured number per address.
CREATE TABLE login_failure (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email_key text        NOT NULL,                        -- hex HMAC-SHA256 of the normalised address
    failed_at timestamptz NOT NULL
);
CREATE INDEX login_failure_email ON login_failure (email_key, failed_at);
CREATE INDEX login_failure_purge ON login_failure (failed_at);
