package dev.amends.examples;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.Policy;
import dev.amends.rules.RequiresClaim;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * examples/cloud-tiers: 10 % below 99.99 %, 30 % below 99.0 %, 100 % below 95.0 %; only with a
 * claim filed before the end of the second billing cycle after the incident; credits of USD 1.00
 * or less are not issued. June 2026 = 30 days = 43,200 min.
 */
class CloudTiersTest {
  static final Policy CLOUD_SLA = ExampleFiles.of("cloud-tiers").policy();
  static final YearMonth JUNE_2026 = YearMonth.of(2026, 6);

  @Test
  void tiersHoldAtTheirExactBoundaries() {
    // the tiers under the claim condition, on USD 100.00 a month, so a percentage reads as the amount
    TierTableCheck.of(((RequiresClaim) CLOUD_SLA.rule()).child()).period(JUNE_2026)
        .row("100", "0.00")
        .row("99.99", "0.00")     // exactly 99.99 % is not below it
        .row("99.9899", "10.00")  // just below: 10 %
        .row("99.0", "10.00")     // exactly 99.0 % is in [99.0, 99.99): 10 %
        .row("98.9999", "30.00")
        .row("95.0", "30.00")     // exactly 95.0 % is in [95.0, 99.0): 30 %
        .row("94.9999", "100.00")
        .row("0", "100.00")
        .check();
  }

  @Test
  void aClaimOnTheLastMinuteOfTheSecondCycleIsInTime() {
    // incident in June; the deadline is the end of August's period, 2026-09-01T00:00Z (exclusive).
    // 7 h 12 min = 432 min of 43,200 = 99.0 %: 10 % of USD 100.00 = USD 10.00
    assertThat(decide("USD 100.00", Duration.ofMinutes(432), "2026-08-31T23:59:59Z"))
        .hasLine("tiers").withAmount("USD 10.00").restsOn("INC-1").and().hasTotals("USD 10.00");
  }

  @Test
  void aClaimAtTheStartOfTheThirdCycleIsTooLate() {
    assertThat(decide("USD 100.00", Duration.ofMinutes(432), "2026-09-01T00:00:00Z")).hasNoLines().hasTotals();
  }

  @Test
  void withoutAClaimThereIsNoCredit() {
    assertThat(decide("USD 100.00", Duration.ofMinutes(432), null)).hasNoLines().hasTotals();
  }

  @Test
  void creditsOfOneDollarOrLessAreNotIssued() {
    // 36 h = 2,160 min of 43,200 = 95.0 %: 30 %
    // 30 % of USD 3.33 = USD 0.999 -> 1.00 (HALF_UP), not more than USD 1.00: not issued
    assertThat(decide("USD 3.33", Duration.ofHours(36), "2026-07-01T09:00:00Z")).hasNoLines().hasTotals();
    // 30 % of USD 3.35 = USD 1.005 -> 1.01: issued
    assertThat(decide("USD 3.35", Duration.ofHours(36), "2026-07-01T09:00:00Z")).hasTotals("USD 1.01");
  }

  /** One subscription down from 1 June 00:00 UTC for {@code down}; a claim at {@code claimedAt}, if any. */
  private static CreditDecision decide(String monthlyFee, Duration down, String claimedAt) {
    Scenario s = Scenario.account("nimbus")
        .subscription("vm-1", v -> v.plan("compute").monthly(monthlyFee).on("compute/eu-west"))
        .outage("INC-1", o -> o.on("compute/eu-west").from("2026-06-01T00:00").lasting(down))
        .period(JUNE_2026)
        .evaluatedAt("2026-09-15T00:00:00Z");
    return (claimedAt == null ? s : s.claim("CLAIM-1", claimedAt)).decideWith(CLOUD_SLA);
  }
}
