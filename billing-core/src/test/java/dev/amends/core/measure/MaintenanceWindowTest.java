package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.WindowSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

/**
 * Standing maintenance windows in local time: "Sundays 01:00–04:00 America/New_York", across
 * the 2024 daylight-saving changes (clocks spring forward on Sunday 10 March at 02:00 EST and
 * fall back on Sunday 3 November at 02:00 EDT).
 */
class MaintenanceWindowTest {
  static final MaintenanceWindow SUNDAYS_1_TO_4_NY =
      MaintenanceWindow.weekly(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0), NEW_YORK);
  static final BillingPeriod NOV_2024_NEW_YORK = BillingPeriod.month(YearMonth.of(2024, 11), NEW_YORK);

  private static Interval day(String date) {
    return window(date + "T00:00", date + "T23:59");
  }

  @Nested
  class Occurrences {
    @Test
    void ordinarySundayIsThreeRealHours() {
      // 17 Mar 2024 is in EDT (UTC−4): 01:00 = 05:00Z, 04:00 = 08:00Z.
      assertThat(SUNDAYS_1_TO_4_NY.occurrences(day("2024-03-17")))
          .isEqualTo(WindowSet.of(window("2024-03-17T05:00", "2024-03-17T08:00")));
    }

    @Test
    void springForwardSundayIsTwoRealHours() {
      // 01:00 EST = 06:00Z; 02:00-03:00 does not exist; 04:00 EDT = 08:00Z: 2 hours.
      WindowSet w = SUNDAYS_1_TO_4_NY.occurrences(day("2024-03-10"));

      assertThat(w).isEqualTo(WindowSet.of(window("2024-03-10T06:00", "2024-03-10T08:00")));
      assertThat(w.totalLength()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void fallBackSundayIsFourRealHours() {
      // 01:00 happens twice: the start takes the earlier (EDT, 05:00Z); 04:00 EST = 09:00Z: 4 hours.
      WindowSet w = SUNDAYS_1_TO_4_NY.occurrences(day("2024-11-03"));

      assertThat(w).isEqualTo(WindowSet.of(window("2024-11-03T05:00", "2024-11-03T09:00")));
      assertThat(w.totalLength()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void startInsideTheGapMovesForwardByTheGap() {
      // 02:30 does not exist on 10 Mar; it becomes 03:30 EDT = 07:30Z. 04:00 EDT = 08:00Z.
      MaintenanceWindow w = MaintenanceWindow.weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 30), LocalTime.of(4, 0), NEW_YORK);

      assertThat(w.occurrences(day("2024-03-10")))
          .isEqualTo(WindowSet.of(window("2024-03-10T07:30", "2024-03-10T08:00")));
    }

    @Test
    void windowEndingAtOrBeforeItsStartRunsIntoTheNextDay() {
      MaintenanceWindow nightly = MaintenanceWindow.daily(LocalTime.of(23, 0), LocalTime.of(1, 0), UTC);

      assertThat(nightly.occurrences(window("2024-06-10T12:00", "2024-06-11T12:00")))
          .isEqualTo(WindowSet.of(window("2024-06-10T23:00", "2024-06-11T01:00")));
    }

    @Test
    void marchHasFiveSundayWindowsOneOfThemShort() {
      // 3, 10, 17, 24, 31 March: 3 h (EST) + 2 h (the change) + 3 × 3 h (EDT) = 14 h.
      WindowSet w = SUNDAYS_1_TO_4_NY.occurrences(MAR_2024_NEW_YORK.window());

      assertThat(w.size()).isEqualTo(5);
      assertThat(w.totalLength()).isEqualTo(Duration.ofHours(14));
    }

    @Test
    void rejectsStartEqualToEnd() {
      assertThatThrownBy(() -> MaintenanceWindow.daily(LocalTime.of(1, 0), LocalTime.of(1, 0), UTC))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("maintenanceWindow.end must differ from start: start=01:00, end=01:00");
    }

    @Test
    void readsAsTheContractWouldSayIt() {
      assertThat(SUNDAYS_1_TO_4_NY).hasToString("Sundays 01:00–04:00 America/New_York");
      assertThat(MaintenanceWindow.daily(LocalTime.of(23, 0), LocalTime.of(1, 0), UTC).excludingAllDowntime())
          .hasToString("daily 23:00–01:00 Z (all downtime excluded)");
      assertThat(SUNDAYS_1_TO_4_NY.excludesAllDowntime()).isFalse();
      assertThat(SUNDAYS_1_TO_4_NY).isEqualTo(
          MaintenanceWindow.weekly(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0), NEW_YORK));
    }
  }

  @Nested
  class Measuring {
    private final MeasurementRules standing = MeasurementRules.builder().addStandingWindows(SUNDAYS_1_TO_4_NY).build();

    private Measurement measure(MeasurementRules rules, BillingPeriod period, Outage... outages) {
      return Measurer.of(rules).measure(ON_CLUSTER_2, period, OutageLog.of(List.of(outages)));
    }

    private Outage maintenanceFrom(String id, String start, String end) {
      return outage(id, start, end).kind(OutageKind.MAINTENANCE).build();
    }

    @Test
    void unannouncedMaintenanceInsideTheSpringForwardWindowIsExcludedAndItsOverrunCounts() {
      // Ran 06:00Z-09:00Z on 10 Mar (01:00 EST to 05:00 EDT). Window 06:00Z-08:00Z: 2 h excluded,
      // 08:00Z-09:00Z = 1 h counts.
      Measurement m = measure(standing, MAR_2024_NEW_YORK, maintenanceFrom("MAINT-SPRING", "2024-03-10T06:00", "2024-03-10T09:00"));

      assertThat(m.downtime()).isEqualTo(Duration.ofHours(1));
      assertThat(m.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(ExclusionReason.STANDING_MAINTENANCE_WINDOW);
        assertThat(e.windows()).isEqualTo(WindowSet.of(window("2024-03-10T06:00", "2024-03-10T08:00")));
        assertThat(e.outageIds()).containsExactly("MAINT-SPRING");
      });
    }

    @Test
    void maintenanceInsideTheFallBackWindowIsExcludedForFourHours() {
      // Ran 05:00Z-10:00Z on 3 Nov. Window 05:00Z-09:00Z: 4 h excluded; 09:00Z-10:00Z = 1 h counts.
      Measurement m = measure(standing, NOV_2024_NEW_YORK, maintenanceFrom("MAINT-FALL", "2024-11-03T05:00", "2024-11-03T10:00"));

      assertThat(m.downtime()).isEqualTo(Duration.ofHours(1));
      assertThat(m.exclusions()).singleElement()
          .satisfies(e -> assertThat(e.windows().totalLength()).isEqualTo(Duration.ofHours(4)));
    }

    @Test
    void unplannedOutageAndEmergencyMaintenanceInsideTheWindowCount() {
      Outage unplanned = unplanned("INC-SUN", "2024-11-03T05:00", "2024-11-03T06:00");
      Outage emergency = outage("EMERG-SUN", "2024-11-03T07:00", "2024-11-03T07:30")
          .kind(OutageKind.EMERGENCY_MAINTENANCE).build();

      Measurement m = measure(standing, NOV_2024_NEW_YORK, unplanned, emergency);

      // 60 + 30 = 90 min.
      assertThat(m.downtime()).isEqualTo(Duration.ofMinutes(90));
      assertThat(m.exclusions()).isEmpty();
    }

    @Test
    void windowExcludingAllDowntimeExcludesUnplannedOutagesToo() {
      MeasurementRules strict = MeasurementRules.builder()
          .addStandingWindows(SUNDAYS_1_TO_4_NY.excludingAllDowntime()).build();
      // 04:00Z-06:00Z on 3 Nov: the window starts at 05:00Z, so 04:00Z-05:00Z = 1 h counts.
      Measurement m = measure(strict, NOV_2024_NEW_YORK, unplanned("INC-SUN", "2024-11-03T04:00", "2024-11-03T06:00"));

      assertThat(m.downtime()).isEqualTo(Duration.ofHours(1));
      assertThat(m.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(ExclusionReason.STANDING_MAINTENANCE_WINDOW);
        assertThat(e.windows()).isEqualTo(WindowSet.of(window("2024-11-03T05:00", "2024-11-03T06:00")));
      });
    }

    @Test
    void standingWindowsUseTheMaintenanceBudget() {
      MeasurementRules budget = MeasurementRules.builder()
          .addStandingWindows(SUNDAYS_1_TO_4_NY).maintenanceBudget(Duration.ofHours(3)).build();
      // Two Sundays of maintenance through the whole window: 3 Mar (3 h, 06:00Z-09:00Z EST) and
      // 10 Mar (2 h, 06:00Z-08:00Z). The budget of 3 h is used up on 3 Mar; 10 Mar's 2 h count.
      Measurement m = measure(budget, MAR_2024_NEW_YORK,
          maintenanceFrom("MAINT-03", "2024-03-03T06:00", "2024-03-03T09:00"),
          maintenanceFrom("MAINT-10", "2024-03-10T06:00", "2024-03-10T08:00"));

      assertThat(m.downtime()).isEqualTo(Duration.ofHours(2));
      assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-03-10T06:00", "2024-03-10T08:00")));
    }

    @Test
    void excludedStandingTimeLeavesADenominatorWithoutExcludedMaintenance() {
      MeasurementRules rules = MeasurementRules.builder().addStandingWindows(SUNDAYS_1_TO_4_NY)
          .denominator(Denominator.ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE).build();

      Measurement m = measure(rules, NOV_2024_NEW_YORK, maintenanceFrom("MAINT-FALL", "2024-11-03T05:00", "2024-11-03T09:00"));

      // November 2024 in New York: 30 days + the repeated hour = 43,260 min; minus 240 = 43,020.
      assertThat(m.denominator()).isEqualTo(Duration.ofMinutes(43_020));
      assertThat(m.downtime()).isZero();
    }
  
    @Test
    void badTelemetryInsideAWindowExcludingAllDowntimeIsExcluded() {
      MeasurementRules rules = MeasurementRules.builder()
          .addStandingWindows(MaintenanceWindow.daily(LocalTime.of(1, 0), LocalTime.of(2, 0), UTC).excludingAllDowntime())
          .telemetry(TelemetryRules.builder().missingData(TelemetryRules.MissingData.GOOD).build())
          .build();
      dev.amends.core.telemetry.TelemetryLog log = dev.amends.core.telemetry.TelemetryLog.of(List.of(
          dev.amends.core.telemetry.TelemetrySample.ofCounts(API, window("2024-06-10T01:30", "2024-06-10T01:31"), 0, 10),
          dev.amends.core.telemetry.TelemetrySample.ofCounts(API, window("2024-06-10T02:30", "2024-06-10T02:31"), 0, 10)));

      Measurement m = Measurer.of(rules).measureTelemetry(ON_API, JUN_2024_UTC, log, OutageLog.empty());

      // 01:30 lies in the 01:00-02:00 window: excluded; 02:30 counts. 1 min down.
      assertThat(m.downtime()).isEqualTo(Duration.ofMinutes(1));
      assertThat(m.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(ExclusionReason.STANDING_MAINTENANCE_WINDOW);
        assertThat(e.windows()).isEqualTo(WindowSet.of(window("2024-06-10T01:30", "2024-06-10T01:31")));
      });
    }
  }
}
