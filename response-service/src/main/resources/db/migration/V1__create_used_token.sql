-- The single-use ledger: a token's signature proves it was issued, this table proves it was spent.
-- The primary key makes "first use wins" an atomic insert; pause-service's conditional transition
-- stays the authority on which response counts.
CREATE TABLE used_token (
    token_hash  text        PRIMARY KEY,   -- SHA-256 hex of the token, never the token itself
    pause_id    text        NOT NULL,
    choice      text        NOT NULL,
    used_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX used_token_pause_id ON used_token (pause_id);
