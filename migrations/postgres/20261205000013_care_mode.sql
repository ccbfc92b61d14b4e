-- Care mode (关怀模式): larger type, bigger targets, higher contrast and plainer words, kept for
-- the person on every device they sign in on (0 off, 1 on).
ALTER TABLE users ADD COLUMN care_mode BIGINT NOT NULL DEFAULT 0;
