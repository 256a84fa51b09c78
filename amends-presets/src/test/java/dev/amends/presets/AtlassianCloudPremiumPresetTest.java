package dev.amends.presets;

import static dev.amends.testkit.AmendsAssertions.assertThat;

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
 * atlassian-cloud-premium: Atlassian's cloud SLA for Premium plans (effective 7 October 2024),
 * downtime from per-minute error rates. June 2024 has 30 days, 43,200 minutes.
 */
class AtlassianCloudPremiumPresetTest {
  static final Policy ATLASSIAN = Presets.load("atlassian-cloud-premium");
  static final YearMonth JUNE_2024 = YearMonth.of(2024, 6);
  static final Duration MINUTE = Duration.ofMinutes(1);
  /** Clean stretches are given in hour-long samples (all good for their whole length); erroring ones per minute. */
  static final Duration HOUR = Duration.ofHours(1);

  /** A UTC account with Jira Premium at USD 100.00 a month (so a percentage reads as the amount), claimed in time. */
  static Scenario jira() {
    return Scenario.account("site-1").zone("UTC")
        .subscription("jira", s -> s.plan("jira-premium").monthly("USD 100.00").on("jira"))
        .claim("sla-1", "2024-07-10T00:00")
        .period(JUNE_2024);
  }

  @Test
  void reproducesEveryRowOfTheTableAtItsBoundaries() {
    TierTableCheck.of(((Cap) ((RequiresClaim) ATLASSIAN.rule()).child()).child())
        .row("100", "0.00")
        .row("99.9", "0.00")      // exactly the commitment
        .row("99.8999", "10.00")
        .row("99.0", "10.00")     // 99.0 % is in the 10 % row
        .row("98.9999", "25.00")
        .row("95.0", "25.00")
        .row("94.9999", "50.00")
        .row("0", "50.00")
        .check();
  }

  @Test
  void reproducesAtlassiansPublishedExample() {
    // "Total minutes in a 30-day calendar month: 43,200; Downtime Minutes: 60; 0.138889 %;
    // monthly uptime 99.86 %; Service Credits equivalent to 10 % of the monthly fees."
    // 60 minutes at 10 % errors (each a Downtime Minute), every other minute clean:
    // (43,200 - 60) / 43,200 = 99.8611 % -> 10 % of USD 100.00 = USD 10.00.
    CreditDecision d = jira()
        .telemetry("jira", "2024-06-01T00:00", "2024-06-12T09:00", HOUR, 1_000, 1_000)
        .telemetry("jira", "2024-06-12T09:00", "2024-06-12T10:00", MINUTE, 900, 1_000)
        .telemetry("jira", "2024-06-12T10:00", "2024-07-01T00:00", HOUR, 1_000, 1_000)
        .decideWith(ATLASSIAN);
    assertThat(d).hasLine("claimed/invoice-cap/tiers").withAmount("USD 10.00").withReasonContaining("99.8611 %")
        .and().hasTotal("USD 10.00").hasNoFlags();
  }

  @Test
  void aMinuteAtExactlyFivePercentErrorsIsNotDown() {
    // "A Downtime Minute occurs when the Error Rate in a given minute is greater than 5 %":
    // 120 minutes at exactly 5 % errors (50 of 1,000 failed) count nothing; at 5.1 % they would be 99.72 %.
    CreditDecision d = jira()
        .telemetry("jira", "2024-06-01T00:00", "2024-06-12T09:00", HOUR, 1_000, 1_000)
        .telemetry("jira", "2024-06-12T09:00", "2024-06-12T11:00", MINUTE, 950, 1_000)
        .telemetry("jira", "2024-06-12T11:00", "2024-07-01T00:00", HOUR, 1_000, 1_000)
        .decideWith(ATLASSIAN);
    assertThat(d).hasNoLines().hasTotal("USD 0.00");
  }

