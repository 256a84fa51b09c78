package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.run;
import static dev.amends.cli.LedgerTargets.credit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import dev.amends.cli.LedgerTargets.Target;
import dev.amends.core.time.BillingPeriod;
import dev.amends.ledger.CreditLedger;
import dev.amends.ledger.LedgerRun;
import dev.amends.ledger.RunCounts;
import dev.amends.rules.CreditLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code credit --ledger} and {@code --dry-run}, in process, on SQLite and PostgreSQL. */
class LedgerCliTest {
  static final Path SEED_ACCOUNTS = Path.of(AmendsCliTest.ACCOUNTS);

  @TempDir
  Path tmp;

  /** The seed example with its campaign: 10 lines, USD 321.50 and EUR 63.00 (examples/grid-2007/README.md). */
  void aSecondIdenticalRunRecordsNothingAndSaysSo(Target ledger) throws IOException {
    Run first = run(credit(SEED_ACCOUNTS, tmp.resolve("first.ndjson"), "--ledger", ledger.argument()));
    Run second = run(credit(SEED_ACCOUNTS, tmp.resolve("second.ndjson"), "--ledger", ledger.argument()));

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).contains("ledger: 0 credit lines issued for periods starting in 2007-12")
        .contains("ledger: recorded 10 credit lines in ");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.err()).contains("ledger: 10 credit lines issued").contains("ledger: recorded 0 credit lines in ");
    assertThat(Files.readAllLines(tmp.resolve("second.ndjson"))).hasSize(6)
        .allSatisfy(l -> assertThat(l).contains("\"lines\":[]"));
    Map<String, Money> recorded = ledger.lines();
    assertThat(recorded).isEqualTo(LedgerTargets.linesOf(tmp.resolve("first.ndjson"))).hasSize(10);
    assertThat(recorded.values().stream().filter(m -> m.getCurrencyUnit().getCode().equals("USD"))
        .reduce(Money::plus)).contains(Money.parse("USD 321.50"));
    assertThat(recorded.values().stream().filter(m -> m.getCurrencyUnit().getCode().equals("EUR"))
        .reduce(Money::plus)).contains(Money.parse("EUR 63.00"));
  }

  @Test
  void aSecondIdenticalRunRecordsNothingOnSqlite() throws IOException {
    aSecondIdenticalRunRecordsNothingAndSaysSo(LedgerTargets.sqlite(tmp));
  }

  @Test
  void aSecondIdenticalRunRecordsNothingOnPostgres() throws IOException {
    aSecondIdenticalRunRecordsNothingAndSaysSo(LedgerTargets.postgres());
  }

  @Test
  void aDryRunShowsWhatWouldBeRecordedAndRecordsNothing() throws IOException {
    Target ledger = LedgerTargets.sqlite(tmp);

    Run dry = run(credit(SEED_ACCOUNTS, tmp.resolve("dry.ndjson"), "--ledger", ledger.argument(), "--dry-run"));

    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.err()).contains("would record 10 credit lines").contains("nothing was recorded");
    assertThat(Path.of(ledger.argument())).doesNotExist();
    assertThat(LedgerTargets.linesOf(tmp.resolve("dry.ndjson"))).hasSize(10);

    run(credit(SEED_ACCOUNTS, tmp.resolve("real.ndjson"), "--ledger", ledger.argument()));
    Run again = run(credit(SEED_ACCOUNTS, tmp.resolve("again.ndjson"), "--ledger", ledger.argument(), "--dry-run"));
    assertThat(again.err()).contains("would record 0 credit lines");
    assertThat(ledger.lines()).hasSize(10);
  }

  @Test
  void aPasswordOnTheCommandLineIsRefused() {
    for (String url : List.of("jdbc:postgresql://billing:s3cret@127.0.0.1:5432/ledger",
        "jdbc:postgresql://127.0.0.1:5432/ledger?user=billing&password=s3cret")) {
      Run r = run(credit(SEED_ACCOUNTS, tmp.resolve("out.ndjson"), "--ledger", url));

      assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("AMENDS_LEDGER_PASSWORD").contains("never on the command line")
          .doesNotContain("s3cret");
    }
  }

  @Test
  void theLedgerIsNotCombinedWithPreviousRunsOrDryRunWithoutALedger() throws IOException {
    Path previous = Files.writeString(tmp.resolve("previous.ndjson"), "");

    Run both = run(credit(SEED_ACCOUNTS, tmp.resolve("out.ndjson"), "--ledger", tmp.resolve("l.db").toString(),
        "--previous", previous.toString()));
    Run dryAlone = run(credit(SEED_ACCOUNTS, tmp.resolve("out.ndjson"), "--dry-run"));

    assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).contains("do not give --issued or --previous with it");
    assertThat(dryAlone.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(dryAlone.err()).contains("--dry-run needs --ledger");
  }

  /** The ledger is read for one month at the start of a run, so a run over several months is refused. */
  @Test
  void theLedgerDecidesOneMonthPerRun() {
    Path db = tmp.resolve("l.db");

    Run touched = run(credit(SEED_ACCOUNTS, tmp.resolve("out.ndjson"), "--ledger", db.toString(), "--periods-touched"));

    assertThat(touched.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(touched.err()).contains("--ledger decides one billing month per run");
    assertThat(db).doesNotExist();
    assertThat(tmp.resolve("out.ndjson")).doesNotExist();
  }

  /**
   * A line already recorded under a key the run gives with other content (here: recorded for
   * another account, so the run does not read it as issued) stops the run with exit 1, naming
   * it; whole chunks recorded before it stay, and nothing after.
   */
  @Test
  void aConflictingLineStopsTheRunWithExitOneAndLeavesWholeChunks() throws IOException {
    Path accounts = Fleet.write(tmp.resolve("accounts.ndjson"), Fleet.accounts(600));
    Run plain = run(credit(accounts, tmp.resolve("plain.ndjson")));
    Map<String, Money> all = LedgerTargets.linesOf(tmp.resolve("plain.ndjson"));
    // a key of the last account credited: every chunk before its own is recorded first
    List<String> decisions = Files.readAllLines(tmp.resolve("plain.ndjson"));
    java.util.regex.Matcher m = DeterminismTest.KEY.matcher(decisions.reversed().stream()
        .filter(l -> DeterminismTest.KEY.matcher(l).find()).findFirst().orElseThrow());
    assertThat(m.find()).isTrue();
    String key = m.group(1);
    Target ledger = LedgerTargets.sqlite(tmp);
    CreditLedger planted = ledger.open();
    try (LedgerRun run = planted.startRun(List.of("sha256:planted"), List.of())) {
      run.record(List.of(new CreditLine(key, CreditLine.Kind.CREDIT, Money.parse("USD 99.00"), Optional.empty(),
          "someone-else", "someone-else-grid", BillingPeriod.month(LedgerTargets.DECEMBER, ZoneId.of("America/New_York")),
          "grid-sla", 1, "sha256:planted", "sla/tiers", List.of(), "planted")));
      run.finish(new RunCounts(1, 1, 0));
    }

    Run r = run(credit(accounts, tmp.resolve("out.ndjson"), "--ledger", ledger.argument(), "--ledger-chunk", "50"));

    assertThat(plain.exit()).isZero();
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err()).contains("credit line " + key + " is already recorded with different content")
        .contains("USD 99.00").contains("run the same command again");
    long recorded = ledger.lines().size() - 1; // less the planted line
    assertThat(recorded % 50).as("whole chunks of 50 only: " + recorded).isZero();
    assertThat(recorded).isLessThan(all.size()).isGreaterThan(all.size() - 100);
  }
}
