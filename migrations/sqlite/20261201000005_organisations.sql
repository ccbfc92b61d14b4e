-- Enterprise organisations: invitations (one-time tokens, kept as SHA-256), the outbox a mail
-- sender drains, site labels, and the audit trail of membership. The PostgreSQL migration of
-- the same name holds the same schema.

CREATE TABLE invitations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email           TEXT   NOT NULL,
    role            TEXT   NOT NULL CHECK (role IN ('owner', 'manager', 'viewer')),
    token_hash      TEXT   NOT NULL UNIQUE,
    invited_by      BIGINT NOT NULL REFERENCES users (id),
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    accepted_at     BIGINT,
    accepted_by     BIGINT REFERENCES users (id),
    revoked_at      BIGINT
);
CREATE INDEX invitations_by_organisation ON invitations (organisation_id, created_at);

-- Messages waiting for a mail sender; `sent_at` is set by whoever sends them.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT   NOT NULL,
    recipient  TEXT   NOT NULL,
    subject    TEXT   NOT NULL,
    body       TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at    BIGINT
);
CREATE INDEX outbox_unsent ON outbox (sent_at, id);

CREATE TABLE site_labels (
    service_account_id BIGINT NOT NULL REFERENCES service_accounts (id) ON DELETE CASCADE,
    label              TEXT   NOT NULL,
    PRIMARY KEY (service_account_id, label)
);
CREATE INDEX site_labels_by_label ON site_labels (label);

-- invite, revoke, accept, change_role, remove: who did it, to whom, when.
CREATE TABLE organisation_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    at              BIGINT NOT NULL,
    actor_id        BIGINT NOT NULL REFERENCES users (id),
    action          TEXT   NOT NULL,
    subject         TEXT   NOT NULL,
    detail          TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX organisation_events_by_organisation ON organisation_events (organisation_id, at);

-- The dashboard and the sites list read bills by due day and open requests by premises.
CREATE INDEX bills_by_account_due ON bills (service_account_id, due_on);
CREATE INDEX repair_tickets_by_account_state ON repair_tickets (service_account_id, state);
