package dev.amends.core.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.Ratio;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeasurementRulesTest {
  @Test
  void defaultsCountEveryOutageInFullFromDetectionAgainstTheActivePart() {
    MeasurementRules d = MeasurementRules.defaults();

    assertThat(d.maintenanceNotice()).isEmpty();
    assertThat(d.maintenanceBudget()).isEmpty();
    assertThat(d.excludedCauses()).isEmpty();
    assertThat(d.degradedCounts()).isFalse();
    assertThat(d.minimumDowntime()).isZero();
    assertThat(d.granularity()).isEqualTo(Granularity.exact());
    assertThat(d.countFrom()).isEqualTo(CountFrom.DETECTION);
    assertThat(d.partialImpact()).isEqualTo(PartialImpact.countsFully());
    assertThat(d.denominator()).isEqualTo(Denominator.ACTIVE_PART);
    assertThat(d.telemetry()).isEqualTo(TelemetryRules.defaults());
  }

  @Test
  void rejectsABudgetWithoutANotice() {
    assertThatThrownBy(() -> MeasurementRules.builder().maintenanceBudget(Duration.ofHours(5)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("measurementRules.maintenanceBudget needs maintenanceNotice or standingWindows to be set "
            + "(without either no maintenance is excluded, so there is nothing to budget): PT5H");
  }

  @Test
  void acceptsABudgetWithStandingWindowsAlone() {
    MaintenanceWindow sundays = MaintenanceWindow.weekly(java.time.DayOfWeek.SUNDAY, java.time.LocalTime.of(1, 0),
        java.time.LocalTime.of(4, 0), java.time.ZoneOffset.UTC);

    MeasurementRules rules =
        MeasurementRules.builder().addStandingWindows(sundays).maintenanceBudget(Duration.ofHours(5)).build();

    assertThat(rules.maintenanceBudget()).contains(Duration.ofHours(5));
    assertThat(rules.maintenanceNotice()).isEmpty();
  }

  @Test
  void rejectsNegativeDurationsNamingTheSetting() {
    assertThatThrownBy(() -> MeasurementRules.builder().maintenanceNotice(Duration.ofHours(-1)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("measurementRules.maintenanceNotice must not be negative: PT-1H");
    assertThatThrownBy(() -> MeasurementRules.builder()
            .maintenanceNotice(Duration.ZERO).maintenanceBudget(Duration.ofMinutes(-5)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("measurementRules.maintenanceBudget must not be negative: PT-5M");
    assertThatThrownBy(() -> MeasurementRules.builder().minimumDowntime(Duration.ofSeconds(-1)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("measurementRules.minimumDowntime must not be negative: PT-1S");
  }

  @Test
  void rejectsWeightedImpactWithSlices() {
    assertThatThrownBy(() -> MeasurementRules.builder()
            .partialImpact(PartialImpact.weighted())
            .granularity(Granularity.startedSlices(Duration.ofMinutes(5)))
            .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("measurementRules.granularity must be exact when partial impact is weighted: started PT5M");
  }

  @Test
  void acceptsAThresholdWithSlices() {
    MeasurementRules r = MeasurementRules.builder()
        .partialImpact(PartialImpact.atLeast(Ratio.of(1, 10)))
        .granularity(Granularity.completedSlices(Duration.ofMinutes(1)))
        .build();

    assertThat(r.partialImpact().threshold()).contains(Ratio.of(1, 10));
  }
}
