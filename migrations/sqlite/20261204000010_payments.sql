-- Paying: an account's money as an append-only ledger, payment orders with a provider, and
-- refunds. The PostgreSQL migration of the same name holds the same schema.
--
-- `ledger_entries` is written only by the triggers below, in the transaction that inserts a
-- bill, a payment or a refund, and is never changed: the balance is the sum of its entries.
-- What a bill has been paid is worked out from it (the `bill_paid` view), oldest bill first,
-- as `domain::ledger::allocate` does.

CREATE TABLE payment_orders (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    reference       TEXT   NOT NULL UNIQUE,
    idempotency_key TEXT   NOT NULL,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    organisation_id BIGINT REFERENCES organisations (id),
    amount_fen      BIGINT NOT NULL CHECK (amount_fen > 0),
    provider        TEXT   NOT NULL,
    provider_order  TEXT   NOT NULL DEFAULT '',
    checkout_url    TEXT   NOT NULL DEFAULT '',
    state           TEXT   NOT NULL DEFAULT 'open'
                    CHECK (state IN ('open', 'paid', 'failed', 'cancelled', 'expired')),
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    settled_at      BIGINT,
    UNIQUE (user_id, idempotency_key)
);
CREATE INDEX payment_orders_by_user ON payment_orders (user_id, created_at);

-- What an order pays on each account (one row per account; the bills named are a guide only:
-- money is applied oldest bill first).
CREATE TABLE payment_order_parts (
    order_id           BIGINT NOT NULL REFERENCES payment_orders (id),
    service_account_id BIGINT NOT NULL REFERENCES service_accounts (id),
    bill_id            BIGINT REFERENCES bills (id),
    amount_fen         BIGINT NOT NULL CHECK (amount_fen > 0),
    PRIMARY KEY (order_id, service_account_id)
);

-- Every notice the provider sent, whatever became of it.
CREATE TABLE payment_notices (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at   BIGINT NOT NULL,
    order_ref     TEXT   NOT NULL DEFAULT '',
    status        TEXT   NOT NULL DEFAULT '',
    amount_fen    BIGINT,
    outcome       TEXT   NOT NULL,
    body_sha256   TEXT   NOT NULL
);
CREATE INDEX payment_notices_by_order ON payment_notices (order_ref);

-- Money received, on one account. The old table named a bill only; it is rebuilt with the
-- account, the order it came through, and the bill the payer named (if any).
CREATE TABLE payments_new (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    service_account_id BIGINT NOT NULL REFERENCES service_accounts (id),
    bill_id            BIGINT REFERENCES bills (id),
    order_id           BIGINT REFERENCES payment_orders (id),
    paid_at            BIGINT NOT NULL,
    amount_fen         BIGINT NOT NULL CHECK (amount_fen > 0),
    channel            TEXT   NOT NULL,
    reference          TEXT   NOT NULL DEFAULT '',
    UNIQUE (order_id, service_account_id)
);
INSERT INTO payments_new (id, service_account_id, bill_id, paid_at, amount_fen, channel, reference)
    SELECT p.id, b.service_account_id, p.bill_id, p.paid_at, p.amount_fen, p.channel, p.reference
    FROM payments p JOIN bills b ON b.id = p.bill_id;
DROP TABLE payments;
ALTER TABLE payments_new RENAME TO payments;
CREATE INDEX payments_by_account ON payments (service_account_id, paid_at);
CREATE INDEX payments_by_bill ON payments (bill_id);
CREATE INDEX payments_by_reference ON payments (reference);

CREATE TABLE refunds (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    payment_id  BIGINT NOT NULL REFERENCES payments (id),
    amount_fen  BIGINT NOT NULL CHECK (amount_fen > 0),
    reason      TEXT   NOT NULL CHECK (length(reason) > 0),
    staff_id    BIGINT NOT NULL REFERENCES users (id),
    refunded_at BIGINT NOT NULL
);
CREATE INDEX refunds_by_payment ON refunds (payment_id);

CREATE TABLE ledger_entries (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    service_account_id BIGINT NOT NULL REFERENCES service_accounts (id),
    kind               TEXT   NOT NULL CHECK (kind IN ('bill', 'payment', 'refund')),
    bill_id            BIGINT UNIQUE REFERENCES bills (id),
    payment_id         BIGINT REFERENCES payments (id),
    refund_id          BIGINT UNIQUE REFERENCES refunds (id),
    amount_fen         BIGINT NOT NULL,
    at                 BIGINT NOT NULL,
    CHECK ((kind = 'bill') = (bill_id IS NOT NULL)),
    CHECK ((kind = 'refund') = (refund_id IS NOT NULL)),
    CHECK (kind = 'bill' OR (payment_id IS NOT NULL AND amount_fen > 0))
);
CREATE INDEX ledger_entries_by_account ON ledger_entries (service_account_id, id);
CREATE UNIQUE INDEX ledger_entries_one_per_payment ON ledger_entries (payment_id)
    WHERE kind = 'payment';

