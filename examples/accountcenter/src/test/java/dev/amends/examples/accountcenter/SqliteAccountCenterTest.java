package dev.amends.examples.accountcenter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** AccountCenter on the embedded database: a new SQLite file per class. */
class SqliteAccountCenterTest extends AccountCenterContract {
  @Override
  String expectedDatabase() {
    return "SQLite";
  }

  @Override
  Map<String, Object> database() {
    try {
      Path dir = Files.createTempDirectory("accountcenter");
      dir.toFile().deleteOnExit();
      return Map.of("spring.datasource.url", "jdbc:sqlite:" + dir.resolve("ledger.db"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
