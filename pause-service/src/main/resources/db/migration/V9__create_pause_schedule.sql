-- A pause's follow-up messages: its reminders and escalation steps (docs/api-reference.md, "Reminders and
-- escalation"), written with the pause at its create. Notification 0, the first message, is the pause's own
-- delivery_* columns; these are 1, 2, ... in due order. state moves once: scheduled, then emitted (its event
-- went out through the outbox while the pause was pending and unexpired) or skipped (its time came after
-- the pause ended). Every instance's due work (FollowUpSweeper) takes due rows through the partial index
-- with FOR UPDATE SKIP LOCKED, so each row is handled once. No foreign key to pause: a pause is never deleted,
-- and the check would cost every such create a lookup. The delivery_* columns follow delivery-service's
-- events for that notification, as the pause's own do for the first.
CREATE TABLE pause_schedule (
    pause_id            text        NOT NULL,
    notification        integer     NOT NULL CHECK (notification >= 1),
    kind                text        NOT NULL CHECK (kind IN ('reminder', 'escalation')),
    step                integer     CHECK (step BETWEEN 1 AND 3),
    reminder            integer     CHECK (reminder BETWEEN 1 AND 5),
    channel             text        NOT NULL CHECK (channel IN ('sms', 'email', 'slack')),
    recipient           text        NOT NULL,
    slot                integer     NOT NULL,
    due_at              timestamptz NOT NULL,
    state               text        NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'emitted', 'skipped')),
    emitted_at          timestamptz,
    delivery_status     text        NOT NULL DEFAULT 'queued'
                        CHECK (delivery_status IN ('queued', 'sent', 'delivered', 'failed', 'sandbox')),
    delivery_attempts   integer     NOT NULL DEFAULT 0,
    delivery_last_error text,
    delivery_updated_at timestamptz,
    delivery_sandbox_message text,
    PRIMARY KEY (pause_id, notification),
    CHECK ((kind = 'reminder') = (reminder IS NOT NULL) AND (kind = 'escalation') = (step IS NOT NULL))
);
-- The due work's one question: which scheduled rows are due?
CREATE INDEX pause_schedule_due ON pause_schedule (due_at) WHERE state = 'scheduled';

-- Whether a pause has follow-ups at all, so that reading the pauses without any (most of them) costs no
-- look at pause_schedule. Adding a column with a constant default rewrites nothing.
ALTER TABLE pause ADD COLUMN has_schedule boolean NOT NULL DEFAULT false;
