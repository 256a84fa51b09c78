package dev.amends.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on an SQLite file, and what only a file can do. */
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

  /** Two command-line runs started at once on a file that does not exist yet both migrate it. */
  @Test
  void severalOpeningANewFileAtOnceAllFindItMigrated() throws Exception {
    Path file = tmp.resolve("new.db");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<CreditLedger>> opened = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        opened.add(pool.submit(() -> {
          go.await();
          return CreditLedger.sqlite(file);
        }));
      }
      go.countDown();
      for (Future<CreditLedger> f : opened) {
        assertThat(f.get().database()).isEqualTo("SQLite");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(CreditLedger.sqlite(file).issued(List.of("acme"), Lines.DECEMBER)).isEmpty();
  }
}
