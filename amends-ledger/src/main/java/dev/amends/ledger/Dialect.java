package dev.amends.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The one seam between the two databases. The statements are the same text on both; what differs
 * is the schema file (column types, trigger syntax), how dates and instants are bound and read
 * (PostgreSQL {@code date} and {@code timestamptz}; SQLite ISO-8601 text), and SQLite's
 * per-connection wait for a busy file. Decimals are bound with {@code setBigDecimal} on both: the
 * SQLite driver binds them as text, which a text column keeps exactly.
 */
enum Dialect {
  POSTGRESQL("postgresql") {
    @Override
    void bind(PreparedStatement ps, int i, LocalDate date) throws SQLException {
      ps.setObject(i, date);
    }

    @Override
    void bind(PreparedStatement ps, int i, Instant instant) throws SQLException {
      ps.setObject(i, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    LocalDate date(ResultSet rs, String column) throws SQLException {
      return rs.getObject(column, LocalDate.class);
    }

    @Override
    Instant instant(ResultSet rs, String column) throws SQLException {
      OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
      return t == null ? null : t.toInstant();
    }
  },

  SQLITE("sqlite") {
    @Override
    void bind(PreparedStatement ps, int i, LocalDate date) throws SQLException {
      ps.setString(i, date.toString());
    }

    @Override
    void bind(PreparedStatement ps, int i, Instant instant) throws SQLException {
      ps.setString(i, instant == null ? null : instant.toString());
    }

    @Override
    LocalDate date(ResultSet rs, String column) throws SQLException {
      return LocalDate.parse(rs.getString(column));
    }

    @Override
    Instant instant(ResultSet rs, String column) throws SQLException {
      String s = rs.getString(column);
      return s == null ? null : Instant.parse(s);
    }

    @Override
    void prepare(Connection c) throws SQLException {
      try (Statement st = c.createStatement()) {
        // another process writing: wait for it rather than fail at once
        st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
        st.execute("PRAGMA foreign_keys = ON");
      }
    }
  };

  /** How long an SQLite connection waits for another writer, in milliseconds. */
  static final int BUSY_TIMEOUT_MILLIS = 120_000;

  /** The folder of this dialect's schema files, under {@code dev/amends/ledger/schema/}. */
  final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  abstract void bind(PreparedStatement ps, int i, LocalDate date) throws SQLException;

  abstract void bind(PreparedStatement ps, int i, Instant instant) throws SQLException;

  abstract LocalDate date(ResultSet rs, String column) throws SQLException;

  abstract Instant instant(ResultSet rs, String column) throws SQLException;

  /** Sets up a connection just taken from the data source. */
  void prepare(Connection c) throws SQLException {}

  /**
   * The dialect of a connection's database.
   *
   * @throws LedgerException naming the product if it is neither PostgreSQL nor SQLite
   */
  static Dialect of(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName();
    String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (p.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (p.contains("sqlite")) {
      return SQLITE;
    }
    throw new LedgerException("the ledger's database is " + product + "; amends-ledger supports PostgreSQL and SQLite");
  }
}
