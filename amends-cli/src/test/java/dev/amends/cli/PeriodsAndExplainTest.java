package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.ACCOUNTS;
import static dev.amends.cli.AmendsCliTest.GOODWILL;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several billing periods in one run ({@code --period FIRST..LAST}, {@code --periods-touched}),
 * {@code explain --format json}, "none" for empty sections and open-ended windows in texts.
 *
 * <p>The outage across a month end: grid/cluster-2 down 2007-11-30T23:00Z–2007-12-01T10:00Z,
 * unplanned. In New York (UTC-5) that is 18:00 on 30 November to 05:00 on 1 December: 6 h in the
 * November period and 5 h in December. November 2007 in New York is 30 × 1,440 + 60 = 43,260 min
 * (daylight saving time ended on 4 November), 360 down, 42,900 / 43,260 = 99.1678 %; December: 44,640 min, 300 down, 44,340 / 44,640 = 99.3279 %; both in the
 * 10 % tier [99.0, 99.9).
 */
class PeriodsAndExplainTest {
  @TempDir
  Path tmp;

  private Path acrossMonthEnd() throws IOException {
    return Files.writeString(tmp.resolve("across.ndjson"), "{\"id\":\"INC-ACROSS\",\"scopes\":[\"grid/cluster-2\"],"
        + "\"window\":{\"start\":\"2007-11-30T23:00:00Z\",\"end\":\"2007-12-01T10:00:00Z\"},\"kind\":\"UNPLANNED\","
        + "\"impact\":{\"level\":\"FULL\"},\"cause\":\"PROVIDER\"}\n");
  }

  private static String[] credit(Path outages, String... period) {
    List<String> args = new ArrayList<>(List.of("credit", "--policy", POLICY, "--accounts", ACCOUNTS,
        "--outages", outages.toString(), "--threads", "2", "--format", "csv"));
    args.addAll(List.of(period));
    return args.toArray(String[]::new);
  }

  private static List<String> rows(Run r) {
    return r.out().lines().skip(1).toList();
  }

  @Test
  void aRangeOfMonthsDecidesEachMonthInTurnAsSeparateRunsWould() throws IOException {
    Path across = acrossMonthEnd();

    Run november = run(credit(across, "--period", "2007-11"));
    Run december = run(credit(across, "--period", "2007-12"));
    Run both = run(credit(across, "--period", "2007-11..2007-12"));

    assertThat(both.exit()).isEqualTo(0);
    List<String> expected = new ArrayList<>(rows(november));
    expected.addAll(rows(december));
    assertThat(rows(both)).isEqualTo(expected);
    // 10 % of each fee in each month: acme 2.00, borealis 600.00 / 12 x 10 % = 5.00, cobalt 4.50, elbe EUR 3.00
    assertThat(rows(both)).extracting(l -> l.split(",")[0] + " " + l.split(",")[2] + " " + l.split(",")[7])
        .containsExactly("acme 2007-11 2.00", "borealis 2007-11 5.00", "cobalt 2007-11 4.50", "elbe 2007-11 3.00",
            "acme 2007-12 2.00", "borealis 2007-12 5.00", "cobalt 2007-12 4.50", "elbe 2007-12 3.00");
    assertThat(rows(both).get(0)).endsWith("availability 99.1678 % < 99.9 % -> 10 % of USD 20.00");
    assertThat(rows(both).get(4)).endsWith("availability 99.3279 % < 99.9 % -> 10 % of USD 20.00");
    // USD 2 x (2.00 + 5.00 + 4.50) = 23.00; EUR 2 x 3.00 = 6.00; accounts read once, decided twice each
    assertThat(both.err()).containsSubsequence("accounts read", "6", "decided", "12", "credit lines", "8",
        "Credits per currency", "EUR 6.00", "USD 23.00");
  }

  @Test
  void periodsTouchedDecidesBothPeriodsOfAnOutageAcrossAMonthEnd() throws IOException {
    Path across = acrossMonthEnd();

    Run range = run(credit(across, "--period", "2007-11..2007-12"));
    Run touched = run(credit(across, "--periods-touched"));

    assertThat(touched.exit()).isEqualTo(0);
    assertThat(touched.out()).isEqualTo(range.out());
  }

  @Test
  void periodsTouchedLeavesOutPeriodsNoOutageOverlaps() throws IOException {
    Run december = run(credit(Path.of(OUTAGES), "--period", "2007-12"));
    Run touched = run(credit(Path.of(OUTAGES), "--periods-touched"));
    Run withinRange = run(credit(Path.of(OUTAGES), "--periods-touched", "--period", "2007-06..2008-06"));
    Run outsideRange = run(credit(Path.of(OUTAGES), "--periods-touched", "--period", "2008-01..2008-06"));

    assertThat(touched.out()).isEqualTo(december.out());
    assertThat(withinRange.out()).isEqualTo(december.out());
    assertThat(outsideRange.exit()).isEqualTo(0);
    assertThat(rows(outsideRange)).isEmpty();
    assertThat(outsideRange.err()).contains("warning: --periods-touched: no outage in");
  }

