package dev.amends.ledger;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The ledger's schema, migrated by Flyway from the SQL files of the dialect, and the check that
 * the database is not newer than this library.
 *
 * <p>The files are handed to Flyway by name (a resource provider reading them from this class's
 * module), not found by scanning the class path: scanning does not see resources inside a named
 * module, nor always inside a shaded jar. The history table is {@code amends_ledger_schema_history},
 * so an application's own Flyway history in the same database is left alone.
 */
final class Migrations {
  /** The schema files, oldest first; the same names for every dialect. */
  private static final List<String> FILES = List.of("V1__credit_ledger.sql");

  /** The newest schema version this library knows. */
  static final MigrationVersion LATEST = MigrationVersion.fromVersion("1");

  static final String HISTORY_TABLE = "amends_ledger_schema_history";

  private Migrations() {}

  /**
   * Checks the schema's version and brings it up to {@link #LATEST}.
   *
   * @throws LedgerException if the database holds a newer schema than this library, or a migration
   *     fails
   */
  static void migrate(DataSource dataSource, Dialect dialect) {
    Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .table(HISTORY_TABLE)
        .resourceProvider(new Files(dialect))
        .locations("classpath:dev/amends/ledger/schema/" + dialect.folder)
        .cleanDisabled(true)
        // a newer schema is refused below, with a message that says so
        .ignoreMigrationPatterns("*:future")
        .load();
    // PostgreSQL: Flyway holds an advisory lock while it migrates. SQLite has none, so processes
    // opening a new file at once race to create the tables; the losers' transactions roll back,
    // and on a second look they find the schema migrated.
    int attempts = dialect == Dialect.SQLITE ? 10 : 1;
    for (int attempt = 1; ; attempt++) {
      try {
        checkNotNewer(flyway);
        flyway.migrate();
        checkNotNewer(flyway);
        return;
      } catch (FlywayException e) {
        if (attempt >= attempts) {
          throw new LedgerException("the ledger's schema could not be checked or migrated to version " + LATEST + ": "
              + e.getMessage(), e);
        }
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException i) {
          Thread.currentThread().interrupt();
          throw new LedgerException("interrupted while migrating the ledger's schema", i);
        }
      }
    }
  }

  private static void checkNotNewer(Flyway flyway) {
    MigrationInfo current = flyway.info().current();
    if (current != null && current.getVersion() != null && current.getVersion().compareTo(LATEST) > 0) {
      throw new LedgerException("the ledger's schema is at version " + current.getVersion() + " (" 
          + current.getDescription() + "), newer than this amends-ledger, which knows versions up to " + LATEST
          + "; use the amends-ledger that migrated it, or a newer one");
    }
  }

  /** The dialect's schema files, read from this module. */
  private static final class Files implements ResourceProvider {
    private final List<LoadableResource> resources = new ArrayList<>();

    Files(Dialect dialect) {
      for (String name : FILES) {
        resources.add(new SchemaFile("dev/amends/ledger/schema/" + dialect.folder + "/" + name, name));
      }
    }

    @Override
    public LoadableResource getResource(String name) {
      for (LoadableResource r : resources) {
        if (r.getFilename().equals(name) || r.getAbsolutePath().equals(name)) {
          return r;
        }
      }
      return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
      List<LoadableResource> out = new ArrayList<>();
      for (LoadableResource r : resources) {
        if (r.getFilename().startsWith(prefix) && endsWithAny(r.getFilename(), suffixes)) {
          out.add(r);
        }
      }
      return out;
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
      for (String s : suffixes) {
        if (name.endsWith(s)) {
          return true;
        }
      }
      return false;
    }
  }

  /** One schema file. */
  private static final class SchemaFile extends LoadableResource {
    private final String path;
    private final String name;

    SchemaFile(String path, String name) {
      this.path = path;
      this.name = name;
    }

    @Override
    public Reader read() {
      InputStream in = Migrations.class.getResourceAsStream("/" + path);
      if (in == null) {
        throw new UncheckedIOException(new IOException("schema file " + path + " is missing from amends-ledger"));
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return path;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return path;
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public String getRelativePath() {
      return name;
    }
  }
}
