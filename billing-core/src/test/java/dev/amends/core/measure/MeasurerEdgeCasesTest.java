package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.telemetry.TelemetryLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edges of {@link Measurer} that the mutation run showed no test to pin. */
class MeasurerEdgeCasesTest {
  private static final Measurer FIVE_MINUTE_MINIMUM =
      Measurer.of(MeasurementRules.builder().minimumDowntime(Duration.ofMinutes(5)).build());

  @Test
  void telemetryRefusesAnotherMeasurersKey() {
    MeasurementKey key = FIVE_MINUTE_MINIMUM.keyOf(ON_API, JUN_2024_UTC);
    Measurer other = Measurer.of(MeasurementRules.defaults());

    assertThatThrownBy(() -> other.measureTelemetry(key, ON_API.id(), TelemetryLog.empty(), OutageLog.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another measurer's");
  }

  @Test
  void telemetryRefusesAKeyOfRecords() {
    MeasurementKey records = FIVE_MINUTE_MINIMUM.recordsKeyOf(
        FIVE_MINUTE_MINIMUM.keyOf(ON_API, JUN_2024_UTC), OutageLog.empty());

    assertThatThrownBy(() -> FIVE_MINUTE_MINIMUM.measureTelemetry(
        records, ON_API.id(), TelemetryLog.empty(), OutageLog.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names records");
  }

  @Test
  void anOutageOnlyInTheEdgeBeforeThePeriodIsNotOneOfItsOutages() {
    // 23:50-23:58 on 31 May: looked up (the 5-minute minimum widens the look-up to 23:55), but
    // wholly before June, so neither counted nor listed.
    Outage mayEvening = Outage.builder().id("o-may").addScopes(NODE_7)
        .window(Instant.parse("2024-05-31T23:50:00Z"), Instant.parse("2024-05-31T23:58:00Z")).build();

    Measurement m = FIVE_MINUTE_MINIMUM.measure(
        subscription("sub-a", NODE_7, SINCE_2020, Instant.MAX), JUN_2024_UTC, OutageLog.of(List.of(mayEvening)));

    assertThat(m.outageIds()).isEmpty();
    assertThat(m.downtime()).isEqualTo(Duration.ZERO);
  }

  @Test
  void aPeriodWhollyExcludedAsMaintenanceIsFullyAvailable() {
    // Announced a month ahead for all of June: the denominator, June minus the excluded
    // maintenance, is zero, and nothing of it is down.
    MeasurementRules rules = MeasurementRules.builder()
        .maintenanceNotice(Duration.ofHours(24))
        .denominator(Denominator.ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE)
        .build();
    Outage allJune = maintenance("MAINT-1", "2024-06-01T00:00", "2024-07-01T00:00",
        "2024-05-01T00:00", "2024-06-01T00:00", "2024-07-01T00:00");

    Measurement m = Measurer.of(rules).measure(
        subscription("sub-a", CLUSTER_2, SINCE_2020, Instant.MAX), JUN_2024_UTC, OutageLog.of(List.of(allJune)));

    assertThat(m.denominator()).isEqualTo(Duration.ZERO);
    assertThat(m.downtime()).isEqualTo(Duration.ZERO);
    assertThat(m.availability()).isEqualTo(Ratio.ONE);
  }
}
