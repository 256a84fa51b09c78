package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples cloud-tiers and days-of-service through {@code amends credit}, with the totals
 * their READMEs state; and the {@code --claims} and {@code --telemetry} options.
 */
class ExampleInputsCliTest {
  static final Path CLOUD = Path.of("..", "examples", "cloud-tiers");
  static final Path DAYS = Path.of("..", "examples", "days-of-service");

  @TempDir
  Path tmp;

  static Run cloud(String... claims) {
    String[] base = {"credit", "--policy", CLOUD.resolve("policy.json").toString(),
        "--accounts", CLOUD.resolve("accounts.ndjson").toString(), "--outages", CLOUD.resolve("outages.ndjson").toString(),
        "--period", "2026-06", "--threads", "2"};
    String[] args = java.util.Arrays.copyOf(base, base.length + claims.length);
    System.arraycopy(claims, 0, args, base.length, claims.length);
    return run(args);
  }

  static Run days(String policy) {
    return run("credit", "--policy", DAYS.resolve(policy).toString(), "--accounts", DAYS.resolve("accounts.ndjson").toString(),
        "--outages", DAYS.resolve("outages.ndjson").toString(), "--period", "2026-07", "--threads", "2");
  }

  @Test
  void cloudTiersCreditsTheClaimedTiersAboveTheMinimum() {
    Run r = cloud("--claims", CLOUD.resolve("claims.ndjson").toString());

    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, String> out = Fleet.byAccount(r.out());
    assertThat(out).hasSize(8);
    // June 2026 = 43,200 min, USD 100.00 a month unless said
    // 432 min = 99.0 %: 10 %; claimed 2026-08-31T23:59:59Z, before the deadline 2026-09-01T00:00Z
    assertThat(out.get("nimbus-a")).contains("{\"amount\":\"10.00\",\"currency\":\"USD\"}");
    // the same, claimed at the deadline: too late
    assertThat(out.get("nimbus-b")).contains("\"lines\":[]");
    // the same, no claim
    assertThat(out.get("nimbus-c")).contains("\"lines\":[]");
    // 36 h = 2,160 min = 95.0 %: 30 %
    assertThat(out.get("nimbus-d")).contains("{\"amount\":\"30.00\",\"currency\":\"USD\"}");
    // 36 h 1 min = 2,161 min: 41,039 / 43,200 = 94.9977 %: 100 %
    assertThat(out.get("nimbus-e")).contains("{\"amount\":\"100.00\",\"currency\":\"USD\"}");
    // 4 min 19.2 s = 259.2 s of 2,592,000 s = exactly 99.99 %: not below it, no tier
    assertThat(out.get("nimbus-f")).contains("\"lines\":[]");
    // 95.0 %: 30 % of USD 3.33 = 0.999 -> 1.00, not more than the USD 1.00 minimum
    assertThat(out.get("stratus-s")).contains("\"lines\":[]");
    // 30 % of USD 3.35 = 1.005 -> 1.01 (HALF_UP)
    assertThat(out.get("stratus-t")).contains("{\"amount\":\"1.01\",\"currency\":\"USD\"}");
    // 10.00 + 30.00 + 100.00 + 1.01 = 141.01
    assertThat(Fleet.row(r.err(), "credit lines")).isEqualTo(4);
    assertThat(r.err()).containsSubsequence("Credits per currency", "USD 141.01");
  }

  @Test
  void withoutTheClaimsFileNothingIsCredited() {
    Run r = cloud();

    assertThat(r.exit()).isZero();
    assertThat(Fleet.byAccount(r.out()).values()).hasSize(8).allSatisfy(l -> assertThat(l).contains("\"lines\":[]"));
    assertThat(Fleet.row(r.err(), "credit lines")).isZero();
  }

  @Test
  void aClaimFiledInTimeCreditsAndTheSameClaimFiledLateDoesNot() throws IOException {
    // nimbus-c had no claim; file one for it, once in time and once a second after the deadline
    String claim = "{\"accountId\":\"nimbus-c\",\"id\":\"CLAIM-C\",\"filedAt\":\"%s\"}";
    Path inTime = Files.writeString(tmp.resolve("in-time.ndjson"), claim.formatted("2026-08-31T23:59:59Z") + "\n");
    Path late = Files.writeString(tmp.resolve("late.ndjson"), claim.formatted("2026-09-01T00:00:01Z") + "\n");

    Map<String, String> credited = Fleet.byAccount(cloud("--claims", inTime.toString()).out());
    Map<String, String> notCredited = Fleet.byAccount(cloud("--claims", late.toString()).out());

    // 432 min = 99.0 %: 10 % of USD 100.00
    assertThat(credited.get("nimbus-c")).contains("{\"amount\":\"10.00\",\"currency\":\"USD\"}");
    assertThat(notCredited.get("nimbus-c")).contains("\"lines\":[]");
  }

