-- Rating finished jobs, and feedback cases (complaints, reports, suggestions, praise) with their
-- event log (the audit trail) and the complaint deadlines operators can change.

-- Working days for complaints (keys follow domain::feedback::ComplaintLimits).
INSERT INTO service_rules (name, value) VALUES
('complaint_contact_working_days', 1), ('complaint_reply_working_days', 4);

-- One rating per finished job, by its customer. Area class and category are copied from the
-- job so the supervisor's figures can be cut by them.
CREATE TABLE ratings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    job_kind    TEXT   NOT NULL CHECK (job_kind IN ('repair', 'connection', 'complaint')),
    job_id      BIGINT NOT NULL,
    customer_id BIGINT NOT NULL REFERENCES users (id),
    stars       BIGINT NOT NULL CHECK (stars BETWEEN 1 AND 5),
    tags        TEXT   NOT NULL DEFAULT '',
    comment     TEXT   NOT NULL DEFAULT '',
    area_class  TEXT   NOT NULL,
    category    TEXT   NOT NULL,
    rated_at    BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (job_kind, job_id)
);
CREATE INDEX ratings_by_time ON ratings (rated_at);

CREATE TABLE feedback_cases (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    case_number        TEXT   UNIQUE,
    customer_id        BIGINT NOT NULL REFERENCES users (id),
    kind               TEXT   NOT NULL CHECK (kind IN ('complaint', 'report', 'suggestion', 'praise')),
    topic              TEXT   NOT NULL,
    service_account_id BIGINT REFERENCES service_accounts (id),
    job_kind           TEXT,
    job_id             BIGINT,
    body               TEXT   NOT NULL,
    state              TEXT   NOT NULL CHECK (state IN ('open', 'contacted', 'answered', 'closed')),
    area_class         TEXT   NOT NULL,
    -- The current round: 1, then one more each time the customer reopens the case.
    round              BIGINT NOT NULL DEFAULT 1,
    round_started_on   TEXT   NOT NULL,
    contact_by         TEXT,
    reply_by           TEXT,
    reply              TEXT   NOT NULL DEFAULT '',
    received_at        BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    idempotency_key    TEXT   NOT NULL,
    UNIQUE (customer_id, idempotency_key)
);
CREATE INDEX feedback_cases_by_customer ON feedback_cases (customer_id);
CREATE INDEX feedback_cases_by_state ON feedback_cases (state, reply_by);

CREATE TABLE feedback_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id   BIGINT NOT NULL REFERENCES feedback_cases (id),
    round     BIGINT NOT NULL,
    action    TEXT   NOT NULL CHECK (action IN ('file', 'log_contact', 'reply', 'close', 'satisfied', 'not_satisfied')),
    on_day    TEXT   NOT NULL,
    at        BIGINT NOT NULL,
    actor_id  BIGINT NOT NULL REFERENCES users (id),
    by_staff  BIGINT NOT NULL DEFAULT 0,
    note      TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX feedback_events_by_case ON feedback_events (case_id);

CREATE TABLE feedback_attachments (
    case_id     BIGINT NOT NULL REFERENCES feedback_cases (id),
    document_id BIGINT NOT NULL REFERENCES documents (id),
    PRIMARY KEY (case_id, document_id)
);
