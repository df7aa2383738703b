-- Who asked (docs/api-reference.md, "Pauses"): the agent's own name, if it gave one, and the developer's
-- account name as it was at the create, so the human is told who asked at the time. Both null on older rows.
ALTER TABLE pause ADD COLUMN agent_name text, ADD COLUMN account_name text;
