-- amends-ledger schema version 1, SQLite. The same tables as the PostgreSQL file of the same name;
-- decimals, dates and instants are text (SQLite's numeric affinity would turn 12.50 into a
-- floating-point 12.5), written and read by the library as exact decimals and ISO-8601.

CREATE TABLE amends_ledger_run (
  run_id           text    PRIMARY KEY,
  started_at       text    NOT NULL,
  finished_at      text,
  policy_digests   text    NOT NULL,
  campaign_digests text    NOT NULL,
  accounts_read    integer,
  decided          integer,
  rejected         integer,
  issued           integer
);

CREATE TABLE amends_credit_line (
  line_key         text    PRIMARY KEY,
  kind             text    NOT NULL CHECK (kind IN ('CREDIT', 'TOP_UP', 'CLAWBACK')),
  account_id       text    NOT NULL,
  subscription_id  text    NOT NULL,
  period_start     text    NOT NULL,
  period_end       text    NOT NULL,
  amount           text    NOT NULL,
  currency         text    NOT NULL,
  days_numerator   text,
  days_denominator text,
  term_end         text,
  policy_id        text    NOT NULL,
  policy_version   integer NOT NULL,
  policy_digest    text    NOT NULL,
  rule_path        text    NOT NULL,
  outage_ids       text    NOT NULL,
  reason           text    NOT NULL,
  run_id           text    NOT NULL REFERENCES amends_ledger_run (run_id),
  recorded_at      text    NOT NULL,
  CHECK ((days_numerator IS NULL) = (days_denominator IS NULL))
);

CREATE INDEX amends_credit_line_account_period ON amends_credit_line (account_id, period_start);
CREATE INDEX amends_credit_line_period ON amends_credit_line (period_start);

CREATE TRIGGER amends_credit_line_no_update BEFORE UPDATE ON amends_credit_line
BEGIN
  SELECT RAISE(ABORT, 'amends_credit_line is append-only: UPDATE refused; record a top-up or clawback instead');
END;

CREATE TRIGGER amends_credit_line_no_delete BEFORE DELETE ON amends_credit_line
BEGIN
  SELECT RAISE(ABORT, 'amends_credit_line is append-only: DELETE refused; record a top-up or clawback instead');
END;
