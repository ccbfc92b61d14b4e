-- Autopay (代扣) needs the payer's own agreement at the provider: GridCare asks the provider for
-- one, the payer agrees on the provider's page, and GridCare asks the provider whether they did
-- before the instruction stands. Each run keeps the order it charged through.

ALTER TABLE autopay ADD COLUMN reference TEXT NOT NULL DEFAULT '';
ALTER TABLE autopay ADD COLUMN provider_agreement TEXT NOT NULL DEFAULT '';
ALTER TABLE autopay ADD COLUMN sign_url TEXT NOT NULL DEFAULT '';
ALTER TABLE autopay ADD COLUMN active_at BIGINT;
-- The local day of consent: bills falling due from that day on are paid.
ALTER TABLE autopay ADD COLUMN consented_on TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX autopay_by_reference ON autopay (reference);

ALTER TABLE autopay_runs ADD COLUMN order_id BIGINT REFERENCES payment_orders (id);
ALTER TABLE autopay_runs ADD COLUMN amount_fen BIGINT;
ALTER TABLE autopay_runs ADD COLUMN finished_at BIGINT;
CREATE INDEX autopay_runs_by_autopay ON autopay_runs (autopay_id, claimed_at);