  @Test
  void aBadClaimLineIsRejectedWithItsLineAndTheOthersCount() throws IOException {
    Path claims = Files.write(tmp.resolve("claims.ndjson"), java.util.List.of(
        "{\"accountId\":\"nimbus-c\",\"id\":\"CLAIM-C\",\"filedAt\":\"2026-07-02\"}",
        "{\"accountId\":\"nimbus-c\",\"id\":\"CLAIM-C2\",\"filedAt\":\"2026-07-02T10:00:00Z\"}"));

    Run r = cloud("--claims", claims.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(Fleet.rejections(r.err())).singleElement().asString()
        .startsWith("rejected: claims.ndjson line 1: ").contains("/filedAt");
    assertThat(Fleet.byAccount(r.out()).get("nimbus-c")).contains("{\"amount\":\"10.00\",\"currency\":\"USD\"}");
    assertThat(Fleet.row(r.err(), "other bad lines")).isEqualTo(1);
  }

  @Test
  void anAccountWithTwoClaimsOfOneIdIsRejectedAndTheOthersAreDecided() throws IOException {
    // nimbus-c's claim twice (a file appended to twice); nimbus-a's claim as in the example, and
    // an id of its own reused by another account, which is not a duplicate within a request
    Path claims = Files.write(tmp.resolve("claims.ndjson"), java.util.List.of(
        "{\"accountId\":\"nimbus-c\",\"id\":\"CLAIM-C\",\"filedAt\":\"2026-07-02T10:00:00Z\"}",
        "{\"accountId\":\"nimbus-a\",\"id\":\"CLAIM-A\",\"filedAt\":\"2026-08-31T23:59:59Z\"}",
        "{\"accountId\":\"nimbus-c\",\"id\":\"CLAIM-C\",\"filedAt\":\"2026-07-03T10:00:00Z\"}",
        "{\"accountId\":\"nimbus-d\",\"id\":\"CLAIM-A\",\"filedAt\":\"2026-07-01T09:00:00Z\"}"));

    Run r = cloud("--claims", claims.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(Fleet.rejections(r.err())).singleElement().asString()
        .startsWith("rejected: account nimbus-c: request.claims[1].id repeats the id of request.claims[0]; claim ids"
            + " must be unique within a request").contains("CLAIM-C");
    Map<String, String> out = Fleet.byAccount(r.out());
    // 432 min = 99.0 %: 10 % of USD 100.00; 36 h = 95.0 %: 30 % of USD 100.00
    assertThat(out.get("nimbus-a")).contains("{\"amount\":\"10.00\",\"currency\":\"USD\"}");
    assertThat(out.get("nimbus-d")).contains("{\"amount\":\"30.00\",\"currency\":\"USD\"}");
    assertThat(out.get("nimbus-c")).doesNotContain("\"amount\"");
  }

  @Test
  void daysOfServiceAsMoney() {
    Run r = days("policy.json");

    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, String> out = Fleet.byAccount(r.out());
    // July 2026 = 44,640 min; USD 62.00 / 31 days = USD 2.00 a day
    // 8 h = 480 min: 98.9247 %: 7 days = USD 14.00, the term to 2026-08-08
    assertThat(out.get("meridian")).contains("{\"amount\":\"14.00\",\"currency\":\"USD\"}",
        "\"extendsTermTo\":\"2026-08-08T00:00:00Z\"");
    // 7 h 26 min 24 s = 446.4 min: exactly 99.0 %: 3 days = USD 6.00
    assertThat(out.get("kestrel")).contains("{\"amount\":\"6.00\",\"currency\":\"USD\"}",
        "\"extendsTermTo\":\"2026-08-04T00:00:00Z\"");
    // 40 min: 99.9104 %: none
    assertThat(out.get("lagoon")).contains("\"lines\":[]");
    // 40 h = 2,400 min: 94.6237 %: 15 days = USD 30.00
    assertThat(out.get("tundra")).contains("{\"amount\":\"30.00\",\"currency\":\"USD\"}",
        "\"extendsTermTo\":\"2026-08-16T00:00:00Z\"");
    // 14.00 + 6.00 + 30.00 = 50.00
    assertThat(Fleet.row(r.err(), "credit lines")).isEqualTo(3);
    assertThat(r.err()).containsSubsequence("Credits per currency", "USD 50.00");
  }

  @Test
  void daysOfServiceAsTermExtension() {
    Run r = days("term-extension.json");

    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, String> out = Fleet.byAccount(r.out());
    assertThat(out.get("meridian")).contains("{\"amount\":\"0.00\",\"currency\":\"USD\"}",
        "\"extendsTermTo\":\"2026-08-08T00:00:00Z\"");
    assertThat(out.get("kestrel")).contains("\"extendsTermTo\":\"2026-08-04T00:00:00Z\"");
    assertThat(out.get("lagoon")).contains("\"lines\":[]");
    assertThat(out.get("tundra")).contains("\"extendsTermTo\":\"2026-08-16T00:00:00Z\"");
    assertThat(Fleet.row(r.err(), "credit lines")).isEqualTo(3);
    assertThat(r.err()).containsSubsequence("Credits per currency", "USD 0.00");
  }

  /** grid-2007's tiers, measured from telemetry: a minute above 5 % errors is down; no data is up. */
  Path telemetryPolicy(String missingData) throws IOException {
    return Files.writeString(tmp.resolve("telemetry-" + missingData + ".json"), """
        {"schema":"amends.policy/1","id":"grid-sla","version":1,"effectiveFrom":"2007-01-01T05:00:00Z",
         "measurementRules":{"source":"TELEMETRY","telemetry":{"method":"BAD_TIMESLICES","errorThreshold":"0.05",
           "missingData":"%s"}},
         "rule":{"kind":"availability-tiers","id":"tiers","tiers":[
             {"lower":"99.0","upper":"99.9","value":"10"},
             {"lower":"95.0","upper":"99.0","value":"25"},
             {"lower":"0","upper":"95.0","value":"100"}]},
         "rounding":{"mode":"HALF_UP"}}
        """.formatted(missingData));
  }

  @Test
  void telemetryMeasuresTheAvailability() throws IOException {
    // cluster-2: 7 h at 40 % errors (bad), then 1 h at 1 % (good); cluster-3: 1 h at 6 % errors (bad)
    Path telemetry = Files.write(tmp.resolve("telemetry.ndjson"), java.util.List.of(
        "{\"scope\":\"grid/cluster-2\",\"window\":{\"start\":\"2007-12-03T10:00:00Z\",\"end\":\"2007-12-03T17:00:00Z\"},"
            + "\"good\":600,\"total\":1000}",
        "{\"scope\":\"grid/cluster-2\",\"window\":{\"start\":\"2007-12-03T17:00:00Z\",\"end\":\"2007-12-03T18:00:00Z\"},"
            + "\"errorRate\":\"0.01\"}",
        "{\"scope\":\"grid/cluster-3\",\"window\":{\"start\":\"2007-12-05T10:00:00Z\",\"end\":\"2007-12-05T11:00:00Z\"},"
            + "\"errorRate\":\"6/100\"}"));

    Run r = run("credit", "--policy", telemetryPolicy("GOOD").toString(), "--accounts", AmendsCliTest.ACCOUNTS,
        "--outages", AmendsCliTest.OUTAGES, "--telemetry", telemetry.toString(), "--period", "2007-12", "--threads", "2");

    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, String> out = Fleet.byAccount(r.out());
    // the outage records are not the source: the 7 h maintenance overrun does not count. December 2007
    // = 44,640 min; cluster-2 420 min bad: 99.0591 %: 10 % (acme: of USD 20.00 = 2.00); cluster-3
    // 60 min bad: 44,580 / 44,640 = 99.8656 %: 10 % (fjord: of 240.00 / 12 = 20.00, 2.00)
    assertThat(out.get("acme")).contains("{\"amount\":\"2.00\",\"currency\":\"USD\"}");
    assertThat(out.get("fjord")).contains("{\"amount\":\"2.00\",\"currency\":\"USD\"}");
    // cluster-1 has no samples; missing data counts as up
    assertThat(out.get("delta")).contains("\"lines\":[]");
    // USD: acme 2.00 + borealis 5.00 + cobalt 4.50 + fjord 2.00 = 13.50; EUR: elbe 3.00
    assertThat(r.err()).containsSubsequence("Credits per currency", "EUR 3.00", "USD 13.50");

    Run strict = run("credit", "--policy", telemetryPolicy("NOT_ALLOWED").toString(), "--accounts", AmendsCliTest.ACCOUNTS,
        "--outages", AmendsCliTest.OUTAGES, "--telemetry", telemetry.toString(), "--period", "2007-12", "--threads", "2");
    // with missing data not allowed, nothing is guessed: no credit, and the decision says why
    assertThat(Fleet.byAccount(strict.out()).get("acme")).contains("\"lines\":[]", "MISSING_TELEMETRY");
  }
}