  @Test
  void aWorkedMonthOfAnHourlyOutageAndSomeErrors() {
    // Confluence Premium at USD 1,250.00 a month, June 2024 in UTC:
    // 2024-06-03 14:00-22:00 at 40 % errors: 480 Downtime Minutes;
    // 2024-06-20 08:00-08:30 at 3 % errors: none.
    // (43,200 - 480) / 43,200 = 98.8889 % -> [95.0, 99.0): 25 % of 1,250.00 = USD 312.50.
    CreditDecision d = Scenario.account("site-2").zone("UTC")
        .subscription("confluence", s -> s.plan("confluence-premium").monthly("USD 1250.00").on("confluence"))
        .claim("sla-2", "2024-07-15T23:59")
        .telemetry("confluence", "2024-06-01T00:00", "2024-06-03T14:00", HOUR, 1_000, 1_000)
        .telemetry("confluence", "2024-06-03T14:00", "2024-06-03T22:00", MINUTE, 600, 1_000)
        .telemetry("confluence", "2024-06-03T22:00", "2024-06-20T08:00", HOUR, 1_000, 1_000)
        .telemetry("confluence", "2024-06-20T08:00", "2024-06-20T08:30", MINUTE, 970, 1_000)
        .telemetry("confluence", "2024-06-20T08:30", "2024-07-01T00:00", HOUR, 1_000, 1_000)
        .period(JUNE_2024)
        .decideWith(ATLASSIAN);
    assertThat(d).hasLine("claimed/invoice-cap/tiers").withAmount("USD 312.50").withReasonContaining("98.888")
        .and().hasTotal("USD 312.50");
  }

  @Test
  void aClaimAfterTheFifteenthDayGetsNothing() {
    // the published example's month, claimed on 16 July (the deadline is the end of 15 July)
    CreditDecision d = Scenario.account("site-1").zone("UTC")
        .subscription("jira", s -> s.plan("jira-premium").monthly("USD 100.00").on("jira"))
        .claim("late", "2024-07-16T00:00")
        .telemetry("jira", "2024-06-01T00:00", "2024-06-12T09:00", HOUR, 1_000, 1_000)
        .telemetry("jira", "2024-06-12T09:00", "2024-06-12T10:00", MINUTE, 900, 1_000)
        .telemetry("jira", "2024-06-12T10:00", "2024-07-01T00:00", HOUR, 1_000, 1_000)
        .period(JUNE_2024)
        .decideWith(ATLASSIAN);
    assertThat(d).hasNoLines();
  }

  @Test
  void aMonthWithoutTelemetryIsFlaggedNotGuessed() {
    // samples only for the first half of June: the second half is not guessed up or down
    CreditDecision d = jira().telemetry("jira", "2024-06-01T00:00", "2024-06-15T00:00", HOUR, 1_000, 1_000)
        .decideWith(ATLASSIAN);
    assertThat(d).hasNoLines().hasFlags(DecisionFlag.MISSING_TELEMETRY)
        .hasWarningContaining("jira");
  }

  @Test
  void theCreditIsCappedByTheInvoiceItLandsOnNotTheMonthThatFailed() {
    // June at USD 1,250.00 with the 25 % month above (USD 312.50), downgraded to USD 200.00 a
    // month from July: the credit lands on July's invoice, USD 200.00, and is capped there.
    CreditDecision d = Scenario.account("site-3").zone("UTC")
        .subscription("confluence", s -> s.plan("confluence-premium").on("confluence")
            .price("2024-01-01", "USD 1250.00", dev.amends.core.time.BillingCycle.MONTHLY)
            .price("2024-07-01", "USD 200.00", dev.amends.core.time.BillingCycle.MONTHLY))
        .claim("sla-3", "2024-07-15T23:59")
        .telemetry("confluence", "2024-06-01T00:00", "2024-06-03T14:00", HOUR, 1_000, 1_000)
        .telemetry("confluence", "2024-06-03T14:00", "2024-06-03T22:00", MINUTE, 600, 1_000)
        .telemetry("confluence", "2024-06-03T22:00", "2024-07-01T00:00", HOUR, 1_000, 1_000)
        .period(JUNE_2024)
        .decideWith(ATLASSIAN);
    assertThat(d).hasLine("claimed/invoice-cap/tiers").withAmount("USD 200.00")
        .withReasonContaining("capped from USD 312.50 to USD 200.00")
        .and().hasTotal("USD 200.00").hasFlags(DecisionFlag.CAP_REACHED);
  }
}
