package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One account under two policies with disjoint plans, decided in one run: a compute policy for
 * plan {@code ec2} (10 % of the fee from 99.0 % to 99.9 %) and a storage policy for plan {@code s3}
 * (25 % in the same band), given as two {@code --policy} documents or as one policy book. The
 * account has one subscription of each on grid/cluster-2, where the seed example's maintenance
 * overran by 7 h: 44,220 of 44,640 minutes of December 2007 in US Eastern, 99.0591 %.
 */
class SeveralPoliciesTest {
  static final String COMPUTE = policy("compute-sla", "ec2", "10");
  static final String STORAGE = policy("storage-sla", "s3", "25");
  /** USD 20.00 a month on ec2, USD 40.00 a month on s3. */
  static final String ACCOUNT = "{\"id\":\"multi\",\"currency\":\"USD\",\"zone\":\"America/New_York\",\"customerSince\":\"2006-01-01\","
      + "\"subscriptions\":[" + subscription("multi-ec2", "ec2", "20.00") + "," + subscription("multi-s3", "s3", "40.00") + "]}";

  @TempDir
  Path tmp;

  Path compute;
  Path storage;
  Path accounts;

  @BeforeEach
  void files() throws IOException {
    compute = Files.writeString(tmp.resolve("compute.json"), COMPUTE);
    storage = Files.writeString(tmp.resolve("storage.json"), STORAGE);
    accounts = Files.writeString(tmp.resolve("accounts.ndjson"), ACCOUNT + "\n");
  }

  static String policy(String id, String plan, String percent) {
    return """
        {"schema": "amends.policy/1", "id": "%s", "version": 1, "effectiveFrom": "2007-01-01T05:00:00Z",
         "plans": ["%s"], "measurementRules": {"maintenanceNotice": "PT24H"},
         "rule": {"kind": "availability-tiers", "id": "tiers",
                  "tiers": [{"lower": "99.0", "upper": "99.9", "value": "%s"}, {"lower": "0", "upper": "99.0", "value": "50"}]},
         "rounding": {"mode": "HALF_UP"}}
        """.formatted(id, plan, percent);
  }

  static String subscription(String id, String plan, String fee) {
    return "{\"id\":\"" + id + "\",\"plan\":\"" + plan + "\",\"prices\":[{\"amount\":{\"amount\":\"" + fee
        + "\",\"currency\":\"USD\"},\"per\":\"MONTHLY\"}],\"active\":{\"start\":\"2006-01-01T05:00:00Z\"},"
        + "\"placements\":[\"grid/cluster-2\"]}";
  }

  private Run credit(String... policies) {
    List<String> args = new java.util.ArrayList<>(List.of("credit"));
    for (String p : policies) {
      args.addAll(List.of("--policy", p));
    }
    args.addAll(List.of("--accounts", accounts.toString(), "--outages", AmendsCliTest.OUTAGES, "--period", "2007-12"));
    return run(args.toArray(String[]::new));
  }

  @Test
  void twoPoliciesWithDisjointPlansDecideBothSubscriptionsInOneRun() {
    Run r = credit(compute.toString(), storage.toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.out().lines()).hasSize(1);
    // ec2: 10 % of USD 20.00 = USD 2.00; s3: 25 % of USD 40.00 = USD 10.00; USD 12.00 in all
    assertThat(r.out()).contains("\"subscriptionId\":\"multi-ec2\"", "\"policy\":{\"id\":\"compute-sla\"",
        "{\"amount\":\"2.00\",\"currency\":\"USD\"}", "\"subscriptionId\":\"multi-s3\"", "\"policy\":{\"id\":\"storage-sla\"",
        "{\"amount\":\"10.00\",\"currency\":\"USD\"}");
    assertThat(r.err()).containsSubsequence("Credits per currency", "USD 12.00");
  }

  @Test
  void aPolicyBookDocumentDecidesTheSameAsItsPolicies() throws IOException {
    Path book = Files.writeString(tmp.resolve("book.json"),
        "{\"schema\": \"amends.policy-book/1\", \"policies\": [" + COMPUTE + "," + STORAGE + "]}");

    Run fromBook = credit(book.toString());
    Run fromTwo = credit(compute.toString(), storage.toString());
    Run explain = run("explain", "--policy", book.toString(), "--accounts", accounts.toString(), "--outages",
        AmendsCliTest.OUTAGES, "--period", "2007-12", "--account", "multi");

    assertThat(fromBook.exit()).as(fromBook.err()).isEqualTo(0);
    assertThat(fromBook.out()).isEqualTo(fromTwo.out());
    assertThat(explain.exit()).isEqualTo(0);
    assertThat(explain.out()).contains("USD 2.00 CREDIT multi-ec2 compute-sla v1 tiers",
        "USD 10.00 CREDIT multi-s3 storage-sla v1 tiers");
  }

  @Test
  void withOnlyOneOfThePoliciesTheOtherPlanIsRejectedByName() {
    Run r = credit(compute.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(r.err()).contains("rejected: account multi: ", "subscriptions[1].plan");
  }

  @Test
  void diffTakesSeveralPoliciesOnEachSide() throws IOException {
    Path richer = Files.writeString(tmp.resolve("storage-v2.json"), STORAGE.replace("\"value\": \"25\"", "\"value\": \"30\""));

    Run r = run("diff", "--before", compute.toString(), "--before", storage.toString(), "--after", compute.toString(),
        "--after", richer.toString(), "--accounts", accounts.toString(), "--outages", AmendsCliTest.OUTAGES,
        "--period", "2007-12");

    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    // s3: 25 % -> 30 % of USD 40.00, USD 10.00 -> USD 12.00; ec2 unchanged
    assertThat(r.out()).contains("Account multi: 1 line changes",
        "multi-s3 tiers CREDIT: USD 10.00 -> USD 12.00 (USD +2.00)");
  }

  @Test
  void theSamePolicyTwiceIsABadPolicyBookNotACrash() {
    Run r = credit(compute.toString(), compute.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err().strip()).isEqualTo("amends credit: --policy " + compute + " is given twice");
  }

  @Test
  void twoVersionsThatOverlapAreABadPolicyBookNamingBoth() throws IOException {
    Path v2 = Files.writeString(tmp.resolve("compute-v2.json"), COMPUTE.replace("\"version\": 1", "\"version\": 2"));

    Run r = credit(compute.toString(), v2.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_POLICY);
    assertThat(r.err()).contains("--policy: policy compute-sla v1", "overlaps v2",
        "amends credit: --policy: the policies given do not make one policy book (1 problem)");
  }
}
