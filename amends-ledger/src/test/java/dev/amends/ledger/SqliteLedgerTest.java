package dev.amends.ledger;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on an SQLite file. */
class SqliteLedgerTest extends LedgerContract {
  @TempDir
  Path tmp;

  @Override
  DataSource newDataSource() {
    return Databases.sqlite(tmp);
  }

  @Override
  void lose(java.sql.Connection c) throws java.sql.SQLException {
    c.close(); // an embedded file has no network: the nearest is a connection closed under the ledger
  }
}
