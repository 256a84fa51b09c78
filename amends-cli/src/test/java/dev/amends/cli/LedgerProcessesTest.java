package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.run;
import static dev.amends.cli.LedgerTargets.credit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import dev.amends.cli.LedgerTargets.Target;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's faults between real processes: two {@code amends credit} runs of the same period
 * over the same accounts at once, and a run killed with SIGKILL partway then run again. On SQLite
 * and on PostgreSQL. The fleet is {@value #SIZE} accounts with the grid-2007 campaign (every
 * account a goodwill line, a third of them an SLA credit too); the 10,000-account figures
 * are run by hand (README, "Recording issued credits").
 */
class LedgerProcessesTest {
  static final int SIZE = 2000;
  static final Pattern RECORDED = Pattern.compile("ledger: recorded (\\d+) credit lines");

  @TempDir
  static Path fleet;

  static Path accounts;
  /** The lines of one run without a ledger: what the ledger must hold in the end, key to amount. */
  static Map<String, Money> single;

  @TempDir
  Path tmp;

  @BeforeAll
  static void decideTheFleetOnceWithoutALedger() throws IOException {
    accounts = Fleet.write(fleet.resolve("accounts.ndjson"), Fleet.accounts(SIZE));
    Run plain = run(credit(accounts, fleet.resolve("single.ndjson")));
    assertThat(plain.exit()).as(plain.err()).isZero();
    single = LedgerTargets.linesOf(fleet.resolve("single.ndjson"));
    // 2,000 goodwill lines and the SLA credits of the accounts on grid/cluster-2 (every third)
    assertThat(single).hasSizeGreaterThan(SIZE);
  }

  /** {@code amends credit} in a new JVM, on the class path this test runs on. */
  Process start(Target ledger, String name, String... more) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp", classPath(), Main.class.getName()));
    List<String> args = new ArrayList<>(List.of(credit(accounts, tmp.resolve(name + ".ndjson"), "--ledger",
        ledger.argument())));
    args.addAll(List.of(more));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(tmp.resolve(name + ".out").toFile())
        .redirectError(tmp.resolve(name + ".err").toFile());
    pb.environment().putAll(ledger.environment());
    return pb.start();
  }

  static String classPath() {
    return Stream.of(System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path", ""))
        .filter(s -> !s.isEmpty()).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
  }

  String err(String name) throws IOException {
    return Files.readString(tmp.resolve(name + ".err"));
  }

  static long recorded(String err) {
    Matcher m = RECORDED.matcher(err);
    assertThat(m.find()).as(err).isTrue();
    return Long.parseLong(m.group(1));
  }

  static Map<String, Money> totals(Map<String, Money> lines) {
    Map<String, Money> t = new java.util.TreeMap<>();
    lines.values().forEach(m -> t.merge(m.getCurrencyUnit().getCode(), m, Money::plus));
    return t;
  }

  void twoRunsAtOnceRecordEveryLineOnce(Target ledger) throws Exception {
    // a new ledger: the two race to create the schema too
    Process a = start(ledger, "a");
    Process b = start(ledger, "b");

    assertThat(a.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(b.waitFor(5, TimeUnit.MINUTES)).isTrue();

    assertThat(a.exitValue()).as(err("a")).isZero();
    assertThat(b.exitValue()).as(err("b")).isZero();
    Map<String, Money> recorded = ledger.lines();
    assertThat(recorded).isEqualTo(single);
    assertThat(totals(recorded)).isEqualTo(totals(single));
    // each line recorded by one of the two: the counts add up to one run's lines
    assertThat(recorded(err("a")) + recorded(err("b"))).isEqualTo(single.size());
  }

  @Test
  void twoRunsAtOnceRecordEveryLineOnceOnSqlite() throws Exception {
    twoRunsAtOnceRecordEveryLineOnce(LedgerTargets.sqlite(tmp));
  }

  @Test
  void twoRunsAtOnceRecordEveryLineOnceOnPostgres() throws Exception {
    twoRunsAtOnceRecordEveryLineOnce(LedgerTargets.postgres());
  }

  void aRunKilledPartwayIsCompletedByTheNext(Target ledger) throws Exception {
    // one line per transaction: slow enough to be killed partway
    Process killed = start(ledger, "killed", "--ledger-chunk", "1");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (ledger.count() < 100 && killed.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    killed.destroyForcibly(); // SIGKILL
    killed.waitFor(1, TimeUnit.MINUTES);
    long atKill = ledger.count();

    Run again = run(credit(accounts, tmp.resolve("again.ndjson"), "--ledger", ledger.argument()));

    assertThat(killed.exitValue()).as("killed by SIGKILL: 128 + 9").isEqualTo(137);
    assertThat(atKill).as("recorded when killed").isBetween(100L, single.size() - 1L);
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(recorded(again.err())).isEqualTo(single.size() - atKill);
    Map<String, Money> recorded = ledger.lines();
    assertThat(recorded).isEqualTo(single);
    assertThat(totals(recorded)).isEqualTo(totals(single));
  }

  @Test
  void aRunKilledPartwayIsCompletedByTheNextOnSqlite() throws Exception {
    aRunKilledPartwayIsCompletedByTheNext(LedgerTargets.sqlite(tmp));
  }

  @Test
  void aRunKilledPartwayIsCompletedByTheNextOnPostgres() throws Exception {
    aRunKilledPartwayIsCompletedByTheNext(LedgerTargets.postgres());
  }
}
