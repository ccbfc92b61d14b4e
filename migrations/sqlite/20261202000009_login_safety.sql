-- A login's own safety: confirmed email addresses, links sent by email (kept as SHA-256, good
-- once), limits counted where every server sees them, sessions that say where they came from,
-- and a security log nobody can edit. The PostgreSQL migration of the same name holds the same
-- schema.

-- Logins made before confirmation existed count as confirmed.
ALTER TABLE users ADD COLUMN email_verified_at BIGINT;
UPDATE users SET email_verified_at = created_at;

-- The second factor: a TOTP secret (base32; set while being set up, in use once enabled), and
-- the last time step a code was accepted for, so no code works twice.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled_at BIGINT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

-- Recovery codes, shown once, kept as argon2id hashes (50 bits each: too few for a plain
-- digest), each good once.
CREATE TABLE recovery_codes (
    user_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT   NOT NULL,
    used_at   BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE login_links (
    token_hash TEXT   PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT   NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX login_links_by_user ON login_links (user_id, purpose);

CREATE TABLE rate_events (
    bucket TEXT   NOT NULL,
    at     BIGINT NOT NULL
);
CREATE INDEX rate_events_by_bucket ON rate_events (bucket, at);

-- Sessions gain an id that can be shown (never the token or its hash), the device and the
-- address they began from. Sessions from before have none of these: they end.
DELETE FROM sessions;
ALTER TABLE sessions ADD COLUMN public_id TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT '';
-- When the person last proved who they are in this session (password and second factor).
ALTER TABLE sessions ADD COLUMN authenticated_at BIGINT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX sessions_by_public_id ON sessions (public_id);

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    at       BIGINT NOT NULL,
    event    TEXT   NOT NULL,
    -- Whom it is about and who did it. No foreign keys: the log outlives a deleted login.
    user_id  BIGINT,
    actor_id BIGINT,
    email    TEXT   NOT NULL DEFAULT '',
    address  TEXT   NOT NULL,
    detail   TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_at ON audit_log (at);
CREATE INDEX audit_log_by_user ON audit_log (user_id, at);
CREATE INDEX audit_log_by_email ON audit_log (email, at);

CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
