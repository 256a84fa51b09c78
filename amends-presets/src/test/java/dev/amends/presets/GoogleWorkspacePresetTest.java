package dev.amends.presets;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.core.money.DayCount;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.DaysOfServiceRule;
import dev.amends.rules.DaysValue;
import dev.amends.rules.Policy;
import dev.amends.rules.RequiresClaim;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * google-workspace: 3 / 7 / 15 days of service added to the term below 99.9 / 99.0 / 95.0 %.
 * June 2024 has 30 days, 43,200 minutes.
 */
class GoogleWorkspacePresetTest {
  static final Policy WORKSPACE = Presets.load("google-workspace");
  static final DaysOfServiceRule DAYS = (DaysOfServiceRule) ((RequiresClaim) WORKSPACE.rule()).child();

  @Test
  void reproducesEveryRowOfTheTableAtItsBoundaries() {
    // The table in days, read as money for a monthly-billing customer (the day value the user
    // states): at USD 30.00 for the 30 days of June, a day of service is worth USD 1.00, so the
    // amount reads as the days: "< 99.9 % - >= 99.0 %: 3", "< 99.0 % - >= 95.0 %: 7", "< 95.0 %: 15".
    TierTableCheck.of(new DaysOfServiceRule(DAYS.id(), DAYS.tiers(), DaysValue.valuedAt(DayCount.ACTUAL)))
        .fee("USD 30.00")
        .row("100", "0.00")
        .row("99.9", "0.00")     // exactly 99.9 %: the SLA is met
        .row("99.8999", "3.00")
        .row("99.0", "3.00")     // ">= 99.0 %": 3 days
        .row("98.9999", "7.00")
        .row("95.0", "7.00")
        .row("94.9999", "15.00")
        .row("0", "15.00")       // at most 15 days for one month
        .check();
  }

  @Test
  void aWorkedMonthAddsDaysToTheTermAndNoMoney() {
    // Business Standard at USD 14.40 a user, 50 users: USD 720.00 for June 2024, billed yearly
    // in advance, so the credit is days, not money. Gmail down 2024-06-18 09:10-11:40: 150 minutes;
    // (43,200 - 150) / 43,200 = 99.6528 % -> [99.0, 99.9): 3 days. The term, paid through the
    // end of June (2024-07-01 00:00 UTC), now ends 3 days later, 2024-07-04 00:00.
    CreditDecision d = Scenario.account("example.com").zone("UTC")
        .subscription("workspace", s -> s.plan("business-standard").monthly("USD 720.00").on("workspace/gmail"))
        .outage("GMAIL-0618", o -> o.on("workspace/gmail").from("2024-06-18T09:10").until("2024-06-18T11:40"))
        .claim("case-77", "2024-07-12T10:00")
        .period(YearMonth.of(2024, 6))
        .decideWith(WORKSPACE);
    assertThat(d).hasLine("claimed/days").withAmount("USD 0.00").withDays("3").extendsTermTo("2024-07-04T00:00")
        .withReasonContaining("99.6527")
        .and().hasTotal("USD 0.00");
  }

  @Test
  void aNoticeMoreThanThirtyDaysAfterTheMonthGetsNothing() {
    // the same outage; the month ended 2024-07-01 00:00, the notice came 31 days later
    CreditDecision d = Scenario.account("example.com").zone("UTC")
        .subscription("workspace", s -> s.plan("business-standard").monthly("USD 720.00").on("workspace/gmail"))
        .outage("GMAIL-0618", o -> o.on("workspace/gmail").from("2024-06-18T09:10").until("2024-06-18T11:40"))
        .claim("case-78", "2024-08-01T00:00")
        .period(YearMonth.of(2024, 6))
        .decideWith(WORKSPACE);
    assertThat(d).hasNoLines();
  }
}
