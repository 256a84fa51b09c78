package dev.amends.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.benchmarks.WriteFleet;
import dev.amends.cli.Main;
import dev.amends.core.account.Account;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.rules.BatchOptions;
import dev.amends.rules.BatchResult;
import dev.amends.rules.Campaign;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.LiabilitySummary;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The core promise: on the benchmarks' generated fleet of 100,000 accounts with 35 corrupted lines
 * mixed in, the Spark job decides exactly what {@code amends credit} decides over the same files.
 * Sorted by account, every decision's JSON is byte for byte the line {@code amends credit} writes
 * (without its {@code "result"} and {@code "index"} fields, which number the command's own batch);
 * the rejections are the same messages, one for one; and the Spark-aggregated summary equals
 * {@link LiabilitySummary} over the same accounts. For 1, 4 and 16 partitions, and for the same
 * lines shuffled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetEquivalenceTest {
  /** What {@code amends credit} writes before the decision's own fields. */
  private static final Pattern DECIDED_PREFIX = Pattern.compile("^\\{\"result\":\"decided\",\"index\":\\d+,");
  private static final Pattern ACCOUNT_ID = Pattern.compile("^\\{\"accountId\":\"([^\"]+)\"");

  private Path dir;
  private SparkCredits job;
  private Cli original;
  private Cli shuffled;
  private LiabilitySummary expectedSummary;

  /** What the command wrote: decisions sorted by account, and its rejection messages, sorted. */
  record Cli(List<String> decisions, List<String> rejections, int exit) {}

  @BeforeAll
  void fleetAndCommand() throws IOException {
    dir = FleetFiles.dir();
    Policy policy = PolicyDocuments.standard().read(dir.resolve(WriteFleet.POLICY)).value();
    Campaign campaign = CampaignDocuments.standard().read(dir.resolve(WriteFleet.CAMPAIGN)).value();
    List<Outage> outages = Files.readAllLines(dir.resolve(WriteFleet.OUTAGES)).stream()
        .map(RecordFormat.OUTAGES::fromLine).toList();
    job = SparkCredits.builder().policies(policy).campaigns(campaign).outages(outages)
        .period(YearMonth.parse(FleetFiles.period())).build();
    original = credit(dir, dir.resolve(WriteFleet.ACCOUNTS));
    shuffled = credit(dir, dir.resolve("shuffled").resolve(WriteFleet.ACCOUNTS));

    // LiabilitySummary over the same accounts, as the library adds it up
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(policy)).campaigns(campaign)
        .outages(OutageLog.of(outages)).traces(false).build();
    LiabilitySummary.Builder summary = LiabilitySummary.builder();
    try (RecordReader<Account> in = RecordFormat.ACCOUNTS.reader(dir.resolve(WriteFleet.ACCOUNTS))) {
      List<Account> accounts = new ArrayList<>();
      in.forEachRemaining(l -> {
        if (l instanceof RecordLine.Accepted<Account> a) {
          accounts.add(a.record());
        }
      });
      YearMonth month = YearMonth.parse(FleetFiles.period());
      Iterator<BatchResult> results = engine.decideAll(accounts.stream()
          .map(a -> dev.amends.rules.DecisionRequest.of(a, a.billing().periodStartingIn(month))).iterator(),
          BatchOptions.defaults());
      results.forEachRemaining(r -> summary.add(accounts.get((int) r.index()), r));
    }
    expectedSummary = summary.build();
  }

  @Test
  void theCommandDecidesEveryGoodLineAndRejectsEveryBadOne() {
    assertThat(original.exit()).isEqualTo(4); // some lines rejected, the rest decided
    assertThat(original.decisions()).hasSize(FleetFiles.ACCOUNTS);
    assertThat(original.rejections()).hasSize(FleetFiles.BAD_LINES);
    assertThat(shuffled.decisions()).isEqualTo(original.decisions());
    assertThat(expectedSummary.decided()).isEqualTo(FleetFiles.ACCOUNTS);
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 4, 16})
  void sparkDecidesWhatTheCommandDecides(int partitions) {
    try (SparkCreditRun run = job.decideNdjson(LocalSpark.session(), dir.resolve(WriteFleet.ACCOUNTS).toString(),
        partitions)) {
      assertSame(run, original);
    }
  }

  @Test
  void shuffledInputGivesTheSameDecisionsAndItsOwnLineNumbers() {
    try (SparkCreditRun run = job.decideNdjson(LocalSpark.session(),
        dir.resolve("shuffled").resolve(WriteFleet.ACCOUNTS).toString(), 4)) {
      assertSame(run, shuffled);
    }
  }

  private void assertSame(SparkCreditRun run, Cli cli) {
    Iterator<Row> spark = run.decisions().select("accountId", "json").sort("accountId").toLocalIterator();
    int n = 0;
    for (String expected : cli.decisions()) {
      assertThat(spark.hasNext()).as("Spark has a decision for the %,dth account", n + 1).isTrue();
      Row row = spark.next();
      if (!expected.equals(row.getString(1))) { // one assertion per mismatch only: 100,000 rows
        assertThat(row.getString(1)).as("decision of %s", row.getString(0)).isEqualTo(expected);
      }
      n++;
    }
    assertThat(spark.hasNext()).as("Spark has no more decisions than the command").isFalse();
    assertThat(n).isEqualTo(FleetFiles.ACCOUNTS);

    List<String> rejections = run.rejections().select("message").collectAsList().stream()
        .map(r -> r.getString(0)).sorted().toList();
    assertThat(rejections).isEqualTo(cli.rejections());

    SparkLiability summary = run.summary();
    assertThat(summary.decided()).isEqualTo(expectedSummary.decided());
    assertThat(summary.rejected()).isEqualTo(expectedSummary.rejected());
    assertThat(summary.creditLines()).isEqualTo(expectedSummary.creditLines());
    assertThat(summary.accountsCredited()).isEqualTo(expectedSummary.accountsCredited());
    assertThat(summary.totals()).isEqualTo(expectedSummary.totals());
    assertThat(summary.byPlan()).isEqualTo(expectedSummary.byPlan());
    assertThat(summary.byScope()).isEqualTo(expectedSummary.byScope());
    assertThat(summary.byRule()).isEqualTo(expectedSummary.byRule());
    assertThat(summary.flags()).isEqualTo(expectedSummary.flags());
    assertThat(summary.sameAs(expectedSummary)).as("largest credits too").isTrue();
  }

  /**
   * Runs {@code amends credit} in this JVM over an accounts file, with the policy, campaign and
   * outages {@link WriteFleet} wrote into the directory.
   */
  static Cli credit(Path dir, Path accounts) throws IOException {
    Path out = Files.createTempFile(dir, "credit", ".ndjson");
    StringWriter err = new StringWriter();
    int exit = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err)).execute("credit",
        "--policy", dir.resolve(WriteFleet.POLICY).toString(),
        "--campaign", dir.resolve(WriteFleet.CAMPAIGN).toString(),
        "--accounts", accounts.toString(),
        "--outages", dir.resolve(WriteFleet.OUTAGES).toString(),
        "--period", FleetFiles.period(),
        "--out", out.toString(),
        "--threads", "2");
    List<String> decisions = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      Matcher m = DECIDED_PREFIX.matcher(line);
      assertThat(m.find()).as("a decided line: %s", line).isTrue();
      decisions.add("{" + line.substring(m.end()));
    }
    decisions.sort((a, b) -> accountId(a).compareTo(accountId(b)));
    Files.delete(out);
    return new Cli(List.copyOf(decisions), rejections(err.toString()), exit);
  }

  private static String accountId(String decision) {
    Matcher m = ACCOUNT_ID.matcher(decision);
    if (!m.find()) {
      throw new AssertionError("no accountId first: " + decision);
    }
    return m.group(1);
  }

  /** Each {@code rejected: } message on standard error, with its indented problem lines; sorted. */
  private static List<String> rejections(String err) {
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    for (String line : err.lines().toList()) {
      if (line.startsWith("rejected: ")) {
        if (current != null) {
          out.add(current.toString());
        }
        current = new StringBuilder(line.substring("rejected: ".length()));
      } else if (current != null && line.startsWith("  ")) {
        current.append('\n').append(line);
      } else if (current != null) {
        out.add(current.toString());
        current = null;
      }
    }
    if (current != null) {
      out.add(current.toString());
    }
    out.sort(null);
    return List.copyOf(out);
  }
}
