package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.TelemetryRules;
import dev.amends.core.money.Ratio;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

/** A policy whose downtime is "minutes with more than 5 % errors, in stretches of 5 minutes or more". */
class TelemetryPolicyTest {
  static final MeasurementRules ERROR_MINUTES = MeasurementRules.builder()
      .source(Measurement.Source.TELEMETRY)
      .telemetry(TelemetryRules.builder().errorThreshold(Ratio.of(5, 100))
          .missingData(TelemetryRules.MissingData.GOOD).build())
      .minimumDowntime(Duration.ofMinutes(5))
      .build();

  @Test
  void creditsFromBadMinutesInTelemetry() {
    List<TelemetrySample> samples = new ArrayList<>();
    Instant day = Instant.parse("2024-06-10T00:00:00Z");
    for (int minute = 0; minute < 120; minute++) {
      // 00:00-01:00: 100 of 1,000 requests fail (10 %); 01:00-02:00: none fail.
      samples.add(sample(day.plus(Duration.ofMinutes(minute)), minute < 60 ? 900 : 1_000));
    }
    for (int minute : new int[] {300, 310, 320}) {
      samples.add(sample(day.plus(Duration.ofMinutes(minute)), 900)); // lone bad minutes: shorter than 5
    }
    Policy policy = policyBuilder("error-minutes", Rules.availabilityTiers("tiers",
            Tier.range("99.0", "99.95", "10"), Tier.range("0", "99.0", "25")), HALF_UP)
        .measurementRules(ERROR_MINUTES)
        .build();
    CreditEngine engine = CreditEngine.builder()
        .policies(PolicyBook.of(policy))
        .telemetry(TelemetryLog.of(samples))
        .build();

    CreditDecision d = engine.decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    // 60 bad minutes count; the three lone ones are under the 5-minute minimum.
    // (43,200 − 60) / 43,200 = 99.8611 % is in [99.0, 99.95) → 10 % of USD 20.00 = USD 2.00.
    assertThat(d.lines()).singleElement().satisfies(line -> {
      assertThat(line.amount()).isEqualTo(usd("2.00"));
      assertThat(line.reason()).isEqualTo("availability 99.8611 % < 99.95 % -> 10 % of USD 20.00");
    });
    assertThat(d.trace("sub-1", "error-minutes").orElseThrow().measurement().orElseThrow().toString()).contains("60 min down of 43200");
  }

  private static TelemetrySample sample(Instant start, long good) {
    return TelemetrySample.ofCounts(NODE_1, Interval.of(start, start.plus(Duration.ofMinutes(1))), good, 1_000);
  }

  @Test
  void missingTelemetryGivesNoCreditAFlagAndAWarningByDefault() {
    Instant day = Instant.parse("2024-06-10T00:00:00Z");
    List<TelemetrySample> samples = new ArrayList<>();
    for (int minute = 0; minute < 60; minute++) {
      samples.add(sample(day.plus(Duration.ofMinutes(minute)), 0)); // an hour of total failure
    }
    Policy policy = policyBuilder("error-minutes", Rules.availabilityTiers("tiers",
            Tier.range("99.0", "99.95", "10"), Tier.range("0", "99.0", "25")), HALF_UP)
        .measurementRules(MeasurementRules.builder().source(Measurement.Source.TELEMETRY).build())
        .build();
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(policy)).telemetry(TelemetryLog.of(samples))
        .build();

    CreditDecision d = engine.decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    // June has 43,200 min; samples cover 60, so 43,140 min = 719 h are missing, in two stretches.
    assertThat(d.lines()).isEmpty();
    assertThat(d.flags()).contains(DecisionFlag.MISSING_TELEMETRY);
    assertThat(d.warnings()).singleElement().asString()
        .startsWith("no credit for sub-1 under error-minutes v1: telemetry missing for 719h in 2 stretches")
        .endsWith("the policy does not say how missing data counts (set measurementRules.telemetry.missingData to GOOD or BAD)");
    assertThat(d.trace("sub-1", "error-minutes").orElseThrow().root()).satisfies(root -> {
      assertThat(root.verdict()).isEqualTo(Verdict.NOT_MET);
      assertThat(root.summary()).startsWith("not evaluated: telemetry missing for 719h");
    });
    assertThat(d.explain()).contains("telemetry missing for 719h in 2 stretches (2024-06-01T00:00Z–2024-06-10T00:00Z, "
        + "2024-06-10T01:00Z–2024-07-01T00:00Z)");
  }

  @Test
  void creditCarriedInIsCarriedOnWhenMissingTelemetryStopsThePolicy() {
    Policy policy = policyBuilder("error-minutes", Rules.cap("cap", CapLimit.percentOfFee(new java.math.BigDecimal("100")),
            Rules.CapScope.PER_PERIOD, Rules.Spread.IN_ORDER, Rules.Excess.CARRIED_FORWARD,
            Rules.availabilityTiers("tiers", Tier.range("0", "99.95", "10"))), HALF_UP)
        .measurementRules(MeasurementRules.builder().source(Measurement.Source.TELEMETRY).build())
        .build();
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(policy)).telemetry(TelemetryLog.of(List.of()))
        .build();
    CarriedCredit may = new CarriedCredit("sub-1", "error-minutes", "cap", usd("4.00"));

    CreditDecision d = engine.decide(DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC)
        .addCarriedIn(may).build());

    assertThat(d.lines()).isEmpty();
    assertThat(d.carriedForward()).containsExactly(may);
    assertThat(d.warnings()).anySatisfy(w -> assertThat(w)
        .isEqualTo("USD 4.00 carried in for sub-1 under error-minutes v1 cap cap is carried on unused: its policy was"
            + " not evaluated (missing telemetry)"));
  }
}
