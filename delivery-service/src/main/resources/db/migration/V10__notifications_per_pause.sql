-- A pause sends more than one notification: the first (number 0), then its reminders and escalation steps
-- (1, 2, ... in the order pause-service emitted them; docs/api-reference.md, "Reminders and escalation").
-- Each is its own row with its own status, attempts, retry schedule, lease and provider reports, so the key
-- becomes (pause_id, notification); every row written before is a pause's first. kind says how it is
-- rendered (a reminder is marked as one). Adding the columns with constant defaults rewrites nothing; the
-- new primary key builds one index, in the migration's one short lock of the table.
ALTER TABLE notification_attempt DROP CONSTRAINT notification_attempt_pause_id_fkey;
ALTER TABLE notification ADD COLUMN notification integer NOT NULL DEFAULT 0;
ALTER TABLE notification ADD COLUMN kind text NOT NULL DEFAULT 'initial'
    CHECK (kind IN ('initial', 'reminder', 'escalation'));
ALTER TABLE notification DROP CONSTRAINT notification_pkey;
ALTER TABLE notification ADD PRIMARY KEY (pause_id, notification);
ALTER TABLE notification_attempt ADD COLUMN notification integer NOT NULL DEFAULT 0;
ALTER TABLE notification_attempt ADD FOREIGN KEY (pause_id, notification) REFERENCES notification (pause_id, notification);
