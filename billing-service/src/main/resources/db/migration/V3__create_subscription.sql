-- Paddle subscriptions as Paddle last described them, one row per subscription, and the Paddle events
-- already handled. A developer's plan (developer.plan) is derived from their subscriptions: the best
-- plan among those that still entitle them, free when none does.
CREATE TABLE subscription (
    paddle_subscription_id text        PRIMARY KEY,          -- sub_...
    developer_id           text        NOT NULL REFERENCES developer (id),
    paddle_customer_id     text,                             -- ctm_...
    status                 text        NOT NULL,             -- Paddle's: active, trialing, past_due, paused, canceled
    plan                   text        NOT NULL,             -- mapped from the price id
    price_id               text        NOT NULL,
    current_period_end     timestamptz,                      -- the end of the last period Paddle billed
    scheduled_change       text,                             -- Paddle's scheduled_change.action, if any
    scheduled_change_at    timestamptz,
    entitled_until         timestamptz,                      -- a canceled or paused subscription keeps its plan until then
    last_event_at          timestamptz NOT NULL,             -- occurred_at of the newest event applied
    updated_at             timestamptz NOT NULL
);
CREATE INDEX subscription_developer ON subscription (developer_id, updated_at DESC);
CREATE INDEX subscription_entitlement_ends ON subscription (entitled_until) WHERE entitled_until IS NOT NULL;

-- Paddle retries a notification until it gets a 2xx, so each event id is handled once.
CREATE TABLE paddle_event (
    event_id    text        PRIMARY KEY,                     -- evt_...
    event_type  text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    outcome     text        NOT NULL,                        -- applied, stale, ignored
    received_at timestamptz NOT NULL
);
