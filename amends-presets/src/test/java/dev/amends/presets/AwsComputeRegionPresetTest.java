package dev.amends.presets;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.Policy;
import dev.amends.rules.RequiresClaim;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * aws-compute-region: the Region-Level SLA of the Amazon Compute SLA (text of 5 May 2022).
 * June 2026 has 30 days, 43,200 minutes. The stored AWS text carries no worked example of its
 * own; its table and its USD 1.00 floor are reproduced instead.
 */
class AwsComputeRegionPresetTest {
  static final Policy AWS = Presets.load("aws-compute-region");
  static final YearMonth JUNE_2026 = YearMonth.of(2026, 6);

  @Test
  void reproducesEveryRowOfTheTableAtItsBoundaries() {
    // The tiers under the claim condition, on USD 100.00 a month (a percentage reads as the amount).
    // "Less than 99.99 % but equal to or greater than 99.0 %: 10 %" and so on: lower bounds in, upper bounds out.
    TierTableCheck.of(((RequiresClaim) AWS.rule()).child())
        .row("100", "0.00")
        .row("99.99", "0.00")     // exactly the commitment: not less than 99.99 %
        .row("99.9899", "10.00")  // just below it
        .row("99.0", "10.00")     // equal to 99.0 %: still the 10 % row
        .row("98.9999", "30.00")
        .row("95.0", "30.00")     // equal to 95.0 %: the 30 % row
        .row("94.9999", "100.00")
        .row("0", "100.00")
        .check();
  }

  @Test
  void aWorkedMonthCreditsTenPercentOfTheServiceAndRegionLineItem() {
    // EC2 in us-east-1 billed USD 1,234.56 for June. Region Unavailable 10:00:00-10:44:30:
    // 44.5 minutes, counted as 45 started minutes. 45 / 43,200 = 0.104166..% down,
    // 99.8958 % up: in [99.0, 99.99) -> 10 % of 1,234.56 = 123.456 -> USD 123.46 (HALF_UP).
    CreditDecision d = Scenario.account("acme")
        .subscription("ec2-us-east-1", s -> s.plan("ec2").monthly("USD 1234.56").on("aws/us-east-1/ec2"))
        .outage("EC2-2026-06-10", o -> o.on("aws/us-east-1/ec2").from("2026-06-10T10:00").until("2026-06-10T10:44:30"))
        .claim("case-1", "2026-07-20T09:00")
        .period(JUNE_2026)
        .decideWith(AWS);
    assertThat(d)
        .hasLine("claimed/tiers").withAmount("USD 123.46").restsOn("EC2-2026-06-10")
        .withReasonContaining("99.8958 %")
        .and().hasTotal("USD 123.46");
  }

  @Test
  void aCreditOfOneDollarOrLessIsNotIssued() {
    // USD 10.00 a month at 10 %: exactly USD 1.00, which is not greater than one dollar -> nothing.
    // USD 10.10 a month: USD 1.01 -> issued.
    Scenario month = Scenario.account("small")
        .subscription("ebs", s -> s.plan("ebs").monthly("USD 10.00").on("aws/eu-west-1/ebs"))
        .subscription("ecs", s -> s.plan("ecs").monthly("USD 10.10").on("aws/eu-west-1/ecs"))
        .outage("EU-1", o -> o.on("aws/eu-west-1").from("2026-06-03T00:00").until("2026-06-03T01:00"))
        .claim("case-2", "2026-06-04T00:00")
        .period(JUNE_2026);
    assertThat(month.decideWith(AWS)).hasTotal("USD 1.01");
  }

  @Test
  void withoutAClaimNothingIsCredited() {
    // the same hour down, no claim record
    CreditDecision d = Scenario.account("quiet")
        .subscription("ec2", s -> s.plan("ec2").monthly("USD 500.00").on("aws/us-east-1/ec2"))
        .outage("EC2-1", o -> o.on("aws/us-east-1/ec2").from("2026-06-10T10:00").until("2026-06-10T11:00"))
        .period(JUNE_2026)
        .decideWith(AWS);
    assertThat(d).hasTotal("USD 0.00");
  }
}
