package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.ACCOUNTS;
import static dev.amends.cli.AmendsCliTest.OUTAGES;
import static dev.amends.cli.AmendsCliTest.POLICY;
import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code amends diff} on the seed example, examples/grid-2007 (see {@link AmendsCliTest}): every
 * account on grid/cluster-2 is at 99.0591 %, in the [99.0 %, 99.9 %) tier, 10 % of its month's
 * fee; the variant policy raises that tier to 15 %. acme 20.00, borealis 600.00 / 12 = 50.00,
 * cobalt 45.00 (USD) and elbe 30.00 (EUR) are credited; delta (cluster-1) and fjord (99.9328 %)
 * are not, under either policy.
 */
class DiffCommandTest {
  @TempDir
  Path tmp;

  Path v2;

  @BeforeEach
  void variantPolicy() throws IOException {
    v2 = tmp.resolve("v2.json");
    Files.writeString(v2, variant("grid-sla", 2));
  }

  /** The seed policy with the 10 % tier at 15 %, under the given id and version. */
  static String variant(String id, int version) throws IOException {
    String seed = Files.readString(Path.of(POLICY));
    String v = seed.replace("\"id\": \"grid-sla\"", "\"id\": \"" + id + "\"")
        .replace("\"version\": 1", "\"version\": " + version)
        .replace("\"value\": \"10\" }", "\"value\": \"15\" }");
    assertThat(v).contains("\"value\": \"15\" }", "\"version\": " + version);
    return v;
  }

  static String[] diff(String before, String after, String... more) {
    List<String> args = new ArrayList<>(List.of("diff", "--before", before, "--after", after, "--accounts", ACCOUNTS,
        "--outages", OUTAGES, "--period", "2007-12", "--threads", "2"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void aHigherTierListsEachCreditedAccountWithBothAmountsAndBothTraces() {
    Run r = run(diff(POLICY, v2.toString()));

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).containsSubsequence(
        // 10 % of 20.00 = 2.00; 15 % = 3.00
        "Account acme: 1 line changes",
        "acme-grid tiers CREDIT: USD 2.00 -> USD 3.00 (USD +1.00)",
        "before: USD 2.00 CREDIT acme-grid grid-sla v1 tiers: availability 99.0591 % < 99.9 % -> 10 % of USD 20.00",
        "after:  USD 3.00 CREDIT acme-grid grid-sla v2 tiers: availability 99.0591 % < 99.9 % -> 15 % of USD 20.00",
        "Before (policy.json, grid-sla v1):", "Trace:", "acme-grid under grid-sla v1",
        "tiers [availability-tiers] CREDITED: availability 99.0591 % < 99.9 % -> 10 % of USD 20.00",
        "After (v2.json, grid-sla v2):", "Trace:", "acme-grid under grid-sla v2",
        "tiers [availability-tiers] CREDITED: availability 99.0591 % < 99.9 % -> 15 % of USD 20.00",
        // 10 % of 50.00 = 5.00; 15 % = 7.50
        "Account borealis: 1 line changes", "borealis-grid tiers CREDIT: USD 5.00 -> USD 7.50 (USD +2.50)",
        // 10 % of 45.00 = 4.50; 15 % = 6.75
        "Account cobalt: 1 line changes", "cobalt-grid tiers CREDIT: USD 4.50 -> USD 6.75 (USD +2.25)",
        // 10 % of 30.00 = 3.00; 15 % = 4.50
        "Account elbe: 1 line changes", "elbe-grid tiers CREDIT: EUR 3.00 -> EUR 4.50 (EUR +1.50)",
        "Summary", "accounts read", "6", "compared", "6", "changed", "4", "unchanged", "2", "rejected", "0",
        "Credits per currency", "before", "after", "change",
        "EUR", "3.00", "4.50", "+1.50",
        // 2.00 + 5.00 + 4.50 = 11.50 before; 3.00 + 7.50 + 6.75 = 17.25 after; 17.25 - 11.50 = 5.75
        "USD", "11.50", "17.25", "+5.75");
    assertThat(r.out()).doesNotContain("Account delta", "Account fjord");
  }

  @Test
  void ndjsonHasOneObjectPerChangedAccountWithBothTracedDecisionsThenTheSummary() throws IOException {
    Path out = tmp.resolve("diff.ndjson");
    Run r = run(diff(POLICY, v2.toString(), "--format", "ndjson", "--out", out.toString()));

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).isEmpty();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("{\"diff\":\"changed\",\"index\":0,\"accountId\":\"acme\",\"changes\":["
        + "{\"subscriptionId\":\"acme-grid\",\"rulePath\":\"tiers\",\"kind\":\"CREDIT\","
        + "\"before\":{\"amount\":\"2.00\",\"currency\":\"USD\"},\"after\":{\"amount\":\"3.00\",\"currency\":\"USD\"},"
        + "\"change\":{\"amount\":\"1.00\",\"currency\":\"USD\"}}],\"before\":{\"accountId\":\"acme\"");
    assertThat(lines.get(0)).containsSubsequence("\"before\":{", "\"traces\":[", "\"after\":{", "\"traces\":[");
    // delta (index 3) is unchanged and not written
    assertThat(lines.get(3)).startsWith("{\"diff\":\"changed\",\"index\":4,\"accountId\":\"elbe\"")
        .contains("\"change\":{\"amount\":\"1.50\",\"currency\":\"EUR\"}");
    assertThat(lines.get(4)).isEqualTo("{\"diff\":\"summary\",\"accountsRead\":6,\"compared\":6,\"changed\":4,"
        + "\"unchanged\":2,\"rejected\":0,\"totals\":[{\"currency\":\"EUR\",\"before\":\"3.00\",\"after\":\"4.50\","
        + "\"change\":\"1.50\"},{\"currency\":\"USD\",\"before\":\"11.50\",\"after\":\"17.25\",\"change\":\"5.75\"}]}");
    // the summary goes to standard error too when the output is a file
    assertThat(r.err()).containsSubsequence("Summary", "changed", "4", "USD", "11.50", "17.25", "+5.75");
  }

  @Test
  void identicalPoliciesShowNoChangeAndExitZero() {
    Run r = run(diff(POLICY, POLICY));

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).doesNotContain("Account ");
    assertThat(r.out()).containsSubsequence("compared", "6", "changed", "0", "unchanged", "6",
        "EUR", "3.00", "3.00", "0.00", "USD", "11.50", "11.50", "0.00");
  }

