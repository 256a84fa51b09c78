package dev.amends.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.benchmarks.WriteFleet;
import dev.amends.core.outage.Outage;
import dev.amends.rules.Campaign;
import dev.amends.rules.Policy;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A second line with an account id already read is rejected, and only the first is decided, as
 * {@code amends credit} does, even when the copies fall in different partitions: a small generated
 * fleet of 300 accounts with four duplicate lines (two copies of the first account, one of the
 * 50th, and the 200th account under the 100th's id) and a bad line carrying an id that comes again
 * later (a rejected line does not count as the first).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicateAccountsSparkTest {
  private static final int ACCOUNTS = 300;
  private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");
  private static final String ONCE = "; an account is decided once, so this line is not";

  private Path dir;
  private Path accounts;
  private SparkCredits job;
  private FleetEquivalenceTest.Cli cli;
  /** The duplicates' messages as the command gives them, stated from the lines they were put on. */
  private List<String> duplicateMessages;

  @BeforeAll
  void fleetWithDuplicates() throws IOException {
    dir = Files.createTempDirectory("amends-spark-duplicates");
    WriteFleet.write(dir, WriteFleet.DEFAULT_SEED, ACCOUNTS, 4, 40);
    accounts = dir.resolve(WriteFleet.ACCOUNTS);
    List<String> good = Files.readAllLines(accounts, StandardCharsets.UTF_8);
    assertThat(good).hasSize(ACCOUNTS);
    String first = id(good.get(0));
    String fiftieth = id(good.get(49));
    String hundredth = id(good.get(99));
    String twentieth = id(good.get(19));

    List<String> lines = new ArrayList<>();
    // line 1 to 3: accounts 1 to 3; line 4: a bad line with the 20th account's id (unknown currency)
    lines.addAll(good.subList(0, 3));
    lines.add("{\"id\":\"" + twentieth + "\",\"currency\":\"XYZ\",\"zone\":\"UTC\",\"subscriptions\":[]}");
    lines.addAll(good.subList(3, 150));                 // lines 5 to 151: accounts 4 to 150
    lines.add(good.get(0));                             // line 152: the first account again
    lines.add(good.get(49));                            // line 153: the 50th again
    lines.addAll(good.subList(150, ACCOUNTS));          // lines 154 to 303: accounts 151 to 300
    lines.add(good.get(199).replaceFirst(Pattern.quote("\"id\":\"" + id(good.get(199)) + "\""),
        Matcher.quoteReplacement("\"id\":\"" + hundredth + "\""))); // line 304: the 200th as the 100th
    lines.add(good.get(0));                             // line 305: the first account a third time
    Files.write(accounts, lines, StandardCharsets.UTF_8);

    // the first account is on line 1, the 50th on line 51 and the 100th on line 101 (after the bad line 4)
    duplicateMessages = List.of(
        "accounts.ndjson line 152: /id: \"" + first + "\" is the id of the account on line 1" + ONCE,
        "accounts.ndjson line 153: /id: \"" + fiftieth + "\" is the id of the account on line 51" + ONCE,
        "accounts.ndjson line 304: /id: \"" + hundredth + "\" is the id of the account on line 101" + ONCE,
        "accounts.ndjson line 305: /id: \"" + first + "\" is the id of the account on line 1" + ONCE);

    Policy policy = PolicyDocuments.standard().read(dir.resolve(WriteFleet.POLICY)).value();
    Campaign campaign = CampaignDocuments.standard().read(dir.resolve(WriteFleet.CAMPAIGN)).value();
    List<Outage> outages = Files.readAllLines(dir.resolve(WriteFleet.OUTAGES)).stream()
        .map(RecordFormat.OUTAGES::fromLine).toList();
    job = SparkCredits.builder().policies(policy).campaigns(campaign).outages(outages)
        .period(YearMonth.parse(FleetFiles.period())).build();
    cli = FleetEquivalenceTest.credit(dir, accounts);
  }

  @AfterAll
  void removeFiles() throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void theCommandDecidesTheFirstOfEachIdAndRejectsTheRest() {
    assertThat(cli.exit()).isEqualTo(4);
    assertThat(cli.decisions()).hasSize(ACCOUNTS);
    assertThat(cli.rejections()).hasSize(5).containsAll(duplicateMessages);
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 4})
  void sparkRejectsTheSameDuplicatesAsTheCommandWhateverThePartitions(int partitions) {
    try (SparkCreditRun run = job.decideNdjson(LocalSpark.session(), accounts.toString(), partitions)) {
      List<String> decisions = run.decisions().select("json").sort("accountId").collectAsList().stream()
          .map(r -> r.getString(0)).toList();
      assertThat(decisions).isEqualTo(cli.decisions());
      List<String> rejections = run.rejections().select("message").collectAsList().stream()
          .map(r -> r.getString(0)).sorted().toList();
      assertThat(rejections).isEqualTo(cli.rejections());

      List<Row> duplicates = run.rejections().where("stage = 'duplicate'").sort("line").collectAsList();
      assertThat(duplicates).extracting(r -> r.<Long>getAs("line")).containsExactly(152L, 153L, 304L, 305L);
      assertThat(duplicates).extracting(r -> r.<Row>getList(r.fieldIndex("problems")).get(0).<String>getAs("pointer"))
          .containsOnly("/id");
      assertThat(run.summary().decided()).isEqualTo(ACCOUNTS);
    }
  }

  @Test
  void aDatasetInFileOrderDecidesTheFirstRowOfEachId() {
    Dataset<Row> rows = LocalSpark.session().read().schema(SparkSchemas.accounts()).json(accounts.toString());
    try (SparkCreditRun run = job.decide(rows)) {
      List<String> decisions = run.decisions().select("json").sort("accountId").collectAsList().stream()
          .map(r -> r.getString(0)).toList();
      assertThat(decisions).isEqualTo(cli.decisions());
      List<String> duplicates = run.rejections().where("stage = 'duplicate'").select("message")
          .collectAsList().stream().map(r -> r.getString(0)).toList();
      assertThat(duplicates).hasSize(4).allMatch(m -> m.endsWith(
          "is the id of an account in an earlier row; an account is decided once, so this row is not"));
    }
  }

  @Test
  void aShuffledDatasetStillDecidesEachIdOnce() {
    Dataset<Row> rows = LocalSpark.session().read().schema(SparkSchemas.accounts()).json(accounts.toString())
        .repartition(4);
    try (SparkCreditRun run = job.decide(rows)) {
      assertThat(run.decisions().count()).isEqualTo(ACCOUNTS);
      assertThat(run.decisions().select("accountId").distinct().count()).isEqualTo(ACCOUNTS);
      assertThat(run.rejections().where("stage = 'duplicate'").count()).isEqualTo(4);
    }
  }

  private static String id(String line) {
    Matcher m = ID.matcher(line);
    assertThat(m.find()).as("an account line starting with its id: %s", line).isTrue();
    return m.group(1);
  }
}
