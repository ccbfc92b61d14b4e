-- Telling people first: each person's language, mobile number and high-use threshold; the
-- notifications they read in the portal; what they want by which channel; and the outbox grown
-- into a queue that several servers drain (claimed for a while, retried with back-off, failed
-- after a number of tries). The PostgreSQL migration of the same name holds the same schema.

ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'zh'));
ALTER TABLE users ADD COLUMN mobile TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN high_use_percent BIGINT NOT NULL DEFAULT 30;

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT   NOT NULL,
    facts      TEXT   NOT NULL,  -- JSON of domain::notify::Facts
    link       TEXT   NOT NULL,  -- the page it opens, from api::pages
    created_at BIGINT NOT NULL,
    read_at    BIGINT,
    -- One notice per person per happening: a sweep run twice, or on two servers, adds nothing.
    dedupe_key TEXT   NOT NULL,
    batch      TEXT   NOT NULL,  -- which queueing made it, so its messages are queued once
    UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_by_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id, read_at);
CREATE INDEX notifications_by_batch ON notifications (batch);

-- Only choices that differ from the kind's default are stored.
CREATE TABLE notification_prefs (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind    TEXT   NOT NULL,
    channel TEXT   NOT NULL CHECK (channel IN ('email', 'sms')),
    enabled BIGINT NOT NULL,
    PRIMARY KEY (user_id, kind, channel)
);

ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'email';
ALTER TABLE outbox ADD COLUMN user_id BIGINT REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE outbox ADD COLUMN notification_id BIGINT REFERENCES notifications (id) ON DELETE SET NULL;
ALTER TABLE outbox ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE outbox ADD COLUMN html TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until BIGINT;
ALTER TABLE outbox ADD COLUMN failed_at BIGINT;
ALTER TABLE outbox ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
CREATE INDEX outbox_due ON outbox (sent_at, failed_at, next_attempt_at);

-- Secrets every server shares (the key that signs unsubscribe links), made on first start.
CREATE TABLE secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- What the sweeps have told already (`bill_due:42`, `high_use:7:2026-12`), so a sweep reads
-- only what is new and a second sweep, or a second server, tells nothing twice.
CREATE TABLE notice_keys (
    dedupe_key TEXT   PRIMARY KEY,
    told_at    BIGINT NOT NULL
);