  @Test
  void aBadPolicyOnEitherSideExitsWithThree() throws IOException {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, Files.readString(Path.of(POLICY)).replace("\"value\": \"10\" }", "\"value\": \"150\" }"));

    Run after = run(diff(POLICY, bad.toString()));
    Run before = run(diff(bad.toString(), POLICY));

    assertThat(after.exit()).isEqualTo(3);
    assertThat(after.out()).isEmpty();
    assertThat(after.err()).contains(bad.toString(), "not a valid policy");
    assertThat(before.exit()).isEqualTo(3);
  }

  @Test
  void policyIsNotAnOptionOfDiff() {
    Run r = run(diff(POLICY, v2.toString(), "--policy", POLICY));

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown option '--policy'");
  }

  @Test
  void aCreditIssuedUnderVersionOneIsToppedUpUnderVersionTwo() throws IOException {
    // the key names the policy id, not the version: v2's line for acme has v1's key, so the 2.00
    // issued is recognised and v2 adds 3.00 - 2.00 = 1.00; v1 adds nothing
    Path issued = issuedAcme();

    Run r = run(diff(POLICY, v2.toString(), "--issued", issued.toString()));

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("acme-grid tiers TOP_UP: none -> USD 1.00 (USD +1.00)");
    // before: 11.50 - 2.00 = 9.50; after: 17.25 - 2.00 = 15.25
    assertThat(r.out()).containsSubsequence("USD", "9.50", "15.25", "+5.75");
  }

  @Test
  void aPolicyWithAnotherIdIsMatchedBySubscriptionAndRulePathAndIgnoresCreditsIssuedUnderTheOld()
      throws IOException {
    Path other = tmp.resolve("other.json");
    Files.writeString(other, variant("grid-sla-2008", 1));
    Path issued = issuedAcme();

    Run r = run(diff(POLICY, other.toString(), "--issued", issued.toString()));

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).contains("warning: the policies have different ids (grid-sla, grid-sla-2008)");
    // other keys: the 2.00 issued under grid-sla does not count, grid-sla-2008 credits the full 3.00
    assertThat(r.out()).contains("acme-grid tiers CREDIT: none -> USD 3.00 (USD +3.00)",
        "borealis-grid tiers CREDIT: USD 5.00 -> USD 7.50 (USD +2.50)");
    // after: 3.00 + 7.50 + 6.75 = 17.25; 17.25 - 9.50 = 7.75
    assertThat(r.out()).containsSubsequence("USD", "9.50", "17.25", "+7.75");
  }

  @Test
  void aVersionNotInForceForThePeriodIsWarnedAbout() throws IOException {
    Path later = tmp.resolve("later.json");
    Files.writeString(later, variant("grid-sla", 2).replace("2007-01-01T05:00:00Z", "2008-01-01T05:00:00Z"));

    Run r = run(diff(POLICY, later.toString()));

    assertThat(r.err()).contains("warning: " + later + ": grid-sla v2 is in force");
    // no lines under it in December: every credit goes, 11.50 USD and 3.00 EUR
    assertThat(r.out()).contains("acme-grid tiers CREDIT: USD 2.00 -> none (USD -2.00)");
    assertThat(r.out()).containsSubsequence("EUR", "3.00", "0.00", "-3.00", "USD", "11.50", "0.00", "-11.50");
  }

  @Test
  void aRejectedAccountIsCountedAndExitsWithFourAndTheRestIsCompared() throws IOException {
    Path accounts = tmp.resolve("accounts.ndjson");
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(ACCOUNTS)));
    lines.add(1, "{not json");
    Files.write(accounts, lines);
    String[] args = diff(POLICY, v2.toString());
    args[6] = accounts.toString();

    Run r = run(args);

    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).contains("rejected: accounts.ndjson line 2");
    assertThat(r.out()).containsSubsequence("accounts read", "7", "compared", "6", "changed", "4", "rejected", "1");
  }

  @Test
  void aFleetLargerThanTheBatchWindowKeepsItsOrderAndTotals() throws IOException {
    // 1,200 accounts (more than the 1,024 requests a batch reads ahead): every 100th a copy of
    // acme, 2.00 -> 3.00, the rest copies of delta, never credited. 12 x 2.00 = 24.00 before,
    // 12 x 3.00 = 36.00 after
    List<String> seed = Files.readAllLines(Path.of(ACCOUNTS));
    List<String> fleet = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      fleet.add(i % 100 == 0
          ? seed.get(0).replace("\"id\":\"acme\"", "\"id\":\"acme-" + i + "\"")
          : seed.get(3).replace("\"id\":\"delta\"", "\"id\":\"delta-" + i + "\""));
    }
    Path accounts = tmp.resolve("fleet.ndjson");
    Files.write(accounts, fleet);
    Path out = tmp.resolve("fleet-diff.ndjson");
    String[] args = diff(POLICY, v2.toString(), "--format", "ndjson", "--out", out.toString());
    args[6] = accounts.toString();

    Run r = run(args);

    assertThat(r.exit()).isEqualTo(0);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(13);
    for (int k = 0; k < 12; k++) {
      int i = k * 100;
      assertThat(lines.get(k)).startsWith("{\"diff\":\"changed\",\"index\":" + i + ",\"accountId\":\"acme-" + i + "\"")
          .contains("\"change\":{\"amount\":\"1.00\",\"currency\":\"USD\"}");
    }
    assertThat(lines.get(12)).contains("\"accountsRead\":1200,\"compared\":1200,\"changed\":12,\"unchanged\":1188",
        "{\"currency\":\"USD\",\"before\":\"24.00\",\"after\":\"36.00\",\"change\":\"12.00\"}");
  }

  @Test
  void jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
    StringBuilder sb = new StringBuilder();
    DiffWriter.Ndjson.string(sb, "a\"b\\c\nd\u0001é");

    assertThat(sb).hasToString("\"a\\\"b\\\\c\\nd\\u0001é\"");
  }

  private Path issuedAcme() throws IOException {
    String key = run(AmendsCliTest.credit(ACCOUNTS, "--format", "csv")).out().lines().skip(1).findFirst()
        .orElseThrow().split(",")[10];
    Path issued = tmp.resolve("issued.ndjson");
    Files.writeString(issued, "{\"accountId\":\"acme\",\"periodStart\":\"2007-12-01\",\"key\":\"" + key + "\",\"amount\":"
        + "{\"amount\":\"2.00\",\"currency\":\"USD\"},\"policyId\":\"grid-sla\",\"subscriptionId\":\"acme-grid\","
        + "\"rulePath\":\"tiers\"}\n");
    return issued;
  }
}
