package dev.amends.ledger;

import javax.sql.DataSource;

/** The ledger contract on PostgreSQL (skipped, saying so, without {@code AMENDS_PG_URL}). */
class PostgresLedgerTest extends LedgerContract {
  @Override
  DataSource newDataSource() {
    return Databases.postgres();
  }
}
