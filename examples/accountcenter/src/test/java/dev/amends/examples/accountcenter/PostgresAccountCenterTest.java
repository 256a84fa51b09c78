package dev.amends.examples.accountcenter;

import dev.amends.ledger.fixtures.TestPostgres;
import java.util.HashMap;
import java.util.Map;

/**
 * AccountCenter on PostgreSQL, in a new schema of the server {@code AMENDS_PG_URL} names ({@code
 * eval "$(bash .ci/postgres.sh start)"} starts one), with {@code AMENDS_PG_USER} and {@code
 * AMENDS_PG_PASSWORD}, through amends-ledger's {@link TestPostgres}, as its tests. Without the URL
 * the class is skipped, saying so; with {@code AMENDS_PG_REQUIRED=true} (as CI sets it) it fails
 * instead.
 */
class PostgresAccountCenterTest extends AccountCenterContract {
  @Override
  String expectedDatabase() {
    return "PostgreSQL";
  }

  @Override
  Map<String, Object> database() {
    TestPostgres.Schema s = TestPostgres.newSchema("accountcenter_");
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", s.url());
    if (s.user() != null) {
      properties.put("spring.datasource.username", s.user());
    }
    if (s.password() != null) {
      properties.put("spring.datasource.password", s.password());
    }
    return properties;
  }
}
