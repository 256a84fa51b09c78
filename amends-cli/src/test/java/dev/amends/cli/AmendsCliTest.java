package dev.amends.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code amends} command on the seed example, examples/grid-2007: announced maintenance on
 * grid/cluster-2, 00:00–06:00 US Eastern on 1 Dec 2007 (excluded: announced 10 days ahead, the
 * policy asks 24 h), down until 13:00: the 7 h overrun counts. December 2007 in US Eastern is
 * 31 × 24 × 60 = 44,640 minutes; 420 down gives 44,220 / 44,640 = 99.0591 %, in the tier
 * [99.0 %, 99.9 %): 10 % of the month's fee.
 */
class AmendsCliTest {
  static final Path EXAMPLE = Path.of("..", "examples", "grid-2007");
  static final String POLICY = EXAMPLE.resolve("policy.json").toString();
  static final String ACCOUNTS = EXAMPLE.resolve("accounts.ndjson").toString();
  static final String OUTAGES = EXAMPLE.resolve("outages.ndjson").toString();
  static final String GOODWILL = EXAMPLE.resolve("goodwill.json").toString();

  @TempDir
  Path tmp;

  /** What a run printed and returned. */
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static String[] credit(String accounts, String... more) {
    List<String> args = new ArrayList<>(List.of("credit", "--policy", POLICY, "--accounts", accounts,
        "--outages", OUTAGES, "--period", "2007-12", "--threads", "2"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void creditOnTheSeedExampleCreditsTheOverrunOnClusterTwoOnly() {
    Run r = run(credit(ACCOUNTS));

    assertThat(r.exit()).isEqualTo(0);
    // one decision a line, in input order; six accounts
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("{\"result\":\"decided\""));
    assertThat(lines.get(0)).contains("\"accountId\":\"acme\"", "{\"amount\":\"2.00\",\"currency\":\"USD\"}");
    // delta is on cluster-1, untouched: no lines
    assertThat(lines.get(3)).contains("\"accountId\":\"delta\"", "\"lines\":[]");
    // fjord's cluster-3 was down 30 min: 44,610 / 44,640 = 99.9328 % >= 99.9 %: no credit
    assertThat(lines.get(5)).contains("\"accountId\":\"fjord\"", "\"lines\":[]");

    assertThat(r.err()).containsSubsequence(
        "accounts read", "6",
        "decided", "6",
        "rejected", "0",
        "credit lines", "4",
        // USD: acme 10 % of 20.00 = 2.00; borealis 10 % of 600.00 / 12 = 5.00; cobalt 10 % of 45.00 = 4.50;
        // 2.00 + 5.00 + 4.50 = 11.50. EUR: elbe 10 % of 30.00 = 3.00
        "Credits per currency", "EUR 3.00", "USD 11.50",
        // monthly: 2.00 + 4.50 = 6.50 USD and the 3.00 EUR; annual: borealis' 5.00
        "Credits per plan", "grid-annual", "USD 5.00", "grid-monthly", "EUR 3.00", "grid-monthly", "USD 6.50",
        "Credits per scope (placement)", "grid/cluster-2", "EUR 3.00", "grid/cluster-2", "USD 11.50",
        "Credits per rule", "grid-sla v1 tiers", "EUR 3.00", "grid-sla v1 tiers", "USD 11.50",
        "Largest credits (USD", "borealis", "USD 5.00", "cobalt", "USD 4.50", "acme", "USD 2.00");
    assertThat(r.err()).doesNotContain("grid/cluster-1", "grid/cluster-3");
  }

  @Test
  void creditWithTheGoodwillCampaignAddsTwoFreeMonthsForEveryGridSubscription() {
    Run r = run(credit(ACCOUNTS, "--campaign", GOODWILL));

    assertThat(r.exit()).isEqualTo(0);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(6);
    // delta (cluster-1) had no outage but is a grid customer: USD 20.00 a month x 2 = USD 40.00
    assertThat(lines.get(3)).contains("\"accountId\":\"delta\"", "\"rulePath\":\"goodwill-2007/two-months-free\"",
        "{\"amount\":\"40.00\",\"currency\":\"USD\"}");
    assertThat(r.err()).containsSubsequence(
        "accounts read", "6",
        "decided", "6",
        "rejected", "0",
        // the 4 SLA credits and 6 grants
        "credit lines", "10",
        // grants: acme 20.00 x 2 = 40.00; borealis 600.00 / 12 = 50.00 x 2 = 100.00; cobalt 45.00 x 2 = 90.00;
        // delta 20.00 x 2 = 40.00; fjord 240.00 / 12 = 20.00 x 2 = 40.00: USD 310.00, + SLA 11.50 = USD 321.50.
        // EUR: elbe 30.00 x 2 = 60.00, + SLA 3.00 = EUR 63.00
        "Credits per currency", "EUR 63.00", "USD 321.50",
        "Credits per rule", "goodwill-2007 v1 goodwill-2007/two-months-free", "EUR 60.00",
        "goodwill-2007 v1 goodwill-2007/two-months-free", "USD 310.00",
        "grid-sla v1 tiers", "EUR 3.00", "grid-sla v1 tiers", "USD 11.50");
  }

  @Test
  void explainWithTheCampaignShowsTheGrantAndWhoIsEligible() {
    Run r = run("explain", "--policy", POLICY, "--campaign", GOODWILL, "--accounts", ACCOUNTS, "--outages", OUTAGES,
        "--period", "2007-12", "--account", "borealis");

    assertThat(r.exit()).isEqualTo(0);
    // USD 600.00 a year / 12 = USD 50.00 a month, x 2
    assertThat(r.out()).contains(
        "USD 100.00 CREDIT borealis-grid goodwill-2007 v1 goodwill-2007/two-months-free",
        "2 month(s) free at USD 50.00 a month (USD 600.00 per ANNUAL / 12) = USD 100.00",
        "all of [active at 2007-12-10T17:00:00Z (met); placed at or below grid (met)]: met",
        "USD 5.00 CREDIT borealis-grid grid-sla v1 tiers");
  }

  @Test
  void aBadCampaignExitsWithThreeListingEveryProblemOfEveryFile() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad-goodwill.json"), Files.readString(Path.of(GOODWILL))
        .replace("PER_SUBSCRIPTION", "per-customer").replace("\"count\": 2", "\"count\": \"two\""));
    Path worse = Files.writeString(tmp.resolve("worse.json"), "{\"schema\": \"amends.campaign/1\"}");

    Run credit = run(credit(ACCOUNTS, "--campaign", bad.toString(), "--campaign", worse.toString()));
    Run validate = run("validate", bad.toString());

    assertThat(credit.exit()).isEqualTo(3);
    assertThat(credit.out()).isEmpty();
    assertThat(credit.err()).contains(
        bad + " /unit: \"per-customer\" is not one of [PER_ACCOUNT, PER_SUBSCRIPTION]",
        bad + " /grant/count: ",
        worse + " /id: ", worse + " /grant: ",
        bad + ": not a valid campaign (2 problems)", worse + ": not a valid campaign (6 problems)");
    assertThat(validate.exit()).isEqualTo(3);
    assertThat(validate.out()).isEmpty();
    assertThat(validate.err()).contains(bad + " /unit: ", "not a valid campaign (2 problems)");
  }

