package dev.amends.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.outage.Outage;
import dev.amends.rules.Campaign;
import dev.amends.rules.Policy;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The seed example on Spark: six customers, the seven-hour overrun and the goodwill campaign give
 * USD 321.50 and EUR 63.00 in 10 credit lines (examples/grid-2007/README.md has the arithmetic),
 * whether the accounts come as a Dataset with the documented schema or as the NDJSON file.
 */
class Grid2007SparkTest {
  static final Path GRID = Path.of("../examples/grid-2007");

  static SparkCredits job() throws IOException {
    return builder().build();
  }

  static SparkCredits.Builder builder() throws IOException {
    Policy sla = PolicyDocuments.standard().read(GRID.resolve("policy.json")).value();
    Campaign goodwill = CampaignDocuments.standard().read(GRID.resolve("goodwill.json")).value();
    List<Outage> outages = Files.readAllLines(GRID.resolve("outages.ndjson")).stream()
        .map(RecordFormat.OUTAGES::fromLine).toList();
    return SparkCredits.builder().policies(sla).campaigns(goodwill).outages(outages)
        .period(YearMonth.of(2007, 12));
  }

  @Test
  void aDatasetOfAccountsWithTheDocumentedSchemaGivesTheExampleTotals() throws IOException {
    Dataset<Row> accounts = LocalSpark.session().read().schema(SparkSchemas.accounts())
        .json(GRID.resolve("accounts.ndjson").toString()).repartition(3);
    try (SparkCreditRun run = job().decide(accounts)) {
      SparkLiability summary = run.summary();
      assertThat(summary.totals()).containsExactly(Money.parse("EUR 63.00"), Money.parse("USD 321.50"));
      assertThat(summary.creditLines()).isEqualTo(10);
      assertThat(summary.decided()).isEqualTo(6);
      assertThat(run.rejections().count()).isZero();
      // acme: 10 % of USD 20.00 for the overrun, and two free months of USD 20.00
      Row acme = run.decisions().where("accountId = 'acme'").select("lines").first();
      List<Row> lines = acme.getList(0);
      assertThat(lines).extracting(l -> l.getAs("rulePath") + " " + l.getAs("currency") + " " + l.getAs("amount"))
          .containsExactly("tiers USD 2.00", "goodwill-2007/two-months-free USD 40.00");
      assertThat(lines).extracting(l -> (String) l.getAs("scope")).containsOnly("grid/cluster-2");
    }
  }

  @Test
  void theNdjsonFileGivesTheSameDecisionsAsTheDataset() throws IOException {
    SparkCredits job = job();
    Dataset<Row> accounts = LocalSpark.session().read().schema(SparkSchemas.accounts())
        .json(GRID.resolve("accounts.ndjson").toString());
    try (SparkCreditRun fromRows = job.decide(accounts);
        SparkCreditRun fromFile = job.decideNdjson(LocalSpark.session(), GRID.resolve("accounts.ndjson").toString(), 2)) {
      assertThat(fromFile.decisions().select("json").sort("json").collectAsList())
          .isEqualTo(fromRows.decisions().select("json").sort("json").collectAsList());
      assertThat(fromFile.decisions().where("line = 1").select("accountId").first().getString(0)).isEqualTo("acme");
    }
  }

  @Test
  void aRowTheStrictReaderRefusesIsRejectedWithItsPointer() throws IOException {
    Dataset<Row> accounts = LocalSpark.session().read().schema(SparkSchemas.accounts())
        .json(GRID.resolve("accounts.ndjson").toString())
        .selectExpr("id", "'XYZ' AS currency", "zone", "billing", "standing", "customerSince", "tags", "subscriptions")
        .where("id = 'acme'");
    try (SparkCreditRun run = job().decide(accounts)) {
      Row r = run.rejections().first();
      assertThat(r.<String>getAs("stage")).isEqualTo("read");
      assertThat(r.<String>getAs("accountId")).isEqualTo("acme");
      List<Row> problems = r.getList(r.fieldIndex("problems"));
      assertThat(problems).extracting(p -> (String) p.getAs("pointer")).containsExactly("/currency");
      assertThat(r.<String>getAs("message")).startsWith("accounts row acme: 1 problem");
      assertThat(run.decisions().count()).isZero();
    }
  }

  @Test
  void anAccountWithoutAPeriodStartingInTheMonthIsRejectedAsARequest() throws IOException {
    SparkCredits slaOnly = SparkCredits.builder()
        .policies(PolicyDocuments.standard().read(GRID.resolve("policy.json")).value())
        .period(YearMonth.of(2007, 12)).build();
    Dataset<Row> accounts = LocalSpark.session().read().schema(SparkSchemas.accounts())
        .json(GRID.resolve("accounts.ndjson").toString())
        .selectExpr("id", "currency", "zone", "named_struct('cycle', 'QUARTERLY', 'anchor', '2007-01-01') AS billing",
            "standing", "customerSince", "tags", "subscriptions")
        .where("id = 'acme'");
    try (SparkCreditRun run = slaOnly.decide(accounts)) {
      Row r = run.rejections().first();
      assertThat(r.<String>getAs("stage")).isEqualTo("request");
      assertThat(r.<String>getAs("message")).startsWith("account acme: ");
    }
  }

  @Test
  void theEngineIsBuiltOncePerExecutorNotPerTask() throws IOException {
    // inputs no other test uses, so no engine is cached for them yet
    SparkCredits job = builder().shareMeasurements(false).build();
    int before = ExecutorEngines.BUILT.get();
    try (SparkCreditRun run = job.decideNdjson(LocalSpark.session(), GRID.resolve("accounts.ndjson").toString(), 6)) {
      assertThat(run.decisions().count()).isEqualTo(6);
      assertThat(run.decisions().rdd().getNumPartitions()).isEqualTo(6);
    }
    // six tasks, one local executor: one engine
    assertThat(ExecutorEngines.BUILT.get() - before).isEqualTo(1);
  }
}
