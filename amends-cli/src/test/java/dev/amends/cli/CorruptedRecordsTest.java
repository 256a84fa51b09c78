package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two thousand generated accounts with corrupted lines mixed in at known line numbers: every
 * good account is decided, every bad line is rejected with its line number and a reason naming
 * the field, and the summary reconciles: accounts read = decided + rejected.
 *
 * <p>The policy is grid-2007's tiers, scoped to the plans {@code grid-monthly} and {@code
 * grid-annual} by a {@code when plan-in} node. A plan is only a label on a subscription: there is no
 * list of plans anywhere else (prices are on the subscription), so a plan the policy does not name
 * is not a corrupted record. Such an account is decided, with no credit line, and {@code explain}
 * says why. A missing or blank plan, by contrast, is a bad line.
 */
class CorruptedRecordsTest {
  static final int GOOD = 2000;

  @TempDir
  Path tmp;

  /** grid-2007's policy with its tiers under {@code when plan-in [grid-annual, grid-monthly]}. */
  Path planScopedPolicy() throws IOException {
    return Files.writeString(tmp.resolve("policy.json"), """
        {"schema":"amends.policy/1","id":"grid-sla","version":1,"effectiveFrom":"2007-01-01T05:00:00Z",
         "measurementRules":{"maintenanceNotice":"PT24H"},
         "rule":{"kind":"when","id":"grid-plans","condition":{"type":"plan-in","plans":["grid-monthly","grid-annual"]},
           "then":{"kind":"availability-tiers","id":"tiers","tiers":[
             {"lower":"99.0","upper":"99.9","value":"10"},
             {"lower":"95.0","upper":"99.0","value":"25"},
             {"lower":"0","upper":"95.0","value":"100"}]}},
         "rounding":{"mode":"HALF_UP"}}
        """);
  }

  /** The seed SLA for the plans it lists ({@code "plans"}): an account on another plan is a bad record. */
  Path plansPolicy() throws IOException {
    return Files.writeString(tmp.resolve("plans-policy.json"), """
        {"schema":"amends.policy/1","id":"grid-sla","version":1,"effectiveFrom":"2007-01-01T05:00:00Z",
         "measurementRules":{"maintenanceNotice":"PT24H"},
         "rule":{"kind":"availability-tiers","id":"tiers","tiers":[
             {"lower":"99.0","upper":"99.9","value":"10"},
             {"lower":"95.0","upper":"99.0","value":"25"},
             {"lower":"0","upper":"95.0","value":"100"}]},
         "rounding":{"mode":"HALF_UP"},
         "plans":["grid-monthly","grid-annual"]}
        """);
  }

  /** The bad lines, by their line number in the file, with what their rejection must name. */
  record Bad(String line, String names) {}

  static Map<Integer, Bad> badLines() {
    String cluster2 = "grid/cluster-2";
    String since = "2006-01-01T05:00:00Z";
    Map<Integer, Bad> bad = new LinkedHashMap<>();
    bad.put(1, new Bad(Fleet.account("bad-date", "USD", "grid-monthly", "20.00", cluster2, since, null)
        .replace("\"customerSince\":\"2006-01-01\"", "\"customerSince\":\"2007-02-30\""),
        "/customerSince"));
    bad.put(417, new Bad(Fleet.account("bad-instant", "USD", "grid-monthly", "20.00", cluster2, "2007-12-01T25:00:00Z", null),
        "/subscriptions/0/active"));
    bad.put(1000, new Bad(Fleet.account("bad-currency", "XYZ", "grid-monthly", "20.00", cluster2, since, null),
        "/currency"));
    bad.put(1500, new Bad(Fleet.account("reversed", "USD", "grid-monthly", "20.00", cluster2, "2007-06-01T04:00:00Z",
        "2007-01-01T05:00:00Z"), "/subscriptions/0/active"));
    bad.put(1750, new Bad(Fleet.account("no-plan", "USD", " ", "20.00", cluster2, since, null), "/subscriptions/0/plan"));
    String whole = Fleet.account("truncated", "USD", "grid-monthly", "20.00", cluster2, since, null);
    bad.put(1900, new Bad(whole.substring(0, whole.length() / 2), "is not valid JSON"));
    bad.put(GOOD + 7, new Bad(Fleet.account("bad-amount", "USD", "grid-monthly", "20.00.0", cluster2, since, null),
        "/subscriptions/0/prices/0/amount"));
    return bad;
  }

