-- Interval readings of smart meters (hourly in the demo): energy in whole Wh from `start_at`
-- (unix seconds, UTC) for `seconds`. Days and months are summed in the utility's local time.
-- The PostgreSQL migration of the same name holds the same schema.

ALTER TABLE meters ADD COLUMN smart BIGINT NOT NULL DEFAULT 0;

CREATE TABLE interval_readings (
    meter_id BIGINT NOT NULL REFERENCES meters (id),
    start_at BIGINT NOT NULL,
    seconds  BIGINT NOT NULL CHECK (seconds > 0),
    wh       BIGINT NOT NULL CHECK (wh >= 0),
    PRIMARY KEY (meter_id, start_at)
);
