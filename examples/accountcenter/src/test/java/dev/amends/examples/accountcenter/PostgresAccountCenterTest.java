package dev.amends.examples.accountcenter;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * AccountCenter on PostgreSQL, in a new schema of the server {@code AMENDS_PG_URL} names ({@code
 * eval "$(bash .ci/postgres.sh start)"} starts one), with {@code AMENDS_PG_USER} and {@code
 * AMENDS_PG_PASSWORD}: the same variables and rules as amends-ledger's tests. Without the URL the
 * class is skipped, saying so; with {@code AMENDS_PG_REQUIRED=true} (as CI sets it) it fails instead.
 */
class PostgresAccountCenterTest extends AccountCenterContract {
  @Override
  String expectedDatabase() {
    return "PostgreSQL";
  }

  @Override
  Map<String, Object> database() {
    String url = System.getenv("AMENDS_PG_URL");
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("AMENDS_PG_REQUIRED"))) {
        fail("AMENDS_PG_REQUIRED is true but AMENDS_PG_URL is not set: start a server with .ci/postgres.sh");
      }
      assumeTrue(false, "AMENDS_PG_URL is not set: PostgreSQL tests skipped "
          + "(eval \"$(bash .ci/postgres.sh start)\" to run them)");
    }
    String user = System.getenv("AMENDS_PG_USER");
    String password = System.getenv("AMENDS_PG_PASSWORD");
    String schema = "accountcenter_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
    try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new AssertionError("cannot create schema " + schema + " at " + url + ": " + e.getMessage(), e);
    }
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    if (user != null) {
      properties.put("spring.datasource.username", user);
    }
    if (password != null) {
      properties.put("spring.datasource.password", password);
    }
    return properties;
  }
}
