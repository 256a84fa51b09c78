package dev.amends.ledger;

import javax.sql.DataSource;

/** The ledger contract on PostgreSQL (skipped, saying so, without {@code AMENDS_PG_URL}). */
class PostgresLedgerTest extends LedgerContract {
  @Override
  DataSource newDataSource() {
    return Databases.postgres();
  }

  @Override
  void lose(java.sql.Connection c) throws java.sql.SQLException {
    // the server ends the session, as a restart or a failover would
    try (java.sql.Connection admin = dataSource.getConnection(); java.sql.Statement st = admin.createStatement();
        java.sql.Statement own = c.createStatement();
        java.sql.ResultSet pid = own.executeQuery("SELECT pg_backend_pid()")) {
      pid.next();
      st.execute("SELECT pg_terminate_backend(" + pid.getInt(1) + ", 10000)");
    }
  }
}