INSERT INTO ledger_entries (service_account_id, kind, bill_id, amount_fen, at)
    SELECT service_account_id, 'bill', id, total_fen,
           CAST(strftime('%s', issued_on) AS INTEGER) - 28800
    FROM bills ORDER BY issued_on, id;
INSERT INTO ledger_entries (service_account_id, kind, payment_id, amount_fen, at)
    SELECT service_account_id, 'payment', id, amount_fen, paid_at FROM payments ORDER BY paid_at, id;

CREATE TRIGGER bills_enter_the_ledger AFTER INSERT ON bills
BEGIN
    INSERT INTO ledger_entries (service_account_id, kind, bill_id, amount_fen, at)
    VALUES (NEW.service_account_id, 'bill', NEW.id, NEW.total_fen,
            CAST(strftime('%s', NEW.issued_on) AS INTEGER) - 28800);
END;
CREATE TRIGGER payments_enter_the_ledger AFTER INSERT ON payments
BEGIN
    INSERT INTO ledger_entries (service_account_id, kind, payment_id, amount_fen, at)
    VALUES (NEW.service_account_id, 'payment', NEW.id, NEW.amount_fen, NEW.paid_at);
END;
CREATE TRIGGER refunds_enter_the_ledger AFTER INSERT ON refunds
BEGIN
    INSERT INTO ledger_entries (service_account_id, kind, payment_id, refund_id, amount_fen, at)
    SELECT p.service_account_id, 'refund', p.id, NEW.id, NEW.amount_fen, NEW.refunded_at
    FROM payments p WHERE p.id = NEW.payment_id;
END;

CREATE TRIGGER ledger_entries_are_append_only_update BEFORE UPDATE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_entries_are_append_only_delete BEFORE DELETE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER payments_are_append_only_update BEFORE UPDATE ON payments
BEGIN
    SELECT RAISE(ABORT, 'payments are never edited: refund instead');
END;
CREATE TRIGGER payments_are_append_only_delete BEFORE DELETE ON payments
BEGIN
    SELECT RAISE(ABORT, 'payments are never edited: refund instead');
END;
CREATE TRIGGER refunds_are_append_only_update BEFORE UPDATE ON refunds
BEGIN
    SELECT RAISE(ABORT, 'refunds are never edited');
END;
CREATE TRIGGER refunds_are_append_only_delete BEFORE DELETE ON refunds
BEGIN
    SELECT RAISE(ABORT, 'refunds are never edited');
END;
CREATE TRIGGER bill_totals_are_fixed BEFORE UPDATE OF total_fen, service_account_id ON bills
BEGIN
    SELECT RAISE(ABORT, 'a bill''s total is in the ledger: issue a new bill instead');
END;

-- What each bill has been paid: the money kept on its account (payments less refunds), less
-- what the account's earlier bills took, between nothing and the bill's total.
CREATE VIEW bill_paid AS
SELECT m.bill_id, m.service_account_id,
       CASE WHEN m.kept - m.before <= 0 OR m.total_fen <= 0 THEN 0
            WHEN m.kept - m.before >= m.total_fen THEN m.total_fen
            ELSE m.kept - m.before END AS paid_fen
FROM (
    SELECT b.id AS bill_id, b.service_account_id, b.total_fen,
        COALESCE((SELECT SUM(CASE e.kind WHEN 'payment' THEN e.amount_fen
                                         WHEN 'refund' THEN -e.amount_fen ELSE 0 END)
                  FROM ledger_entries e
                  WHERE e.service_account_id = b.service_account_id), 0) AS kept,
        COALESCE((SELECT SUM(CASE WHEN x.total_fen > 0 THEN x.total_fen ELSE 0 END)
                  FROM bills x
                  WHERE x.service_account_id = b.service_account_id
                    AND (x.period_start < b.period_start
                         OR (x.period_start = b.period_start AND x.id < b.id))), 0) AS before
    FROM bills b
) m;

-- Standing instructions to pay each new bill on its due day (代扣).
CREATE TABLE autopay (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    service_account_id BIGINT NOT NULL REFERENCES service_accounts (id),
    user_id            BIGINT NOT NULL REFERENCES users (id),
    max_fen            BIGINT CHECK (max_fen IS NULL OR max_fen > 0),
    consented_at       BIGINT NOT NULL,
    cancelled_at       BIGINT
);
CREATE UNIQUE INDEX autopay_one_standing ON autopay (service_account_id) WHERE cancelled_at IS NULL;

-- Each bill autopay has tried, claimed once across servers.
CREATE TABLE autopay_runs (
    bill_id    BIGINT PRIMARY KEY REFERENCES bills (id),
    autopay_id BIGINT NOT NULL REFERENCES autopay (id),
    claimed_at BIGINT NOT NULL,
    outcome    TEXT   NOT NULL DEFAULT 'claimed',
    payment_id BIGINT REFERENCES payments (id)
);

-- Prepaid accounts (预付费): a low-balance warning under the customer's threshold.
ALTER TABLE service_accounts ADD COLUMN prepaid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE service_accounts ADD COLUMN low_balance_fen BIGINT;
