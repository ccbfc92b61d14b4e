-- Repair tickets (故障报修) and outage notices (停电信息): the tickets and their event log (the
-- audit trail), the notices and theirs, and the committed times operators can change.

-- Which part of the network a premise hangs off; outage notices name these areas.
ALTER TABLE service_accounts ADD COLUMN supply_area TEXT NOT NULL DEFAULT '';

-- Committed minutes by area class (keys follow domain::repair::RepairLimits).
CREATE TABLE repair_limits (
    area_class          TEXT   PRIMARY KEY CHECK (area_class IN ('urban', 'rural', 'remote')),
    arrival_minutes     BIGINT NOT NULL CHECK (arrival_minutes > 0),
    restoration_minutes BIGINT NOT NULL CHECK (restoration_minutes > 0)
);
INSERT INTO repair_limits (area_class, arrival_minutes, restoration_minutes) VALUES
('urban', 45, 180), ('rural', 90, 240), ('remote', 120, 240);

-- Other service rules that operators change, one number each.
CREATE TABLE service_rules (
    name  TEXT   PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO service_rules (name, value) VALUES ('planned_outage_notice_days', 7);

CREATE TABLE outages (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          TEXT   NOT NULL CHECK (kind IN ('planned', 'temporary', 'grid_fault', 'capacity_shortfall')),
    area          TEXT   NOT NULL,
    starts_at     BIGINT NOT NULL,
    expected_end  BIGINT NOT NULL,
    ended_at      BIGINT,
    reason        TEXT   NOT NULL,
    published_at  BIGINT NOT NULL,
    created_by    BIGINT NOT NULL REFERENCES users (id),
    updated_at    BIGINT NOT NULL
);
CREATE INDEX outages_by_area ON outages (area, starts_at);

CREATE TABLE outage_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    outage_id BIGINT NOT NULL REFERENCES outages (id),
    action    TEXT   NOT NULL,
    at        BIGINT NOT NULL,
    actor_id  BIGINT NOT NULL REFERENCES users (id),
    note      TEXT   NOT NULL DEFAULT ''
);

CREATE TABLE repair_tickets (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_number      TEXT   UNIQUE,
    reporter_id        BIGINT NOT NULL REFERENCES users (id),
    service_account_id BIGINT NOT NULL REFERENCES service_accounts (id),
    kind               TEXT   NOT NULL,
    description        TEXT   NOT NULL,
    contact_phone      TEXT   NOT NULL,
    danger             BIGINT NOT NULL DEFAULT 0,
    photo_id           BIGINT REFERENCES documents (id),
    area_class         TEXT   NOT NULL,
    state              TEXT   NOT NULL,
    reported_at        BIGINT NOT NULL,
    arrival_due_at     BIGINT NOT NULL,
    arrived_at         BIGINT,
    restored_at        BIGINT,
    crew               TEXT   NOT NULL DEFAULT '',
    eta_at             BIGINT,
    outage_id          BIGINT REFERENCES outages (id),
    updated_at         BIGINT NOT NULL,
    idempotency_key    TEXT   NOT NULL,
    UNIQUE (reporter_id, idempotency_key)
);
CREATE INDEX repair_tickets_by_account ON repair_tickets (service_account_id);
CREATE INDEX repair_tickets_by_due ON repair_tickets (state, arrival_due_at);

CREATE TABLE repair_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id BIGINT NOT NULL REFERENCES repair_tickets (id),
    action    TEXT   NOT NULL CHECK (action IN ('report', 'dispatch', 'depart', 'arrive', 'restore', 'close', 'merge', 'cancel')),
    at        BIGINT NOT NULL,
    actor_id  BIGINT NOT NULL REFERENCES users (id),
    by_staff  BIGINT NOT NULL DEFAULT 0,
    note      TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX repair_events_by_ticket ON repair_events (ticket_id);
