package dev.amends.ledger;

import dev.amends.ledger.fixtures.TestPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The databases the tests run on: a new SQLite file, or a new schema in the PostgreSQL server
 * that {@code AMENDS_PG_URL} names (see {@link TestPostgres}: skipped without it, saying so;
 * failed instead with {@code AMENDS_PG_REQUIRED=true}, as in CI).
 */
final class Databases {
  private Databases() {}

  static DataSource sqlite(Path dir) {
    return new UrlDataSource("jdbc:sqlite:" + dir.resolve("ledger.db"), null, null);
  }

  /** A data source on a new, empty schema of the test server; skips (or fails, in CI) without one. */
  static DataSource postgres() {
    TestPostgres.Schema s = TestPostgres.newSchema("t");
    return new UrlDataSource(s.url(), s.user(), s.password());
  }
}
