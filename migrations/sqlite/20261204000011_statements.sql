-- Bank statements staff upload to reconcile offline payments (bank transfers and the service
-- counter): one row per statement line, known by the bank's transaction id, so the same
-- statement uploaded twice credits nothing twice. A line becomes a payment when its text holds
-- an account's payment reference (`domain::ledger::offline_reference`), or when staff assign it.

CREATE TABLE statement_lines (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    transaction_id TEXT   NOT NULL UNIQUE,
    booked_on      TEXT   NOT NULL,
    amount_fen     BIGINT NOT NULL CHECK (amount_fen > 0),
    text           TEXT   NOT NULL,
    uploaded_by    BIGINT NOT NULL REFERENCES users (id),
    uploaded_at    BIGINT NOT NULL,
    payment_id     BIGINT REFERENCES payments (id)
);
CREATE INDEX statement_lines_unmatched ON statement_lines (uploaded_at) WHERE payment_id IS NULL;
