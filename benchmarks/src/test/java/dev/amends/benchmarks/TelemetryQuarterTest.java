package dev.amends.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.Measurer;
import dev.amends.core.measure.TelemetryRules;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.rules.CreditDecision;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's quarter of one-minute samples decides, and its measurement equals a plain
 * count of the bad minutes: the fast path gives the slow path's answer at realistic size.
 */
class TelemetryQuarterTest {
  static final List<TelemetrySample> SAMPLES = TelemetryQuarter.oneMinuteSamples(TelemetryQuarter.Q3_2025, 2025L);

  @Test
  void quarterOfOneMinuteSamplesIs132480Samples() {
    assertThat(SAMPLES).hasSize(132_480);
  }

  @Test
  void badTimeslicesOfAQuarterAreTheMinutesAboveFivePercentErrors() {
    long badMinutes = SAMPLES.stream()
        .filter(s -> s.errorRate().orElseThrow().compareTo(Ratio.of(5, 100)) > 0)
        .count();
    Measurement m = Measurer.of(MeasurementRules.builder().source(Measurement.Source.TELEMETRY).build())
        .measureTelemetry(TelemetryQuarter.account().subscriptions().get(0), TelemetryQuarter.Q3_2025,
            TelemetryLog.of(SAMPLES), OutageLog.empty());

    assertThat(badMinutes).isGreaterThan(100);
    assertThat(m.downtime()).isEqualTo(Duration.ofMinutes(badMinutes));
    assertThat(m.denominator()).isEqualTo(Duration.ofMinutes(132_480));
  }

  @Test
  void everyMethodDecidesTheQuarter() {
    for (TelemetryRules.Method method : TelemetryRules.Method.values()) {
      TelemetryQuarter b = new TelemetryQuarter();
      b.method = method;
      b.setUp();
      CreditDecision d = b.decide();

      assertThat(d.accountId()).isEqualTo("acct-telemetry");
      assertThat(d.warnings()).isEmpty();
    }
  }
}
