package dev.amends.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.measure.Granularity;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.money.Rounding;
import dev.amends.rules.CapLimit;
import dev.amends.rules.ClaimDeadline;
import dev.amends.rules.Policy;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Table checks on the cloud-style tiers and on "5 % per started 30 minutes, capped at 100 %". */
class TierTableCheckTest {
  /** 10 % below 99.9 %, 25 % below 99.0 %, 100 % below 95.0 %. */
  static final RuleNode CLOUD_TIERS = Rules.availabilityTiers("tiers",
      Tier.range("99.0", "99.9", "10"), Tier.range("95.0", "99.0", "25"), Tier.range("0", "95.0", "100"));

  /** 5 % of the monthly fee per 30 minutes or part thereof, never more than the fee. */
  static final RuleNode FIVE_PERCENT_PER_STARTED_HALF_HOUR = Rules.cap("sla", CapLimit.percentOfFee(new BigDecimal("100")),
      Rules.perBlock("per-half-hour", Duration.ofMinutes(30), new BigDecimal("5"), Rules.BlockCount.STARTED));

  @Test
  void cloudTiersHoldAtTheirExactBoundaries() {
    // USD 100.00 a month, so the amount reads as the percentage; June 2024 is 43,200 min.
    TierTableCheck.of(CLOUD_TIERS)
        .row("100", "0.00")
        .row("99.95", "0.00")      // 21.6 min down
        .row("99.9", "0.00")       // exactly 99.9 % is not below 99.9 %: 43.2 min down, no credit
        .row("99.8999", "10.00")
        .row("99.0", "10.00")      // exactly 99.0 % is in [99.0, 99.9): 432 min down
        .row("98.9999", "25.00")
        .row("95.0", "25.00")
        .row("94.9999", "100.00")
        .row("0", "100.00")        // down all month
        .check();
  }

  @Test
  void cloudTiersOnATwentyDollarFee() {
    TierTableCheck.of(CLOUD_TIERS).fee("USD 20.00")
        .row("99.5", "2.00")       // 10 % of USD 20.00
        .row("97.0", "5.00")       // 25 % of USD 20.00
        .row("50", "20.00")
        .check();
  }

  @Test
  void fivePercentPerStartedHalfHourIsCappedAtTheFee() {
    TierTableCheck.of(FIVE_PERCENT_PER_STARTED_HALF_HOUR).fee("USD 20.00")
        .downtimeRow(Duration.ZERO, "0.00")
        .downtimeRow(Duration.ofSeconds(1), "1.00")                  // 1 started block: 5 % of USD 20.00
        .downtimeRow(Duration.ofMinutes(30), "1.00")                 // exactly one block
        .downtimeRow(Duration.ofMinutes(30).plusSeconds(1), "2.00")  // 2 started blocks: 10 %
        .downtimeRow(Duration.ofHours(9).plusMinutes(30), "19.00")   // 19 blocks: 95 %
        .downtimeRow(Duration.ofHours(10), "20.00")                  // 20 blocks: 100 %, at the cap
        .downtimeRow(Duration.ofHours(10).plusSeconds(1), "20.00")   // 21 blocks: 105 %, capped to 100 %
        .downtimeRow(Duration.ofHours(24), "20.00")                  // 48 blocks: 240 %, capped
        .check();
  }

