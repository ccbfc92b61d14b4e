-- New connections (业扩报装): cases, their event log (the audit trail the stage machine replays),
-- uploaded documents, and the configuration of time limits and the working-day calendar.

-- Time limits in working days; operators change them here (keys follow domain::ConnectionLimits).
CREATE TABLE commitments (
    name         TEXT   PRIMARY KEY,
    working_days BIGINT NOT NULL CHECK (working_days >= 0)
);
INSERT INTO commitments (name, working_days) VALUES
('residential_total', 5), ('low_voltage_business_total', 6),
('high_voltage_single_total', 22), ('high_voltage_double_total', 32),
('supply_plan_single', 15), ('supply_plan_double', 30), ('design_review', 10),
('mid_construction_check', 5), ('completion_inspection', 5), ('meter_and_energise', 5);

-- Public holidays (weekdays off) and make-up working days (weekends on).
CREATE TABLE calendar_days (
    day  TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name TEXT NOT NULL DEFAULT ''
);
INSERT INTO calendar_days (day, kind, name) VALUES
('2026-01-01', 'holiday', 'New Year'), ('2026-01-02', 'holiday', 'New Year'),
('2026-02-16', 'holiday', 'Spring Festival'), ('2026-02-17', 'holiday', 'Spring Festival'),
('2026-02-18', 'holiday', 'Spring Festival'), ('2026-02-19', 'holiday', 'Spring Festival'),
('2026-02-20', 'holiday', 'Spring Festival'), ('2026-02-23', 'holiday', 'Spring Festival'),
('2026-04-06', 'holiday', 'Qingming'), ('2026-05-01', 'holiday', 'Labour Day'),
('2026-05-04', 'holiday', 'Labour Day'), ('2026-05-05', 'holiday', 'Labour Day'),
('2026-06-19', 'holiday', 'Dragon Boat'), ('2026-09-25', 'holiday', 'Mid-Autumn'),
('2026-10-01', 'holiday', 'National Day'), ('2026-10-02', 'holiday', 'National Day'),
('2026-10-05', 'holiday', 'National Day'), ('2026-10-06', 'holiday', 'National Day'),
('2026-10-07', 'holiday', 'National Day'), ('2027-01-01', 'holiday', 'New Year');

CREATE TABLE connection_cases (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    case_number        TEXT   UNIQUE,
    applicant_id       BIGINT NOT NULL REFERENCES users (id),
    service_account_id BIGINT REFERENCES service_accounts (id),
    kind               TEXT   NOT NULL,
    category           TEXT   NOT NULL,
    premise_address    TEXT   NOT NULL,
    capacity_centi_kw  BIGINT NOT NULL CHECK (capacity_centi_kw > 0),
    supply_voltage     TEXT   NOT NULL,
    contact_name       TEXT   NOT NULL,
    contact_phone      TEXT   NOT NULL,
    accepted_on        TEXT   NOT NULL,
    idempotency_key    TEXT   NOT NULL,
    -- Derived from the events by the stage machine, kept for the queue's sorting and filters.
    state              TEXT   NOT NULL,
    stage              TEXT   NOT NULL,
    next_due           TEXT,
    created_at         BIGINT NOT NULL,
    UNIQUE (applicant_id, idempotency_key)
);
CREATE INDEX connection_cases_by_applicant ON connection_cases (applicant_id);
CREATE INDEX connection_cases_by_due ON connection_cases (state, next_due);

CREATE TABLE connection_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id      BIGINT NOT NULL REFERENCES connection_cases (id),
    seq          BIGINT NOT NULL,
    move         TEXT   NOT NULL CHECK (move IN ('open', 'advance', 'ask_customer', 'customer_responded', 'reject', 'cancel')),
    on_day       TEXT   NOT NULL,
    at           BIGINT NOT NULL,
    actor_id     BIGINT NOT NULL REFERENCES users (id),
    note         TEXT   NOT NULL DEFAULT '',
    for_customer BIGINT NOT NULL DEFAULT 1,
    UNIQUE (case_id, seq)
);

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id     BIGINT NOT NULL REFERENCES users (id),
    case_id      BIGINT REFERENCES connection_cases (id),
    kind         TEXT   NOT NULL,
    file_name    TEXT   NOT NULL,
    content_type TEXT   NOT NULL,
    size_bytes   BIGINT NOT NULL,
    sha256       TEXT   NOT NULL,
    content      BLOB   NOT NULL,
    uploaded_at  BIGINT NOT NULL
);
CREATE INDEX documents_by_case ON documents (case_id);
CREATE INDEX documents_by_owner ON documents (owner_id);