  @Test
  void validateTellsACampaignByItsSchemaAndPrintsItsDigest() {
    Run campaign = run("validate", GOODWILL);
    Run policy = run("validate", POLICY);

    assertThat(campaign.exit()).isEqualTo(0);
    assertThat(campaign.out()).matches("OK sha256:[0-9a-f]{64}\\R").isNotEqualTo(policy.out());
    assertThat(campaign.out().strip()).isEqualTo("OK " + dev.amends.rules.json.CampaignDocuments.standard()
        .read(Path.of(GOODWILL)).value().digest());
  }

  @Test
  void creditAsCsvWritesOneRowPerCreditLine() throws IOException {
    Path csv = tmp.resolve("december.csv");
    Run r = run(credit(ACCOUNTS, "--format", "csv", "--out", csv.toString()));

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).isEmpty();
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0)).isEqualTo(CsvSink.HEADER);
    assertThat(rows.get(1)).startsWith("acme,acme-grid,2007-12,grid-sla,1,tiers,CREDIT,2.00,USD,,cr-")
        .endsWith(",availability 99.0591 % < 99.9 % -> 10 % of USD 20.00");
    // 600.00 a year is 50.00 for December; 10 % of it is 5.00
    assertThat(rows.get(2)).startsWith("borealis,borealis-grid,2007-12,grid-sla,1,tiers,CREDIT,5.00,USD,,cr-");
    assertThat(rows.get(3)).startsWith("cobalt,cobalt-grid,2007-12,grid-sla,1,tiers,CREDIT,4.50,USD,,cr-");
    assertThat(rows.get(4)).startsWith("elbe,elbe-grid,2007-12,grid-sla,1,tiers,CREDIT,3.00,EUR,,cr-");
  }

  @Test
  void csvFieldsWithCommasOrQuotesAreQuoted() {
    assertThat(CsvSink.field("plain")).isEqualTo("plain");
    assertThat(CsvSink.field("a, b")).isEqualTo("\"a, b\"");
    assertThat(CsvSink.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }

  @Test
  void rejectedLinesAndRequestsExitWithFourAndTheRestIsStillDecided() throws IOException {
    Path accounts = tmp.resolve("accounts.ndjson");
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(ACCOUNTS)));
    lines.add(1, "{not json");
    lines.add("{\"id\":\"quarterly\",\"currency\":\"USD\",\"zone\":\"America/New_York\",\"billing\":{\"cycle\":\"QUARTERLY\"},"
        + "\"subscriptions\":[{\"id\":\"q\",\"plan\":\"grid-monthly\",\"prices\":[{\"amount\":{\"amount\":\"20.00\","
        + "\"currency\":\"USD\"}}],\"active\":{\"start\":\"2006-01-01T05:00:00Z\"},\"placements\":[\"grid/cluster-2\"]}]}");
    Files.write(accounts, lines);

    Run r = run(credit(accounts.toString()));

    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).contains("rejected: accounts.ndjson line 2", "rejected: account quarterly");
    assertThat(r.out().lines()).hasSize(6);
    assertThat(r.err()).containsSubsequence("accounts read", "8", "decided", "6", "rejected", "2",
        "Credits per currency", "EUR 3.00", "USD 11.50");
  }

  @Test
  void creditsAlreadyIssuedForThePeriodAreNotIssuedAgain() throws IOException {
    Path issued = tmp.resolve("issued.ndjson");
    String acme = "{\"accountId\":\"acme\",\"periodStart\":\"%s\",\"key\":\"%s\",\"amount\":{\"amount\":\"2.00\","
        + "\"currency\":\"USD\"},\"policyId\":\"grid-sla\",\"subscriptionId\":\"acme-grid\",\"rulePath\":\"tiers\"}";
    String decemberKey = run(credit(ACCOUNTS, "--format", "csv")).out().lines().skip(1).findFirst().orElseThrow().split(",")[10];
    Files.write(issued, List.of(
        acme.formatted("2007-12-01", decemberKey),
        // November's credit belongs to another period: not part of December's reconciliation
        acme.formatted("2007-11-01", "cr-november")));

    Run r = run(credit(ACCOUNTS, "--issued", issued.toString()));

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out().lines().findFirst().orElseThrow()).contains("\"accountId\":\"acme\"", "\"lines\":[]");
    // acme's 2.00 was issued already: 11.50 - 2.00 = 9.50 new
    assertThat(r.err()).containsSubsequence("credit lines", "3", "Credits per currency", "EUR 3.00", "USD 9.50");
  }

  @Test
  void aMissingInputFileIsOneLineAndExitTwo() {
    Run r = run(credit(tmp.resolve("missing.ndjson").toString()));

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("amends credit: cannot read " + tmp.resolve("missing.ndjson") + ": no such file");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void badArgumentsExitWithTwo() {
    Run r = run("credit", "--policy", POLICY, "--period", "2007-13");

    assertThat(r.exit()).isEqualTo(2);
    // one line naming the option and the form; no usage dump
    assertThat(r.err()).hasLineCount(1).contains("--period", "'2007-13'", "YYYY-MM").doesNotContain("Usage");
  }

  @Test
  void threadsBelowOneAreBadArguments() {
    assertThat(run(credit(ACCOUNTS, "--threads", "0")).exit()).isEqualTo(2);
  }

  @Test
  void aBadPolicyExitsWithThreeForCreditAndValidate() throws IOException {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"schema\":\"amends.policy/1\",\"id\":\"x\",\"version\":1,\"effectiveFrom\":\"2007-01-01T05:00:00Z\","
        + "\"rounding\":{\"mode\":\"HALF_UP\"},\"rule\":{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":\"150\"}}");

    Run validate = run("validate", bad.toString());
    Run credit = run("credit", "--policy", bad.toString(), "--accounts", ACCOUNTS, "--outages", OUTAGES, "--period", "2007-12");

    assertThat(validate.exit()).isEqualTo(3);
    assertThat(validate.out()).isEmpty();
    assertThat(validate.err()).contains(bad + " /rule/percent: ", "not a valid policy (1 problem)");
    assertThat(credit.exit()).isEqualTo(3);
    assertThat(credit.out()).isEmpty();
  }

  @Test
  void anOutputThatFailsExitsWithSix() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] c, int off, int len) throws IOException {
        throw new IOException("pipe closed");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    StringWriter err = new StringWriter();
    int exit = Main.commandLine(new PrintWriter(broken), new PrintWriter(err)).execute(credit(ACCOUNTS));

    assertThat(exit).isEqualTo(ExitCodes.WRITE_FAILED);
    assertThat(err.toString()).contains("writing to standard output failed");
  }

  @Test
  void validatePrintsOkWithTheDigest() {
    Run r = run("validate", POLICY);

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).matches("OK sha256:[0-9a-f]{64}\\R");
  }

  @Test
  void schemaPrintsThePolicyJsonSchema() {
    Run r = run("schema");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"", "amends.policy/1");
  }

  @Test
  void evaluatedAtIsRecordedOnEveryDecision() {
    Run r = run("credit", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", OUTAGES, "--period", "2007-12",
        "--evaluated-at", "2008-01-15T12:00:00Z");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out().lines()).hasSize(6)
        .allSatisfy(l -> assertThat(l).contains("\"evaluatedAt\":\"2008-01-15T12:00:00Z\""));
  }

  @Test
  void aBadEvaluatedAtIsABadArgument() {
    Run r = run("credit", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", OUTAGES, "--period", "2007-12",
        "--evaluated-at", "2008-01-15");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--evaluated-at").contains("2008-01-15");
  }

  @Test
  void schemaWithCampaignPrintsTheCampaignJsonSchema() {
    Run r = run("schema", "--campaign");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("\"$id\": \"https://amends.dev/schemas/campaign/1/campaign.schema.json\"",
        "amends.campaign/1");
  }

  @Test
  void explainShowsTheExcludedWindowAndTheOverrun() {
    Run r = run("explain", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", OUTAGES, "--period", "2007-12",
        "--account", "acme");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains(
        "USD 2.00 CREDIT acme-grid grid-sla v1 tiers",
        "420 min down of 44640, availability 99.0591 %",
        "counted 7h; excluded 6h",
        "tiers [availability-tiers] CREDITED");
  }

  @Test
  void explainOfAnUnknownAccountIsABadArgument() {
    Run r = run("explain", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", OUTAGES, "--period", "2007-12",
        "--account", "nobody");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("account nobody is not in");
  }

  @Test
  void helpListsTheExitCodes() {
    Run r = run("credit", "--help");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).containsSubsequence("Exit codes:", "0", "Success", "1", "Unexpected", "2", "Bad arguments",
        "3", "not valid", "4", "rejected", "5", "Outage or telemetry records were rejected", "6", "An output could not be");
  }
}