  @Test
  void everyFailingRowIsReportedAtOnce() {
    TierTableCheck wrong = TierTableCheck.of(CLOUD_TIERS)
        .row("99.95", "0.00")
        .row("99.9", "10.00")     // wrong: 99.9 % exactly is not below 99.9 %
        .row("99.0", "25.00")     // wrong: 99.0 % exactly is in the 10 % tier
        .row("94.9999", "100.00");

    assertThatThrownBy(wrong::check)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Tier table of rule \"tiers\" (fee USD 100.00 a month, 2024-06 in UTC, 43200 min): "
            + "2 of 4 rows failed:")
        .hasMessageContaining("row 2, availability 99.9 % (43 min 12 s down): expected USD 10.00, got USD 0.00")
        .hasMessageContaining("trace: tiers [availability-tiers] NOT_MET")
        .hasMessageContaining("row 3, availability 99.0 % (432 min down): expected USD 25.00, got USD 10.00")
        .hasMessageContaining("USD 10.00 CREDIT sub-1 tier-table v1 tiers")
        .hasMessageNotContaining("row 1,")
        .hasMessageNotContaining("row 4,");
  }

  @Test
  void aPolicyWhoseMeasurementRoundsTheDowntimeFailsSayingSo() {
    Policy wholeMinutes = Policy.builder().id("p").version(1).effectiveFrom(Instant.EPOCH)
        .measurementRules(MeasurementRules.builder().granularity(Granularity.startedSlices(Duration.ofMinutes(1)))
            .build())
        .rule(CLOUD_TIERS).rounding(Rounding.of(RoundingMode.HALF_UP)).build();

    // 99.95 % is 21.6 min down; counted in started minutes that is 22 min, 99.9491 %
    assertThatThrownBy(() -> TierTableCheck.of(wholeMinutes).row("99.95", "0.00").check())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("row 1, availability 99.95 % (21 min 36 s down): measured sub-1 2024-06: 22 min down")
        .hasMessageContaining("not availability 99.95 %: the policy's measurement rules changed the downtime");
  }

  @Test
  void anAvailabilityNoDowntimeCanHitIsRefused() {
    // (100 - 99.12345678901) % of 2,592,000 s is 22,720,000,028,860.8 ns: not whole
    assertThatThrownBy(() -> TierTableCheck.of(CLOUD_TIERS).row("99.12345678901", "10.00").check())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tierTable.rows[1].availability is not a whole number of nanoseconds");
    assertThatThrownBy(() -> TierTableCheck.of(CLOUD_TIERS).row("100.1", "0.00"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tierTable.rows[1].availability must be in [0, 100]: 100.1");
    assertThatThrownBy(() -> TierTableCheck.of(CLOUD_TIERS).check())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tierTable.rows needs at least one row");
  }

  /** The cloud tiers on plan "compute" only, paid only on a claim filed by the end of the second cycle after. */
  static final Policy COMPUTE_SLA = Policy.builder().id("compute-sla").version(1).effectiveFrom(Instant.EPOCH)
      .rule(Rules.requiresClaim("claimed", new ClaimDeadline(ClaimDeadline.Kind.CYCLES_AFTER_INCIDENT, 2), CLOUD_TIERS))
      .rounding(Rounding.of(RoundingMode.HALF_UP)).plans(Set.of("compute", "compute-reserved")).build();

  @Test
  void aPolicyWithPlansAndAClaimRuleIsCheckedWhole() {
    // On USD 100.00 a month a percentage reads as the amount: 99.9 % is not below 99.9 %, 99.0 % is 10 %.
    TierTableCheck.of(COMPUTE_SLA).claimFiled()
        .row("99.9", "0.00")
        .row("99.0", "10.00")
        .row("98.99", "25.00")
        .row("94.9", "100.00")
        .check();
    TierTableCheck.of(COMPUTE_SLA).plan("compute-reserved").claimFiled()
        .row("99.0", "10.00")
        .check();
  }

  @Test
  void withoutAClaimEveryRowBehindRequiresClaimGivesNothingAndFailingRowsSaySo() {
    TierTableCheck.of(COMPUTE_SLA).row("99.0", "0.00").check();

    assertThatThrownBy(() -> TierTableCheck.of(COMPUTE_SLA).row("99.0", "10.00").check())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a month on plan compute, 2024-06 in UTC")
        .hasMessageContaining("row 1, availability 99.0 % (432 min down): expected USD 10.00, got USD 0.00")
        .hasMessageContaining("no claim filed");
  }

  @Test
  void aClaimFiledAtAGivenTimeChecksTheDeadline() {
    // June 2024's incident: two cycles after end with August 2024; a claim on 1 September is late.
    TierTableCheck.of(COMPUTE_SLA).claimFiled("2024-08-31T23:59:59Z").row("99.0", "10.00").check();
    TierTableCheck.of(COMPUTE_SLA).claimFiled("2024-09-01T00:00").row("99.0", "0.00").check();
  }

  @Test
  void aPlanThePolicyDoesNotCoverIsRefused() {
    assertThatThrownBy(() -> TierTableCheck.of(COMPUTE_SLA).plan("storage").row("99.0", "0.00").check())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tierTable.plan")
        .hasMessageContaining("[compute, compute-reserved]");
  }
}
