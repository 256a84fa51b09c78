package dev.amends.presets;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.core.time.BillingCycle;
import dev.amends.rules.Cap;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.Policy;
import dev.amends.rules.RequiresClaim;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * github-enterprise-cloud: quarterly Uptime; 10 % for (99.0, 99.9], 25 % below 99.0 %, exactly
 * 99.0 % unmapped and flagged; measured over the calendar quarter and credited on the first invoice
 * after it. The second quarter of 2024 (April to June) has 91 days, 131,040 minutes.
 */
class GitHubEnterpriseCloudPresetTest {
  static final Policy GITHUB = Presets.load("github-enterprise-cloud");

  /** An enterprise billed monthly at a monthly price, claimed in time; the second quarter, credited in July. */
  static Scenario q2(String monthly) {
    return Scenario.account("octo-corp").zone("UTC")
        .subscription("ghec", s -> s.plan("enterprise-cloud").monthly(monthly).on("github"))
        .claim("sla-q2", "2024-07-20T00:00")
        .period(YearMonth.of(2024, 7));
  }

  @Test
  void reproducesBothRowsAtTheirBoundaries() {
    // the tiers alone, on USD 100.00 (a month stands for the quarter: the rows are percentages)
    TierTableCheck.of(((Cap) ((RequiresClaim) GITHUB.rule()).child()).child())
        .row("100", "0.00")
        .row("99.9001", "0.00")   // above 99.9 %: the SLA is met
        .row("99.9", "10.00")     // "less than or equal to 99.9 %": exactly 99.9 % earns 10 %
        .row("99.0001", "10.00")  // "but greater than 99.0 %"
        .row("99.0", "0.00")      // in neither row: unmapped (flagged, below)
        .row("98.9999", "25.00")  // "less than 99.0 %"
        .row("0", "25.00")
        .check();
  }

  @Test
  void exactlyNinetyNinePercentIsLeftUnmappedAndFlagged() {
    // 1 % of 131,040 minutes = 1,310.4 minutes = 78,624 seconds down: exactly 99.0 %
    CreditDecision d = q2("USD 100.00")
        .outage("GH-1", o -> o.on("github").from("2024-05-14T00:00").lasting(Duration.ofSeconds(78_624)))
        .decideWith(GITHUB);
    assertThat(d).hasNoLines().hasFlags(DecisionFlag.AMBIGUOUS_BOUNDARY)
        .hasTraceNode("ghec", "claimed/ninety-days/tiers").hasValue("availability", "99 %");
  }

  @Test
  void aWorkedQuarterOnMonthlyBillingLandsOnJulysInvoice() {
    // 120 seats at USD 21.00 a month = USD 2,520.00 a month: USD 7,560.00 for the quarter April-June 2024.
    // Down 2024-05-14 14:00-17:30 (210 min) and 2024-06-02 03:00-03:45 (45 min): 255 minutes.
    // (131,040 - 255) / 131,040 = 99.8054 % -> (99.0, 99.9]: 10 % of 7,560.00 = USD 756.00,
    // far under the cap of 90 of the quarter's 91 days (7,560.00 x 90 / 91 = USD 7,476.92),
    // a line of July's invoice; claimed 2024-07-20, within 30 days of the quarter's end.
    CreditDecision d = q2("USD 2520.00")
        .outage("GH-0514", o -> o.on("github").from("2024-05-14T14:00").until("2024-05-14T17:30"))
        .outage("GH-0602", o -> o.on("github").from("2024-06-02T03:00").until("2024-06-02T03:45"))
        .decideWith(GITHUB);
    assertThat(d).hasLine("claimed/ninety-days/tiers").withAmount("USD 756.00").withReasonContaining("99.8054")
        .and().hasTotal("USD 756.00").hasNoFlags();
    org.assertj.core.api.Assertions.assertThat(d.lines()).singleElement()
        .satisfies(l -> org.assertj.core.api.Assertions.assertThat(l.period().label()).isEqualTo("2024-07"));
  }

  @Test
  void theMonthsOfTheQuarterGiveNothing() {
    // June alone, 45 minutes of 43,200 = 99.8958 %, would earn 10 % of one month; the quarter is credited in July
    CreditDecision d = q2("USD 2520.00").period(YearMonth.of(2024, 6))
        .outage("GH-0602", o -> o.on("github").from("2024-06-02T03:00").until("2024-06-02T03:45"))
        .decideWith(GITHUB);
    assertThat(d).hasNoLines();
  }

  @Test
  void onQuarterlyBillingTheQuarterLandsOnTheNextQuartersInvoice() {
    // the same quarter billed by calendar quarter at USD 7,560.00: USD 756.00 on the July-September invoice
    CreditDecision d = Scenario.account("octo-corp").zone("UTC").billedEvery(BillingCycle.QUARTERLY)
        .subscription("ghec", s -> s.plan("enterprise-cloud").quarterly("USD 7560.00").on("github"))
        .claim("sla-q2", "2024-07-20T00:00")
        .period(YearMonth.of(2024, 7))
        .outage("GH-0514", o -> o.on("github").from("2024-05-14T14:00").until("2024-05-14T17:30"))
        .outage("GH-0602", o -> o.on("github").from("2024-06-02T03:00").until("2024-06-02T03:45"))
        .decideWith(GITHUB);
    assertThat(d).hasLine("claimed/ninety-days/tiers").withAmount("USD 756.00").and().hasTotal("USD 756.00");
  }

  @Test
  void aLateClaimGivesNothing() {
    // filed 2024-08-01, more than 30 days after the quarter ended on 2024-07-01
    CreditDecision d = Scenario.account("octo-corp").zone("UTC")
        .subscription("ghec", s -> s.plan("enterprise-cloud").monthly("USD 2520.00").on("github"))
        .claim("sla-q2", "2024-08-01T00:00")
        .period(YearMonth.of(2024, 7))
        .outage("GH-0514", o -> o.on("github").from("2024-05-14T14:00").until("2024-05-14T17:30"))
        .evaluatedAt("2024-08-02T00:00")
        .decideWith(GITHUB);
    assertThat(d).hasNoLines();
  }
}