  @Test
  void aRangeDecidesAQuarterlyAccountOnceInTheMonthItsQuarterStarts() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(ACCOUNTS)).subList(0, 1));
    lines.add("{\"id\":\"quarterly\",\"currency\":\"USD\",\"zone\":\"America/New_York\",\"billing\":{\"cycle\":\"QUARTERLY\"},"
        + "\"subscriptions\":[{\"id\":\"q\",\"plan\":\"grid-monthly\",\"prices\":[{\"amount\":{\"amount\":\"60.00\","
        + "\"currency\":\"USD\"},\"per\":\"QUARTERLY\"}],\"active\":{\"start\":\"2006-01-01T05:00:00Z\"},"
        + "\"placements\":[\"grid/cluster-2\"]}]}");
    Path accounts = Files.write(tmp.resolve("accounts.ndjson"), lines);

    Run r = run("credit", "--policy", POLICY, "--accounts", accounts.toString(), "--outages", OUTAGES, "--threads", "2",
        "--period", "2007-10..2007-12");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).doesNotContain("rejected:");
    // acme in October, November and December; the quarterly account once, for the quarter from October
    assertThat(r.out().lines().map(l -> l.substring(l.indexOf("\"accountId\""), l.indexOf(",\"end\""))))
        .containsExactly(
            "\"accountId\":\"acme\",\"period\":{\"start\":\"2007-10-01\"",
            "\"accountId\":\"quarterly\",\"period\":{\"start\":\"2007-10-01\"",
            "\"accountId\":\"acme\",\"period\":{\"start\":\"2007-11-01\"",
            "\"accountId\":\"acme\",\"period\":{\"start\":\"2007-12-01\"");
  }

  @Test
  void aBadRangeIsOneLineNamingTheExpectedForm() {
    Run reversed = run(credit(Path.of(OUTAGES), "--period", "2007-12..2007-11"));
    Run garbled = run(credit(Path.of(OUTAGES), "--period", "2007-12..soon"));
    Run tooLong = run(credit(Path.of(OUTAGES), "--period", "2000-01..2010-01"));
    Run none = run(credit(Path.of(OUTAGES)));

    assertThat(List.of(reversed.exit(), garbled.exit(), tooLong.exit(), none.exit())).containsOnly(2);
    assertThat(reversed.err()).contains("'2007-12..2007-11': the range ends (2007-11) before it starts (2007-12)");
    assertThat(garbled.err()).contains("expected a month YYYY-MM, such as 2026-02, or a range YYYY-MM..YYYY-MM");
    assertThat(tooLong.err()).contains("at most 120 months in one run");
    assertThat(none.err()).contains("missing option: --period YYYY-MM");
  }

  @Test
  void diffDecidesOneMonthOnlyAndSaysSo() {
    Run r = run("diff", "--before", POLICY, "--after", POLICY, "--accounts", ACCOUNTS, "--outages", OUTAGES,
        "--period", "2007-11..2007-12");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("diff decides one billing period: give --period YYYY-MM");
  }

  @Test
  void explainAsJsonIsTheDecisionWithItsExactTraces() {
    Run r = run("explain", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", OUTAGES,
        "--period", "2007-12", "--account", "acme", "--format", "json");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out().lines()).hasSize(1);
    assertThat(r.out()).startsWith("{\"accountId\":\"acme\",\"period\":{\"start\":\"2007-12-01\"")
        .contains("\"amount\":{\"amount\":\"2.00\",\"currency\":\"USD\"}", "\"traces\":[{\"subscriptionId\":\"acme-grid\"",
            // 420 min down of 44,640: 44,220 / 44,640 = 737 / 744 exactly
            "\"availability\":\"737/744\"", "\"path\":\"tiers\"");
  }

  @Test
  void explainOverARangeGivesOneDecisionPerMonthInOrder() throws IOException {
    Path across = acrossMonthEnd();
    Run r = run("explain", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", across.toString(),
        "--period", "2007-11..2007-12", "--account", "acme", "--format", "json");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out().lines().map(l -> l.substring(0, l.indexOf("\"end\""))))
        .containsExactly("{\"accountId\":\"acme\",\"period\":{\"start\":\"2007-11-01\",",
            "{\"accountId\":\"acme\",\"period\":{\"start\":\"2007-12-01\",");
  }

  @Test
  void explainWritesAnOpenEndedWindowAsOpenEnded() {
    Run r = run("explain", "--policy", POLICY, "--campaign", GOODWILL, "--accounts", ACCOUNTS, "--outages", OUTAGES,
        "--period", "2007-12", "--account", "acme");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("condition met: active 2006-01-01T05:00:00Z/open-ended;")
        .doesNotContain("+1000000000");
  }

  @Test
  void emptyCreditSectionsSayNone() throws IOException {
    Path quiet = Files.writeString(tmp.resolve("none.ndjson"), "");

    Run r = run(credit(quiet, "--period", "2007-12"));

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).containsSubsequence(
        "Credits per currency", "  none",
        "Credits per plan", "  none",
        "Credits per scope (placement)", "  none",
        "Credits per rule", "  none",
        "Flags raised (decisions)", "  none",
        "Largest credits", "  none");
  }
}
