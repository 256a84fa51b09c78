package dev.amends.ledger;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The databases the tests run on: a new SQLite file, or a new schema in the PostgreSQL server
 * that {@code AMENDS_PG_URL} names ({@code .ci/postgres.sh start} prints it), with {@code
 * AMENDS_PG_USER} and {@code AMENDS_PG_PASSWORD}. Without that variable the PostgreSQL tests are
 * skipped, saying so; with {@code AMENDS_PG_REQUIRED=true} (as CI sets it) they fail instead.
 */
final class Databases {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private Databases() {}

  static DataSource sqlite(Path dir) {
    return new UrlDataSource("jdbc:sqlite:" + dir.resolve("ledger.db"), null, null);
  }

  /** A data source on a new, empty schema of the test server; skips (or fails, in CI) without one. */
  static DataSource postgres() {
    String url = System.getenv("AMENDS_PG_URL");
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("AMENDS_PG_REQUIRED"))) {
        fail("AMENDS_PG_REQUIRED is true but AMENDS_PG_URL is not set: start a server with .ci/postgres.sh");
      }
      assumeTrue(false, "AMENDS_PG_URL is not set: PostgreSQL tests skipped (eval \"$(bash .ci/postgres.sh start)\" to run them)");
    }
    String user = System.getenv("AMENDS_PG_USER");
    String password = System.getenv("AMENDS_PG_PASSWORD");
    String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet() + "_" + System.nanoTime() % 100000;
    try (Connection c = new UrlDataSource(url, user, password).getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new AssertionError("cannot create schema " + schema + " at " + url + ": " + e.getMessage(), e);
    }
    return new UrlDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
  }
}
