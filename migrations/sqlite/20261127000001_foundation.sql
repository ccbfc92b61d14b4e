-- People, sign-in and sessions, organisations, service accounts, meters, readings, bills, payments.
-- Money is integer fen; energy is integer hundredths of a kWh; dates are ISO text; instants are
-- unix seconds. The PostgreSQL migration of the same name holds the same schema.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    display_name  TEXT    NOT NULL DEFAULT '',
    role          TEXT    NOT NULL CHECK (role IN ('customer', 'staff_agent', 'staff_supervisor')),
    created_at    BIGINT  NOT NULL
);

CREATE TABLE sessions (
    token_hash   TEXT   PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE failed_attempts (
    attempt_key TEXT   NOT NULL,
    at          BIGINT NOT NULL
);
CREATE INDEX failed_attempts_by_key ON failed_attempts (attempt_key, at);

CREATE TABLE organisations (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE organisation_members (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT   NOT NULL CHECK (role IN ('owner', 'manager', 'viewer')),
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_members_by_user ON organisation_members (user_id);

-- Tariffs are configuration: operators change the figures here, never in code.
CREATE TABLE tariffs (
    code    TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    rules   TEXT NOT NULL  -- JSON of domain::Tariff
);

CREATE TABLE service_accounts (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    account_number    TEXT   NOT NULL UNIQUE CHECK (length(account_number) = 10),
    holder_name       TEXT   NOT NULL,
    phone             TEXT   NOT NULL,
    premise_address   TEXT   NOT NULL,
    area_class        TEXT   NOT NULL CHECK (area_class IN ('urban', 'rural', 'remote')),
    customer_category TEXT   NOT NULL CHECK (customer_category IN
                          ('residential', 'business_low_voltage', 'business_high_voltage')),
    tariff_code       TEXT   NOT NULL REFERENCES tariffs (code),
    organisation_id   BIGINT REFERENCES organisations (id),
    site_name         TEXT,
    created_at        BIGINT NOT NULL
);
CREATE INDEX service_accounts_by_organisation ON service_accounts (organisation_id);

CREATE TABLE account_holders (
    service_account_id BIGINT NOT NULL REFERENCES service_accounts (id) ON DELETE CASCADE,
    user_id            BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bound_at           BIGINT NOT NULL,
    PRIMARY KEY (service_account_id, user_id)
);
CREATE INDEX account_holders_by_user ON account_holders (user_id);

CREATE TABLE meters (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    service_account_id BIGINT NOT NULL REFERENCES service_accounts (id),
    serial             TEXT   NOT NULL UNIQUE,
    registers          TEXT   NOT NULL CHECK (registers IN ('total', 'peak_valley')),
    installed_on       TEXT   NOT NULL
);
CREATE INDEX meters_by_account ON meters (service_account_id);

CREATE TABLE readings (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    meter_id        BIGINT NOT NULL REFERENCES meters (id),
    read_on         TEXT   NOT NULL,
    register        TEXT   NOT NULL CHECK (register IN ('total', 'peak', 'valley')),
    value_centi_kwh BIGINT NOT NULL CHECK (value_centi_kwh >= 0),
    source          TEXT   NOT NULL DEFAULT 'actual' CHECK (source IN ('actual', 'estimated')),
    UNIQUE (meter_id, read_on, register)
);

CREATE TABLE bills (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    service_account_id BIGINT NOT NULL REFERENCES service_accounts (id),
    meter_id           BIGINT NOT NULL REFERENCES meters (id),
    tariff_code        TEXT   NOT NULL REFERENCES tariffs (code),
    period_start       TEXT   NOT NULL,
    period_end         TEXT   NOT NULL,
    issued_on          TEXT   NOT NULL,
    due_on             TEXT   NOT NULL,
    energy_centi_kwh   BIGINT NOT NULL,
    total_fen          BIGINT NOT NULL,
    UNIQUE (service_account_id, period_start)
);

CREATE TABLE bill_lines (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    bill_id          BIGINT NOT NULL REFERENCES bills (id) ON DELETE CASCADE,
    position         BIGINT NOT NULL,
    kind             TEXT   NOT NULL CHECK (kind IN ('tier1', 'tier2', 'tier3', 'peak', 'valley', 'flat')),
    energy_centi_kwh BIGINT NOT NULL,
    price            BIGINT NOT NULL,  -- 1/10,000 yuan per kWh
    amount_fen       BIGINT NOT NULL,
    UNIQUE (bill_id, position)
);

CREATE TABLE payments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    bill_id    BIGINT NOT NULL REFERENCES bills (id),
    paid_at    BIGINT NOT NULL,
    amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
    channel    TEXT   NOT NULL,
    reference  TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX payments_by_bill ON payments (bill_id);

INSERT INTO tariffs (code, name_en, name_zh, rules) VALUES
('RES-TIER-Y', 'Residential tiered (yearly)', '居民阶梯电价（年度）',
 '{"kind":"residential_tiered","period":{"every":"yearly","reset_month":1},"tier1_monthly_kwh":240,"tier2_monthly_kwh":400,"tier1_price":5300,"tier2_price":5800,"tier3_price":8300}'),
('RES-TIER-M', 'Residential tiered (monthly)', '居民阶梯电价（月度）',
 '{"kind":"residential_tiered","period":{"every":"monthly"},"tier1_monthly_kwh":240,"tier2_monthly_kwh":400,"tier1_price":5300,"tier2_price":5800,"tier3_price":8300}'),
('BIZ-FLAT', 'Business flat rate', '一般工商业单一电价',
 '{"kind":"flat","price":6800}'),
('BIZ-TOU', 'Business time-of-use', '一般工商业峰谷电价',
 '{"kind":"time_of_use","peak_price":9500,"valley_price":3000,"peak_from_hour":8,"valley_from_hour":22}');
