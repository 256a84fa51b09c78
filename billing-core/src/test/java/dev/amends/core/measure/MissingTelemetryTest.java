package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Subscription;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.core.time.WindowSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Telemetry that covers only part of the measured window. The subscription is active for one
 * hour, 10 June 2024 10:00-11:00 UTC; samples cover 10:00-10:20 and 10:40-11:00, so 10:20-10:40
 * (20 minutes) is missing.
 */
class MissingTelemetryTest {
  private static final Subscription ONE_HOUR =
      subscription("sub-hour", API, utc("2024-06-10T10:00"), utc("2024-06-10T11:00"));

  private static Measurement measure(TelemetryRules.Method method, TelemetryRules.MissingData missing) {
    return measure(TelemetryRules.builder().method(method).missingData(missing).build(), OutageLog.empty());
  }

  private static Measurement measure(TelemetryRules t, OutageLog maintenance) {
    MeasurementRules rules = MeasurementRules.builder().telemetry(t).maintenanceNotice(Duration.ofHours(24)).build();
    TelemetryLog log = TelemetryLog.of(List.of(
        TelemetrySample.ofErrorRate(API, window("2024-06-10T10:00", "2024-06-10T10:20"), Ratio.of(1, 10)),
        TelemetrySample.ofErrorRate(API, window("2024-06-10T10:40", "2024-06-10T11:00"), Ratio.ZERO)));
    return Measurer.of(rules).measureTelemetry(ONE_HOUR, JUN_2024_UTC, log, maintenance);
  }

  @Test
  void missingDataIsNotAllowedByDefaultAndIsReported() {
    Measurement m = measure(TelemetryRules.defaults(), OutageLog.empty());

    assertThat(TelemetryRules.defaults().missingData()).isEqualTo(TelemetryRules.MissingData.NOT_ALLOWED);
    assertThat(m.missingTelemetry()).isEqualTo(WindowSet.of(window("2024-06-10T10:20", "2024-06-10T10:40")));
    assertThat(m.isComplete()).isFalse();
    assertThat(m.describeMissingTelemetry()).isEqualTo("telemetry missing for 20m in 1 stretch "
        + "(2024-06-10T10:20Z–10:40Z); the policy does not say how missing data counts"
        + " (set measurementRules.telemetry.missingData to GOOD or BAD)");
  }

  @Test
  void missingTimeCountsAsUpWhenGood() {
    Measurement m = measure(TelemetryRules.Method.BAD_TIMESLICES, TelemetryRules.MissingData.GOOD);

    // 10 % errors is above 5 %: 10:00-10:20 is down; the missing 20 min is up. 20 of 60 min.
    assertThat(m.isComplete()).isTrue();
    assertThat(m.downtime()).isEqualTo(Duration.ofMinutes(20));
    assertThat(m.availability()).isEqualTo(Ratio.of(2, 3));
  }

  @Test
  void missingTimeCountsAsDownWhenBad() {
    Measurement m = measure(TelemetryRules.Method.BAD_TIMESLICES, TelemetryRules.MissingData.BAD);

    // 10:00-10:20 bad + 10:20-10:40 missing = 10:00-10:40, 40 of 60 min.
    assertThat(m.isComplete()).isTrue();
    assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T10:00", "2024-06-10T10:40")));
    assertThat(m.availability()).isEqualTo(Ratio.of(1, 3));
  }

  @Test
  void averagedRatiosCountMissingTimeByItsLength() {
    // Good: (20 × 1/10 + 20 × 0 + 20 × 0) / 60 = 2/60 = 1/30 errors.
    assertThat(measure(TelemetryRules.Method.AVERAGED_RATIOS, TelemetryRules.MissingData.GOOD).availability())
        .isEqualTo(Ratio.of(29, 30));
    // Bad: (20 × 1/10 + 20 × 1 + 20 × 0) / 60 = 22/60 = 11/30 errors.
    assertThat(measure(TelemetryRules.Method.AVERAGED_RATIOS, TelemetryRules.MissingData.BAD).availability())
        .isEqualTo(Ratio.of(19, 30));
    // Not allowed: the telemetry present only, (20 × 1/10 + 20 × 0) / 40 = 1/20; incomplete.
    Measurement notAllowed = measure(TelemetryRules.Method.AVERAGED_RATIOS, TelemetryRules.MissingData.NOT_ALLOWED);
    assertThat(notAllowed.availability()).isEqualTo(Ratio.of(19, 20));
    assertThat(notAllowed.isComplete()).isFalse();
  }

  @Test
  void timeInsideExcludedMaintenanceNeedsNoTelemetry() {
    Outage maint = Outage.builder().id("MAINT-API").addScopes(API).kind(OutageKind.MAINTENANCE)
        .window(utc("2024-06-10T10:20"), utc("2024-06-10T10:40"))
        .announcement(Announcement.of(utc("2024-06-01T00:00"), window("2024-06-10T10:20", "2024-06-10T10:40")))
        .build();

    Measurement m = measure(TelemetryRules.defaults(), OutageLog.of(List.of(maint)));

    assertThat(m.missingTelemetry().isEmpty()).isTrue();
    assertThat(m.isComplete()).isTrue();
  }

  @Test
  void outageMeasurementsHaveNoMissingTelemetry() {
    Measurement m = Measurer.of(MeasurementRules.defaults()).measure(ON_CLUSTER_2, JUN_2024_UTC, OutageLog.empty());

    assertThat(m.isComplete()).isTrue();
    assertThat(m.missingTelemetryCountsAs()).isEmpty();
    assertThat(m.describeMissingTelemetry()).isEmpty();
  }
}
