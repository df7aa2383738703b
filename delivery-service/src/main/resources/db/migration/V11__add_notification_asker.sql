-- Who asks and what silence means, for the message (docs/api-reference.md, "Channels"): the agent's and the
-- account's names as the pause was created with them, its default and its expiry. Null on older rows, whose
-- messages then name no sender.
ALTER TABLE notification ADD COLUMN agent_name text, ADD COLUMN account_name text, ADD COLUMN timeout_default text,
    ADD COLUMN expires_at timestamptz;
