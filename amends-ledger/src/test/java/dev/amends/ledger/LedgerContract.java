package dev.amends.ledger;

import static dev.amends.ledger.Lines.DECEMBER;
import static dev.amends.ledger.Lines.credit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.money.Ratio;
import dev.amends.rules.CreditLine;
import dev.amends.rules.IssuedCredit;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database must do; run on SQLite and on PostgreSQL by the subclasses. */
abstract class LedgerContract {
  DataSource dataSource;
  CreditLedger ledger;

  abstract DataSource newDataSource();

  /** Cuts a connection as a network failure or a server restart would. */
  abstract void lose(Connection c) throws SQLException;

  /** The connections {@link #watched()} handed out. */
  final List<Connection> handedOut = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The data source, remembering the connections it hands out. */
  DataSource watched() {
    return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          try {
            Object result = method.invoke(dataSource, args);
            if (result instanceof Connection c) {
              handedOut.add(c);
            }
            return result;
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @BeforeEach
  void openLedger() {
    dataSource = newDataSource();
    ledger = new CreditLedger(dataSource);
  }

  private int record(CreditLedger l, List<CreditLine> lines) {
    try (LedgerRun run = l.startRun(List.of("sha256:abc"), List.of())) {
      int n = run.record(lines);
      run.finish(new RunCounts(lines.size(), lines.size(), 0));
      return n;
    }
  }

  @Test
  void recordedLinesReadBackExactlyWithCurrencyDaysAndTermEnd() {
    Instant termEnd = Instant.parse("2008-01-03T17:00:00Z");
    record(ledger, List.of(credit("cr-1", "acme", "USD 11.50"),
        Lines.withDays("cr-2/top_up-after-100", "acme", "JPY 1200", Ratio.of(5, 2), termEnd),
        credit("cr-3", "bravo", "EUR 3.00")));

    Map<String, List<IssuedCredit>> issued = ledger.issued(List.of("acme", "bravo", "nobody"), DECEMBER);

    assertThat(issued).containsOnlyKeys("acme", "bravo");
    // read back with the outages each line rests on, which a rolling measurement window reads
    assertThat(issued.get("acme")).containsExactlyInAnyOrder(
        new IssuedCredit("cr-1", Money.parse("USD 11.50"), "grid-sla", "acme-grid", "sla/tiers", Optional.empty(),
            List.of("MAINT-2007-12-01")),
        new IssuedCredit("cr-2/top_up-after-100", Money.parse("JPY 1200"), "grid-sla", "acme-grid", "sla/days",
            Optional.of(Ratio.of(5, 2)), List.of("A", "B")));
    List<RecordedLine> lines = ledger.lines("acme", DECEMBER);
    RecordedLine days = lines.stream().filter(l -> l.key().startsWith("cr-2")).findFirst().orElseThrow();
    assertThat(days.termEnd()).contains(termEnd);
    assertThat(days.kind()).isEqualTo(CreditLine.Kind.TOP_UP);
    assertThat(days.outageIds()).containsExactly("A", "B");
    assertThat(days.periodStart()).hasToString("2007-12-01");
    assertThat(days.periodEnd()).hasToString("2008-01-01");
    RecordedLine usd = lines.stream().filter(l -> l.key().equals("cr-1")).findFirst().orElseThrow();
    // the scale is kept: 11.50, not 11.5 (SQLite would have made it a floating-point 11.5)
    assertThat(usd.amount().getAmount()).hasToString("11.50");
    assertThat(usd.reason()).isEqualTo("availability 99.0591 % < 99.9 % -> 10 % of USD 11.50");
    // another month holds nothing
    assertThat(ledger.issued(List.of("acme"), YearMonth.of(2008, 1))).isEmpty();
  }

  @Test
  void recordingTheSameLinesAgainRecordsNothing() {
    List<CreditLine> lines = List.of(credit("cr-1", "acme", "USD 2.00"), credit("cr-2", "bravo", "USD 3.00"));
    assertThat(record(ledger, lines)).isEqualTo(2);

    assertThat(record(ledger, lines)).isZero();
    // and reopening the ledger (the schema already at version 1) changes nothing
    assertThat(record(new CreditLedger(dataSource), lines)).isZero();
    assertThat(ledger.lines("acme", DECEMBER)).hasSize(1);
  }

  @Test
  void aKeyRecordedWithOtherContentIsAConflictNamingBothAndItsChunkIsNotRecorded() {
    record(ledger, List.of(credit("cr-2", "acme", "USD 2.00")));
    CreditLedger twoPerChunk = ledger.withChunkSize(2);

    try (LedgerRun run = twoPerChunk.startRun(List.of("sha256:abc"), List.of())) {
      // chunks: [cr-0, cr-1], [cr-2 (USD 3.00, conflict), cr-3], [cr-4]
      assertThatThrownBy(() -> run.record(List.of(credit("cr-0", "bravo", "USD 1.00"),
          credit("cr-1", "bravo", "USD 1.00"), credit("cr-2", "acme", "USD 3.00"), credit("cr-3", "charlie", "USD 1.00"),
          credit("cr-4", "charlie", "USD 1.00"))))
          .isInstanceOfSatisfying(LedgerConflictException.class, e -> {
            assertThat(e.key()).isEqualTo("cr-2");
            assertThat(e.recorded().amount()).isEqualTo(Money.parse("USD 2.00"));
            assertThat(e.attempted().amount()).isEqualTo(Money.parse("USD 3.00"));
          })
          .hasMessageContaining("cr-2").hasMessageContaining("USD 2.00").hasMessageContaining("USD 3.00");
      assertThat(run.recorded()).isEqualTo(2);
    }
    // the first chunk is recorded whole; the conflicting chunk and the one after it not at all
    assertThat(ledger.lines("bravo", DECEMBER)).extracting(RecordedLine::key).containsExactly("cr-0", "cr-1");
    assertThat(ledger.lines("charlie", DECEMBER)).isEmpty();
    assertThat(ledger.lines("acme", DECEMBER)).singleElement()
        .satisfies(l -> assertThat(l.amount()).isEqualTo(Money.parse("USD 2.00")));
  }

  @Test
  void aLineWithTheSameMoneyButAnotherWordingOrVersionIsTheSameCredit() {
    record(ledger, List.of(credit("cr-1", "acme", "USD 2.00")));
    CreditLine reworded = new CreditLine("cr-1", CreditLine.Kind.CREDIT, Money.parse("USD 2.00"), Optional.empty(),
        "acme", "acme-grid", Lines.PERIOD, "grid-sla", 2, "sha256:other", "sla/tiers", List.of(), "reworded");

    assertThat(record(ledger, List.of(reworded))).isZero();
  }

  @Test
  void aConnectionLostMidRunFailsNamingTheChunkLeavesOnlyWholeChunksAndTheRunGoesOnOnANewOne() throws SQLException {
    CreditLedger flaky = new CreditLedger(watched()).withChunkSize(2);
    List<CreditLine> lines = List.of(credit("cr-1", "a", "USD 1.00"), credit("cr-2", "a", "USD 1.00"),
        credit("cr-3", "b", "USD 1.00"), credit("cr-4", "b", "USD 1.00"), credit("cr-5", "c", "USD 1.00"));

    try (LedgerRun run = flaky.startRun(List.of("sha256:abc"), List.of())) {
      assertThat(run.record(lines.subList(0, 2))).isEqualTo(2);
      for (Connection c : handedOut) {
        if (!c.isClosed()) {
          lose(c); // the run's connection, kept from chunk to chunk
        }
      }
      assertThatThrownBy(() -> run.record(lines.subList(2, 5))).isInstanceOf(LedgerException.class)
          .hasMessageContaining("chunk 2").hasMessageContaining("the 2 lines of the 1 chunks before it were");
      assertThat(ledger.lines("a", DECEMBER)).hasSize(2);
      assertThat(ledger.lines("b", DECEMBER)).isEmpty();
      assertThat(ledger.lines("c", DECEMBER)).isEmpty();

      // the next call takes a new connection and records the rest
      assertThat(run.record(lines.subList(2, 5))).isEqualTo(3);
      run.finish(new RunCounts(3, 3, 0));
    }
    assertThat(ledger.lines("c", DECEMBER)).hasSize(1);
  }

  @Test
  void recordedLinesCannotBeUpdatedOrDeleted() throws SQLException {
    record(ledger, List.of(credit("cr-1", "acme", "USD 2.00")));

    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeUpdate("UPDATE amends_credit_line SET amount = '20.00'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      assertThatThrownBy(() -> st.executeUpdate("DELETE FROM amends_credit_line"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }
    assertThat(ledger.lines("acme", DECEMBER)).singleElement()
        .satisfies(l -> assertThat(l.amount()).isEqualTo(Money.parse("USD 2.00")));
  }

  @Test
  void aDatabaseWithANewerSchemaIsRefusedNamingBothVersions() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO " + Migrations.HISTORY_TABLE + " (installed_rank, version, description, type, "
          + "script, checksum, installed_by, execution_time, success) VALUES (2, '2', 'from the future', 'SQL', "
          + "'V2__from_the_future.sql', 0, 'test', 0, true)");
    }

    assertThatThrownBy(() -> new CreditLedger(dataSource)).isInstanceOf(LedgerException.class)
        .hasMessageContaining("schema is at version 2").hasMessageContaining("versions up to 1");
  }

  @Test
  void aRunIsRecordedWithItsDigestsCountsAndLinesIssued() {
    LedgerRun run = ledger.startRun(List.of("sha256:p1", "sha256:p2"), List.of("sha256:c1"));
    run.record(List.of(credit("cr-1", "acme", "USD 2.00"), credit("cr-2", "bravo", "USD 3.00")));
    assertThat(ledger.run(run.id()).orElseThrow().finishedAt()).isEmpty();

    run.finish(new RunCounts(6, 5, 1));

    RunRecord r = ledger.run(run.id()).orElseThrow();
    assertThat(r.policyDigests()).containsExactly("sha256:p1", "sha256:p2");
    assertThat(r.campaignDigests()).containsExactly("sha256:c1");
    assertThat(r.counts()).contains(new RunCounts(6, 5, 1));
    assertThat(r.issued()).contains(2L);
    assertThat(r.finishedAt()).isPresent();
    assertThat(ledger.lines("acme", DECEMBER)).singleElement().satisfies(l -> assertThat(l.runId()).isEqualTo(run.id()));
    assertThat(ledger.run("no-such-run")).isEmpty();
  }

  @Test
  void aLargeBatchIsRecordedInChunksAndReadBackInFull() {
    List<CreditLine> lines = new java.util.ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      lines.add(credit("cr-%05d".formatted(i), "acct-%05d".formatted(i), "USD 1.25"));
    }
    assertThat(record(ledger, lines)).isEqualTo(2500);

    java.util.concurrent.atomic.AtomicLong cents = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    ledger.issuedIn(DECEMBER, r -> {
      n.incrementAndGet();
      cents.addAndGet(r.record().amount().getAmountMinorLong());
    });
    assertThat(n).hasValue(2500);
    assertThat(cents).hasValue(312_500); // 2,500 x 1.25 = 3,125.00
  }
}
