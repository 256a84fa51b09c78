-- amends-ledger schema version 1, PostgreSQL. The SQLite file of the same name differs only in
-- column types (text for exact decimals, dates and instants) and in the trigger syntax.

-- One row per run that recorded credits: started when the run begins, finished (with its counts)
-- when it ends; a run that was killed keeps finished_at null.
CREATE TABLE amends_ledger_run (
  run_id           text        PRIMARY KEY,
  started_at       timestamptz NOT NULL,
  finished_at      timestamptz,
  policy_digests   text        NOT NULL,
  campaign_digests text        NOT NULL,
  accounts_read    bigint,
  decided          bigint,
  rejected         bigint,
  issued           bigint
);

-- One row per issued credit line, never updated or deleted: corrections are new top-up and
-- clawback lines with their own keys.
CREATE TABLE amends_credit_line (
  line_key         text        PRIMARY KEY,
  kind             text        NOT NULL CHECK (kind IN ('CREDIT', 'TOP_UP', 'CLAWBACK')),
  account_id       text        NOT NULL,
  subscription_id  text        NOT NULL,
  period_start     date        NOT NULL,
  period_end       date        NOT NULL,
  amount           numeric     NOT NULL,
  currency         char(3)     NOT NULL,
  days_numerator   numeric,
  days_denominator numeric     CHECK (days_denominator > 0),
  term_end         timestamptz,
  policy_id        text        NOT NULL,
  policy_version   integer     NOT NULL,
  policy_digest    text        NOT NULL,
  rule_path        text        NOT NULL,
  outage_ids       text        NOT NULL,
  reason           text        NOT NULL,
  run_id           text        NOT NULL REFERENCES amends_ledger_run (run_id),
  recorded_at      timestamptz NOT NULL,
  CHECK ((days_numerator IS NULL) = (days_denominator IS NULL))
);

CREATE INDEX amends_credit_line_account_period ON amends_credit_line (account_id, period_start);
CREATE INDEX amends_credit_line_period ON amends_credit_line (period_start);

CREATE FUNCTION amends_credit_line_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'amends_credit_line is append-only: % of line % refused; record a top-up or clawback instead',
    TG_OP, OLD.line_key;
END;
$$;

CREATE TRIGGER amends_credit_line_no_update BEFORE UPDATE OR DELETE ON amends_credit_line
  FOR EACH ROW EXECUTE FUNCTION amends_credit_line_append_only();
