-- One row per live pause that took a slot of its month's quota, so a retried reservation of the same
-- pause counts once, and a pause that was never created can give its slot back.
CREATE TABLE usage_reservation (
    pause_id     text        PRIMARY KEY,
    developer_id text        NOT NULL REFERENCES developer (id),
    period_start date        NOT NULL,
    reserved_at  timestamptz NOT NULL,
    released_at  timestamptz
);
