package dev.amends.presets;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.Policy;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * aws-compute-instance: the Instance-Level SLA of the Amazon Compute SLA (text of 5 May 2022),
 * an Hourly Uptime Percentage of at least 99.5 % per Single EC2 Instance in each clock hour, an
 * instance hour below it not charged. 0.5 % of 3,600 s is 18 s. June 2024 has 30 days, 720 hours.
 * The stored AWS text carries no worked example of its own.
 */
class AwsComputeInstancePresetTest {
  static final Policy AWS = Presets.load("aws-compute-instance");
  static final YearMonth JUNE_2024 = YearMonth.of(2024, 6);
  static final Duration HOUR = Duration.ofHours(1);
  static final Duration EIGHTEEN_SECONDS = Duration.ofSeconds(18);

  @Test
  void reproducesTheHourlyCommitmentAtItsBoundaries() {
    // USD 720.00 for the 720 hours of June: USD 1.00 an instance hour. Each row is one outage from
    // 1 June 00:00 UTC; the credit is USD 1.00 per clock hour with more than 18 s down.
    TierTableCheck.of(AWS).fee("USD 720.00").claimFiled()
        .downtimeRow(Duration.ZERO, "0.00")
        .downtimeRow(EIGHTEEN_SECONDS, "0.00")                              // 99.5 % exactly: charged
        .downtimeRow(EIGHTEEN_SECONDS.plusNanos(1), "1.00")                 // just below 99.5 %: hour free
        .downtimeRow(HOUR, "1.00")                                          // one whole hour
        .downtimeRow(HOUR.plus(EIGHTEEN_SECONDS), "1.00")                   // 18 s into the second hour
        .downtimeRow(HOUR.plus(EIGHTEEN_SECONDS).plusNanos(1), "2.00")      // just more: the second hour too
        .downtimeRow(Duration.ofHours(720), "720.00")                       // down all month: every hour
        .check();
  }

  @Test
  void severalShortOutagesInOneClockHourAddUp() {
    // 10 s at 14:05 and 9 s at 14:40: 19 s in the clock hour 14:00-15:00, more than 18 s, although
    // neither alone is: the hour is not charged, USD 1.00 of USD 720.00 for 720 hours.
    CreditDecision d = Scenario.account("acme").zone("UTC")
        .subscription("i-0abc", s -> s.plan("m5.large").monthly("USD 720.00").on("aws/us-east-1a/i-0abc"))
        .outage("BLIP-1", o -> o.on("aws/us-east-1a/i-0abc").from("2024-06-03T14:05:00").lasting(Duration.ofSeconds(10)))
        .outage("BLIP-2", o -> o.on("aws/us-east-1a/i-0abc").from("2024-06-03T14:40:00").lasting(Duration.ofSeconds(9)))
        .claim("case-1", "2024-07-01T09:00")
        .period(JUNE_2024)
        .decideWith(AWS);
    assertThat(d).hasLine("claimed/failed-hours").withAmount("USD 1.00").restsOn("BLIP-1", "BLIP-2")
        .and().hasTotal("USD 1.00");
  }

  @Test
  void anOutageAcrossTheTopOfTheHourIsJudgedInEachClockHour() {
    // 08:59:50-09:00:10: 10 s in the 08:00 hour and 10 s in the 09:00 hour, 20 s in all but at most
    // 18 s in each clock hour: both hours meet the commitment, nothing.
    CreditDecision d = Scenario.account("acme").zone("UTC")
        .subscription("i-0abc", s -> s.plan("m5.large").monthly("USD 720.00").on("aws/us-east-1a/i-0abc"))
        .outage("EDGE", o -> o.on("aws/us-east-1a/i-0abc").from("2024-06-10T08:59:50").until("2024-06-10T09:00:10"))
        .claim("case-1", "2024-07-01T09:00")
        .period(JUNE_2024)
        .decideWith(AWS);
    assertThat(d).hasNoLines();
  }

  @Test
  void aWorkedMonthCreditsTheChargesOfTheHoursThatMissedTheCommitment() {
    // An m5.large at USD 0.096 an hour, billed for the 720 hours of June: 720 x 0.096 = USD 69.12.
    //   3 June   14:05:00-14:05:12 and 14:40:00-14:40:07: 12 s + 7 s = 19 s in 14:00-15:00 -> 1 hour
    //   10 June  08:59:50-09:00:10: 10 s in 08:00-09:00 and 10 s in 09:00-10:00       -> 0 hours
    //   20 June  22:30:00-23:45:00: 30 min in 22:00-23:00, 45 min in 23:00-24:00       -> 2 hours
    //   25 June  03:00:00-03:00:18: exactly 18 s, 99.5 %: meets the commitment         -> 0 hours
    // 3 instance hours not charged: 69.12 x 3 h / 720 h = 0.288 -> USD 0.29 (HALF_UP, once).
    String instance = "aws/us-east-1a/i-0abc";
    CreditDecision d = Scenario.account("acme").zone("UTC")
        .subscription("i-0abc", s -> s.plan("m5.large").monthly("USD 69.12").on(instance))
        .outage("A", o -> o.on(instance).from("2024-06-03T14:05:00").until("2024-06-03T14:05:12"))
        .outage("B", o -> o.on(instance).from("2024-06-03T14:40:00").until("2024-06-03T14:40:07"))
        .outage("C", o -> o.on(instance).from("2024-06-10T08:59:50").until("2024-06-10T09:00:10"))
        .outage("D", o -> o.on(instance).from("2024-06-20T22:30:00").until("2024-06-20T23:45:00"))
        .outage("E", o -> o.on(instance).from("2024-06-25T03:00:00").until("2024-06-25T03:00:18"))
        .claim("case-7", "2024-08-30T12:00")
        .period(JUNE_2024)
        .decideWith(AWS);
    assertThat(d).hasLine("claimed/failed-hours").withAmount("USD 0.29").restsOn("A", "B", "D")
        .and().hasTotal("USD 0.29");
  }

  @Test
  void aClaimAfterTheSecondBillingCycleGetsNothing() {
    // June's incident: the claim must arrive by the end of August (the second cycle after June).
    Scenario june = Scenario.account("acme").zone("UTC")
        .subscription("i-0abc", s -> s.plan("m5.large").monthly("USD 720.00").on("aws/us-east-1a/i-0abc"))
        .outage("LONG", o -> o.on("aws/us-east-1a/i-0abc").from("2024-06-03T14:00").until("2024-06-03T15:00"))
        .period(JUNE_2024);
    assertThat(june.claim("case-1", "2024-08-31T23:59").decideWith(AWS)).hasTotal("USD 1.00");
    assertThat(june.claim("case-1", "2024-09-01T00:00").decideWith(AWS)).hasNoLines();
  }
}
