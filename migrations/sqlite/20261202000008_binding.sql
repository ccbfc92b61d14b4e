-- Linking a service account by a one-time code sent to the phone on file (kept as a salted
-- SHA-256, good for 10 minutes and 5 tries), counted per account, per person and per network
-- address. An organisation's sites are reached only through the organisation: no one holds
-- one directly. The PostgreSQL migration of the same name holds the same schema.

CREATE TABLE binding_codes (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id            BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    service_account_id BIGINT NOT NULL REFERENCES service_accounts (id) ON DELETE CASCADE,
    code_hash          TEXT   NOT NULL,
    salt               TEXT   NOT NULL,
    address            TEXT   NOT NULL,
    created_at         BIGINT NOT NULL,
    tries              BIGINT NOT NULL DEFAULT 0,
    used_at            BIGINT
);
CREATE INDEX binding_codes_by_account ON binding_codes (service_account_id, created_at);
CREATE INDEX binding_codes_by_user ON binding_codes (user_id, created_at);
CREATE INDEX binding_codes_by_address ON binding_codes (address, created_at);

DELETE FROM account_holders WHERE service_account_id IN
    (SELECT id FROM service_accounts WHERE organisation_id IS NOT NULL);
