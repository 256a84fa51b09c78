package dev.amends.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.benchmarks.WriteFleet;
import dev.amends.core.outage.Outage;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that fails half-way on its first attempt is run again by Spark, and every decision still
 * comes out exactly once: collected, and written. Writing a run twice, or re-running a period,
 * replaces that period's output and leaves the other periods alone.
 */
class TaskRetryTest {
  /** Corrupted lines among the first 20,000: FleetFiles puts the i-th at line i × 2,778 (a gap of 100,000 / 36 = 2,777 good lines), so 7 (lines 2,778 … 19,446). */
  static final int BAD = 7;
  static final int GOOD = 20_000 - BAD;

  @TempDir
  Path tmp;

  @AfterEach
  void noHook() {
    PartitionDecider.hook = null;
  }

  static SparkCredits fleetJob(Path dir, YearMonth month) throws IOException {
    List<Outage> outages = Files.readAllLines(dir.resolve(WriteFleet.OUTAGES)).stream()
        .map(RecordFormat.OUTAGES::fromLine).toList();
    return SparkCredits.builder()
        .policies(PolicyDocuments.standard().read(dir.resolve(WriteFleet.POLICY)).value())
        .campaigns(CampaignDocuments.standard().read(dir.resolve(WriteFleet.CAMPAIGN)).value())
        .outages(outages).period(month).build();
  }

  /** The fleet's first 20,000 lines (5 of them corrupted): enough for four partitions of thousands. */
  static Path first20000(Path tmp) throws IOException {
    Path accounts = tmp.resolve("accounts.ndjson");
    try (var lines = Files.lines(FleetFiles.dir().resolve(WriteFleet.ACCOUNTS))) {
      Files.write(accounts, lines.limit(20_000).toList());
    }
    return accounts;
  }

  /** Fails partition 2's first attempt after 1,000 rows: some results were already made. */
  static AtomicInteger failSecondPartitionOnce() {
    AtomicInteger failures = new AtomicInteger();
    PartitionDecider.hook = (task, taken) -> {
      if (task.partitionId() == 2 && task.attemptNumber() == 0 && taken == 1_000) {
        failures.incrementAndGet();
        throw new IllegalStateException("injected failure of partition 2, attempt 0, after 1,000 rows");
      }
    };
    return failures;
  }

  @Test
  void aRetriedTaskGivesEveryDecisionExactlyOnce() throws IOException {
    Path accounts = first20000(tmp);
    AtomicInteger failures = failSecondPartitionOnce();
    try (SparkCreditRun run = fleetJob(FleetFiles.dir(), YearMonth.parse(FleetFiles.period()))
        .decideNdjson(LocalSpark.session(), accounts.toString(), 4)) {
      Dataset<Row> decisions = run.decisions();
      assertThat(decisions.count()).isEqualTo(GOOD);
      assertThat(failures.get()).as("the first attempt failed").isEqualTo(1);
      assertThat(decisions.select("accountId").distinct().count()).isEqualTo(GOOD);
      assertThat(run.rejections().count()).isEqualTo(BAD);
    }
  }

  @Test
  void aRetriedTaskWritesEveryDecisionExactlyOnce() throws IOException {
    Path accounts = first20000(tmp);
    AtomicInteger failures = failSecondPartitionOnce();
    String out = tmp.resolve("credits").toString();
    try (SparkCreditRun run = fleetJob(FleetFiles.dir(), YearMonth.parse(FleetFiles.period()))
        .decideNdjson(LocalSpark.session(), accounts.toString(), 4)) {
      run.write(out, "parquet");
    }
    assertThat(failures.get()).as("the first attempt failed").isEqualTo(1);
    Dataset<Row> written = LocalSpark.session().read().parquet(out + "/decisions");
    assertThat(written.count()).isEqualTo(GOOD);
    assertThat(written.select("accountId").distinct().count()).isEqualTo(GOOD);
    assertThat(LocalSpark.session().read().parquet(out + "/rejections").count()).isEqualTo(BAD);
  }

  @Test
  void writingAPeriodAgainReplacesItAndKeepsTheOthers() throws IOException {
    Path grid = Grid2007SparkTest.GRID;
    String out = tmp.resolve("credits").toString();
    SparkCredits december = Grid2007SparkTest.job();
    try (SparkCreditRun run = december.decideNdjson(LocalSpark.session(), grid.resolve("accounts.ndjson").toString(), 2)) {
      run.write(out, "json");
      run.write(out, "json"); // the same run twice: one copy
    }
    Path november = tmp.resolve("credits/decisions/period=2007-11");
    Files.createDirectories(november);
    Files.writeString(november.resolve("part-0.json"), "{\"accountId\":\"kept\"}\n");
    try (SparkCreditRun again = december.decideNdjson(LocalSpark.session(), grid.resolve("accounts.ndjson").toString(), 3)) {
      again.write(out, "json"); // a re-run of December replaces December only
    }
    Dataset<Row> written = LocalSpark.session().read().json(out + "/decisions");
    assertThat(written.where("period = '2007-12'").count()).isEqualTo(6);
    assertThat(written.where("period = '2007-12'").select("accountId").distinct().count()).isEqualTo(6);
    assertThat(written.where("period = '2007-11'").select("accountId").first().getString(0)).isEqualTo("kept");
  }
}
