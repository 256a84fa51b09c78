package dev.amends.ledger;

import dev.amends.core.money.Ratio;
import dev.amends.rules.CreditLine;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.json.AccountRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The issued-credit ledger: the credit lines of decisions, recorded exactly once in a database,
 * and read back as the issued credits that reconciliation takes.
 *
 * <ul>
 *   <li><b>Idempotent by key.</b> A line's idempotency key is unique in the ledger. Recording a
 *       line whose key is there with the same content (see {@link RecordedLine}) does nothing;
 *       with different content it is a {@link LedgerConflictException} naming both, never an
 *       overwrite. So two runs of the same period at once record each line once.
 *   <li><b>Append-only.</b> Recorded lines are never updated or deleted (the database refuses it
 *       with a trigger). A correction is a new top-up or clawback line, which the engine gives
 *       when it is handed {@link #issued} for the period.
 *   <li><b>Whole chunks.</b> {@link LedgerRun#record} writes lines in chunks of {@link #chunkSize()},
 *       one transaction each: a failure leaves every earlier chunk recorded and nothing of its own,
 *       so a run killed or failed partway is completed by running it again.
 *   <li><b>Exact.</b> Amounts are stored as decimals ({@code numeric} on PostgreSQL) with their
 *       currency; days of service as an exact fraction; the term end as an instant.
 * </ul>
 *
 * <p>Two databases: PostgreSQL, the production target, and SQLite, an embedded file for the
 * command line and for users without a server. The schema is created and migrated by Flyway when
 * a ledger is opened; a database whose schema is newer than this library is refused.
 *
 * <p>Immutable and thread-safe: each call takes a connection from the data source and gives it
 * back, so one instance serves a web backend's requests (give it a pooled data source).
 *
 * <pre>{@code
 * CreditLedger ledger = new CreditLedger(dataSource);
 * Map<String, List<IssuedCredit>> issued = ledger.issued(List.of("acme"), YearMonth.of(2007, 12));
 * DecisionRequest request = DecisionRequest.builder().account(acme).period(december)
 *     .addAllIssued(issued.getOrDefault("acme", List.of())).build();
 * CreditDecision decision = engine.decide(request);               // only the differences
 * try (LedgerRun run = ledger.startRun(List.of(policy.digest()), List.of())) {
 *   run.record(decision.lines());                                 // 0 lines on a repeat
 *   run.finish(new RunCounts(1, 1, 0));
 * }
 * }</pre>
 */
public final class CreditLedger {
  /** The chunk size {@link LedgerRun#record} writes in, unless {@link #withChunkSize} says otherwise. */
  public static final int DEFAULT_CHUNK_SIZE = 1000;

  /** Accounts per {@code IN (...)} list when reading. */
  private static final int ACCOUNTS_PER_QUERY = 500;

  static final String COLUMNS = "line_key, kind, account_id, subscription_id, period_start, period_end, amount, "
      + "currency, days_numerator, days_denominator, term_end, policy_id, policy_version, policy_digest, rule_path, "
      + "outage_ids, reason, run_id, recorded_at";
  static final int COLUMN_COUNT = 19;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final int chunkSize;

  /**
   * Opens the ledger in a database: creates or migrates its tables, and checks the schema is not
   * newer than this library.
   *
   * @param dataSource where the ledger lives: PostgreSQL or SQLite; a pooled one for a server
   * @throws LedgerException if the database cannot be reached, is neither PostgreSQL nor SQLite,
   *     holds a newer schema, or cannot be migrated
   * @throws NullPointerException if {@code dataSource} is null
   */
  public CreditLedger(DataSource dataSource) {
    this(Objects.requireNonNull(dataSource, "dataSource"), open(dataSource), DEFAULT_CHUNK_SIZE);
  }

  private CreditLedger(DataSource dataSource, Dialect dialect, int chunkSize) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.chunkSize = chunkSize;
  }

  /**
   * Opens (creating it if absent) the ledger in an SQLite file, the embedded default. Several
   * processes may use the file at once: it is in write-ahead-log mode, and a writer waits for
   * another (up to two minutes) rather than failing.
   *
   * @param file the database file, such as {@code ledger.db}
   * @throws LedgerException as {@link #CreditLedger(DataSource)}
   */
  public static CreditLedger sqlite(Path file) {
    Objects.requireNonNull(file, "file");
    return new CreditLedger(new UrlDataSource("jdbc:sqlite:" + file, null, null));
  }

  /**
   * Opens the ledger at a JDBC URL, such as {@code jdbc:postgresql://127.0.0.1:5432/billing} or
   * {@code jdbc:sqlite:ledger.db}, with a fresh connection per call (no pool: for a tool, not a
   * server). The driver must be on the class path (the SQLite one comes with this module).
   *
   * @param jdbcUrl the URL
   * @param user the user, or null for none (or one in the URL)
   * @param password the password, or null for none
   * @throws LedgerException as {@link #CreditLedger(DataSource)}
   */
  public static CreditLedger jdbc(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    return new CreditLedger(new UrlDataSource(jdbcUrl, user, password));
  }

  /**
   * The same ledger, recording in chunks of {@code size} lines, one transaction each.
   *
   * @throws IllegalArgumentException if {@code size} is not between 1 and 1000
   */
  public CreditLedger withChunkSize(int size) {
    if (size < 1 || size > DEFAULT_CHUNK_SIZE) {
      throw new IllegalArgumentException("chunkSize must be between 1 and " + DEFAULT_CHUNK_SIZE + ", not " + size);
    }
    return new CreditLedger(dataSource, dialect, size);
  }

  /** How many lines {@link LedgerRun#record} writes per transaction. */
  public int chunkSize() {
    return chunkSize;
  }

  /** The database's kind: {@code "PostgreSQL"} or {@code "SQLite"}. */
  public String database() {
    return dialect == Dialect.POSTGRESQL ? "PostgreSQL" : "SQLite";
  }

  private static Dialect open(DataSource dataSource) {
    Dialect dialect = null;
    // Switching a new SQLite file to WAL needs the file to itself: a process opening the same new
    // file at that moment gets SQLITE_BUSY at once (SQLite does not wait there, busy_timeout or
    // not), so that step is tried again a few times before it counts as a failure.
    for (int attempt = 1; dialect == null; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        Dialect d = Dialect.of(c);
        d.prepare(c);
        if (d == Dialect.SQLITE) {
          try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL"); // kept in the file: readers never block the writer
          }
        }
        dialect = d;
      } catch (SQLException e) {
        if (attempt >= OPEN_ATTEMPTS || !sqliteBusy(e)) {
          throw new LedgerException("cannot open the ledger at " + dataSource + ": " + e.getMessage(), e);
        }
        pause(attempt);
      }
    }
    Migrations.migrate(dataSource, dialect);
    return dialect;
  }

  /** How many times opening a SQLite file that another process is setting up is tried. */
  private static final int OPEN_ATTEMPTS = 20;

  private static boolean sqliteBusy(SQLException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED");
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(50L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException("interrupted while opening the ledger", e);
    }
  }

  /**
   * The credits recorded for each of the accounts for its billing period starting in {@code
   * month}, as reconciliation takes them ({@code DecisionRequest.Builder.addAllIssued}). Accounts
   * with none are absent from the map.
   *
   * @param accountIds the accounts
   * @param month the month the billing periods start in, such as 2007-12
   * @throws LedgerException if the database cannot be read
   */
  public Map<String, List<IssuedCredit>> issued(Collection<String> accountIds, YearMonth month) {
    Map<String, List<IssuedCredit>> out = new LinkedHashMap<>();
    for (RecordedLine line : lines(accountIds, month)) {
      out.computeIfAbsent(line.accountId(), k -> new ArrayList<>()).add(line.issued());
    }
    return out;
  }

  /**
   * Every credit recorded for a billing period starting in {@code month}, of any account, with its
   * account and period's first day, in key order by account: for a batch over a whole fleet.
   * Streams: holds one row at a time.
   *
   * @throws LedgerException if the database cannot be read
   */
  public void issuedIn(YearMonth month, Consumer<AccountRecord<IssuedCredit>> sink) {
    Objects.requireNonNull(sink, "sink");
    String sql = "SELECT " + COLUMNS + " FROM amends_credit_line WHERE period_start >= ? AND period_start < ? "
        + "ORDER BY account_id, line_key";
    try (Connection c = connection()) {
      c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(5000);
        dialect.bind(ps, 1, month.atDay(1));
        dialect.bind(ps, 2, month.plusMonths(1).atDay(1));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            RecordedLine line = line(rs);
            sink.accept(new AccountRecord<>(line.accountId(), Optional.of(line.periodStart()), line.issued()));
          }
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new LedgerException("cannot read the credits recorded for periods starting in " + month + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The lines recorded for an account for its billing period starting in {@code month}, in the
   * order they were recorded: what a billing page shows, with reasons and outages.
   *
   * @throws LedgerException if the database cannot be read
   */
  public List<RecordedLine> lines(String accountId, YearMonth month) {
    return lines(List.of(Objects.requireNonNull(accountId, "accountId")), month);
  }

  private List<RecordedLine> lines(Collection<String> accountIds, YearMonth month) {
    Objects.requireNonNull(month, "month");
    List<String> ids = List.copyOf(accountIds);
    List<RecordedLine> out = new ArrayList<>();
    try (Connection c = connection()) {
      for (int from = 0; from < ids.size(); from += ACCOUNTS_PER_QUERY) {
        List<String> part = ids.subList(from, Math.min(ids.size(), from + ACCOUNTS_PER_QUERY));
        String sql = "SELECT " + COLUMNS + " FROM amends_credit_line WHERE period_start >= ? AND period_start < ? "
            + "AND account_id IN (" + placeholders(part.size()) + ") ORDER BY account_id, recorded_at, line_key";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          dialect.bind(ps, 1, month.atDay(1));
          dialect.bind(ps, 2, month.plusMonths(1).atDay(1));
          for (int i = 0; i < part.size(); i++) {
            ps.setString(3 + i, part.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(line(rs));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new LedgerException("cannot read the credits recorded for periods starting in " + month + ": "
          + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Starts a run: records its id, start and the digests of what it decides with. Record its lines
   * with {@link LedgerRun#record}, then {@link LedgerRun#finish} it with its counts.
   *
   * @param policyDigests the digests of the policies the run decides with
   * @param campaignDigests the digests of its goodwill campaigns (may be empty)
   * @throws LedgerException if the run cannot be recorded
   */
  public LedgerRun startRun(List<String> policyDigests, List<String> campaignDigests) {
    String id = UUID.randomUUID().toString();
    Instant started = Instant.now();
    try (Connection c = connection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO amends_ledger_run (run_id, started_at, policy_digests, campaign_digests) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, id);
      dialect.bind(ps, 2, started);
      ps.setString(3, String.join(" ", policyDigests));
      ps.setString(4, String.join(" ", campaignDigests));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new LedgerException("cannot record the start of a run: " + e.getMessage(), e);
    }
    return new LedgerRun(this, id);
  }

  /**
   * A run as recorded, if there is one with this id.
   *
   * @throws LedgerException if the database cannot be read
   */
  public Optional<RunRecord> run(String runId) {
    try (Connection c = connection();
        PreparedStatement ps = c.prepareStatement("SELECT run_id, started_at, finished_at, policy_digests, "
            + "campaign_digests, accounts_read, decided, rejected, issued FROM amends_ledger_run WHERE run_id = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Optional<Instant> finished = Optional.ofNullable(dialect.instant(rs, "finished_at"));
        Optional<RunCounts> counts = finished.isEmpty() ? Optional.empty()
            : Optional.of(new RunCounts(rs.getLong("accounts_read"), rs.getLong("decided"), rs.getLong("rejected")));
        Optional<Long> issued = finished.map(f -> {
          try {
            return rs.getLong("issued");
          } catch (SQLException e) {
            throw new LedgerException("cannot read run " + runId + ": " + e.getMessage(), e);
          }
        });
        return Optional.of(new RunRecord(rs.getString("run_id"), dialect.instant(rs, "started_at"), finished,
            words(rs.getString("policy_digests")), words(rs.getString("campaign_digests")), counts, issued));
      }
    } catch (SQLException e) {
      throw new LedgerException("cannot read run " + runId + ": " + e.getMessage(), e);
    }
  }

  // ---- for LedgerRun

  Connection connection() throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      dialect.prepare(c);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  Dialect dialect() {
    return dialect;
  }

  static String placeholders(int n) {
    StringBuilder sb = new StringBuilder(n * 3);
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "?" : ", ?");
    }
    return sb.toString();
  }

  /** Binds a line's 19 columns from {@code at}. */
  void bind(PreparedStatement ps, int at, CreditLine line, String runId, Instant recordedAt) throws SQLException {
    ps.setString(at, line.key());
    ps.setString(at + 1, line.kind().name());
    ps.setString(at + 2, line.accountId());
    ps.setString(at + 3, line.subscriptionId());
    dialect.bind(ps, at + 4, line.period().startDate());
    dialect.bind(ps, at + 5, line.period().endDate());
    ps.setBigDecimal(at + 6, line.amount().getAmount());
    ps.setString(at + 7, line.amount().getCurrencyUnit().getCode());
    Optional<Ratio> days = line.days();
    ps.setBigDecimal(at + 8, days.map(d -> new BigDecimal(d.numerator())).orElse(null));
    ps.setBigDecimal(at + 9, days.map(d -> new BigDecimal(d.denominator())).orElse(null));
    dialect.bind(ps, at + 10, line.extendsTermTo().orElse(null));
    ps.setString(at + 11, line.policyId());
    ps.setInt(at + 12, line.policyVersion());
    ps.setString(at + 13, line.policyDigest());
    ps.setString(at + 14, line.rulePath());
    ps.setString(at + 15, String.join("\n", line.outageIds()));
    ps.setString(at + 16, line.reason());
    ps.setString(at + 17, runId);
    dialect.bind(ps, at + 18, recordedAt);
  }

  /** The row at the result set's cursor. */
  RecordedLine line(ResultSet rs) throws SQLException {
    CurrencyUnit currency = CurrencyUnit.of(rs.getString("currency").trim());
    BigDecimal num = rs.getBigDecimal("days_numerator");
    BigDecimal den = rs.getBigDecimal("days_denominator");
    Optional<Ratio> days = num == null ? Optional.empty()
        : Optional.of(Ratio.of(num.toBigIntegerExact(), den.toBigIntegerExact()));
    String outages = rs.getString("outage_ids");
    return new RecordedLine(
        rs.getString("line_key"),
        CreditLine.Kind.valueOf(rs.getString("kind")),
        Money.of(currency, rs.getBigDecimal("amount")),
        days,
        Optional.ofNullable(dialect.instant(rs, "term_end")),
        rs.getString("account_id"),
        rs.getString("subscription_id"),
        dialect.date(rs, "period_start"),
        dialect.date(rs, "period_end"),
        rs.getString("policy_id"),
        rs.getInt("policy_version"),
        rs.getString("policy_digest"),
        rs.getString("rule_path"),
        outages.isEmpty() ? List.of() : Arrays.asList(outages.split("\n", -1)),
        rs.getString("reason"),
        rs.getString("run_id"),
        dialect.instant(rs, "recorded_at"));
  }

  private static List<String> words(String s) {
    return s == null || s.isEmpty() ? List.of() : List.of(s.split(" "));
  }

  @Override
  public String toString() {
    return "CreditLedger[" + database() + " at " + dataSource + "]";
  }
}