  /** The generated accounts with the bad lines at their line numbers, then {@code extra}. */
  static List<String> fileLines(Map<Integer, Bad> bad, List<String> extra) {
    List<String> good = Fleet.accounts(GOOD);
    List<String> lines = new ArrayList<>();
    int next = 0;
    for (int n = 1; n <= GOOD + bad.size(); n++) {
      lines.add(bad.containsKey(n) ? bad.get(n).line() : good.get(next++));
    }
    lines.addAll(extra);
    return lines;
  }

  @Test
  void everyGoodAccountIsDecidedAndEveryBadLineRejectedWithItsLineAndField() throws IOException {
    Map<Integer, Bad> bad = badLines();
    // two accounts whose lines are well formed but which cannot be decided: one on a plan the policy
    // does not cover (the engine rejects it) and one billed quarterly, which has no period starting
    // in December (refused before the engine)
    String unknownPlan = Fleet.account("legacy", "USD", "grid-legacy", "20.00", "grid/cluster-2", "2006-01-01T05:00:00Z", null);
    String quarterly = Fleet.account("quarterly", "USD", "grid-monthly", "20.00", "grid/cluster-2", "2006-01-01T05:00:00Z", null)
        .replace("\"customerSince\"", "\"billing\":{\"cycle\":\"QUARTERLY\"},\"customerSince\"");
    List<String> lines = fileLines(bad, List.of(unknownPlan, quarterly));
    Path accounts = Fleet.write(tmp.resolve("accounts.ndjson"), lines);
    int read = GOOD + bad.size() + 2;
    assertThat(lines).hasSize(read);
    bad.forEach((n, b) -> assertThat(lines.get(n - 1)).isEqualTo(b.line()));

    Run r = run("credit", "--policy", plansPolicy().toString(), "--accounts", accounts.toString(),
        "--outages", AmendsCliTest.OUTAGES, "--period", "2007-12", "--threads", "4");

    assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED);
    // each bad line: its line number and the field, in the order met
    List<String> rejections = Fleet.rejections(r.err());
    assertThat(rejections).hasSize(bad.size() + 2);
    int i = 0;
    for (var e : bad.entrySet()) {
      assertThat(rejections.get(i++)).startsWith("rejected: accounts.ndjson line " + e.getKey() + ": ")
          .contains(e.getValue().names());
    }
    // the two requests, in the order their reasons are known (the quarterly one on reading, the
    // legacy one when the engine answers)
    assertThat(rejections.subList(i, i + 2)).satisfiesExactlyInAnyOrder(
        q -> assertThat(q).startsWith("rejected: account quarterly: ").contains("period.month", "QUARTERLY"),
        l -> assertThat(l).startsWith("rejected: account legacy: ")
            .contains("request.account.subscriptions[0].plan", "grid-legacy", "[grid-annual, grid-monthly]"));
    // every good account decided, and nothing else
    Map<String, String> out = Fleet.byAccount(r.out());
    Set<String> expected = new TreeSet<>();
    for (int k = 0; k < GOOD; k++) {
      expected.add(Fleet.id(k));
    }
    // (the quarterly account is refused before it reaches the engine: it is reported on standard
    // error only, with no line in the output; the legacy one has a "rejected" line)
    assertThat(out.keySet()).containsAll(expected).hasSize(expected.size() + 1);
    expected.forEach(id -> assertThat(out.get(id)).startsWith("{\"result\":\"decided\""));
    assertThat(out.get("legacy")).startsWith("{\"result\":\"rejected\"").contains("grid-legacy");
    // acct-00001 is on cluster-2, monthly, USD 11.00: 10 % = 1.10
    assertThat(out.get(Fleet.id(1))).contains("{\"amount\":\"1.10\",\"currency\":\"USD\"}");
    // read = decided + rejected: 2,009 = 2,000 + (7 bad lines + the legacy and quarterly requests)
    assertThat(Fleet.row(r.err(), "accounts read")).isEqualTo(2009);
    assertThat(Fleet.row(r.err(), "decided")).isEqualTo(2000);
    assertThat(Fleet.row(r.err(), "rejected")).isEqualTo(9);
    assertThat(Fleet.row(r.err(), "bad account lines")).isEqualTo(7);
    assertThat(Fleet.row(r.err(), "rejected requests")).isEqualTo(2);
    assertThat(Fleet.row(r.err(), "other bad lines")).isZero();
  }

  @Test
  void underAPolicyWithoutAPlanListAnAccountOnAPlanItsConditionDoesNotNameIsDecidedWithTheReason() throws IOException {
    Path accounts = Fleet.write(tmp.resolve("accounts.ndjson"), List.of(
        Fleet.account("legacy", "USD", "grid-legacy", "20.00", "grid/cluster-2", "2006-01-01T05:00:00Z", null)));

    Run r = run("explain", "--policy", planScopedPolicy().toString(), "--accounts", accounts.toString(),
        "--outages", AmendsCliTest.OUTAGES, "--period", "2007-12", "--account", "legacy");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("plan grid-legacy", "plan in [grid-annual, grid-monthly]");
  }

  @Test
  void withAllowBadRecordsBadOutageLinesAreRejectedWithTheirLineAndTheRunCarriesOn() throws IOException {
    List<String> outages = new ArrayList<>(Files.readAllLines(Path.of(AmendsCliTest.OUTAGES)));
    outages.add(1, "{\"id\":\"REVERSED\",\"scopes\":[\"grid/cluster-1\"],\"window\":{\"start\":\"2007-12-10T12:00:00Z\","
        + "\"end\":\"2007-12-10T08:00:00Z\"},\"impact\":{\"level\":\"FULL\"}}");
    outages.add("{\"id\":\"BAD-INSTANT\",\"scopes\":[\"grid/cluster-1\"],\"window\":{\"start\":\"2007-12-32T00:00:00Z\","
        + "\"end\":\"2007-12-31T08:00:00Z\"}}");
    Path file = Fleet.write(tmp.resolve("outages.ndjson"), outages);

    Run r = run("credit", "--policy", AmendsCliTest.POLICY, "--accounts", AmendsCliTest.ACCOUNTS,
        "--outages", file.toString(), "--period", "2007-12", "--threads", "2", "--allow-bad-records");

    assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED);
    List<String> rejections = Fleet.rejections(r.err());
    assertThat(rejections).hasSize(2);
    assertThat(rejections.get(0)).startsWith("rejected: outages.ndjson line 2: ").contains("/window");
    assertThat(rejections.get(1)).startsWith("rejected: outages.ndjson line 4: ").contains("/window/start");
    // the good outages still count: the same credits as the seed example, delta on cluster-1 untouched
    assertThat(r.out().lines()).hasSize(6);
    assertThat(Fleet.byAccount(r.out()).get("delta")).contains("\"lines\":[]");
    // the accounts reconcile (6 read = 6 decided + 0 rejected); the outage lines are counted apart
    assertThat(Fleet.row(r.err(), "accounts read")).isEqualTo(6);
    assertThat(Fleet.row(r.err(), "decided")).isEqualTo(6);
    assertThat(Fleet.row(r.err(), "rejected")).isZero();
    assertThat(Fleet.row(r.err(), "other bad lines")).isEqualTo(2);
    assertThat(r.err()).containsSubsequence("Credits per currency", "EUR 3.00", "USD 11.50");
  }
}
