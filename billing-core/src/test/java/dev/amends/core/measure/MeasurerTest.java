package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Subscription;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.WindowSet;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

/**
 * Measuring downtime from outage records. Every expected value is worked by hand in the
 * comments; June 2024 in UTC (43,200 minutes) is the period unless a test says otherwise.
 */
class MeasurerTest {
  private static final Measurer DEFAULTS = Measurer.of(MeasurementRules.defaults());
  private static final MeasurementRules NOTICE_24H =
      MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).build();

  private static Measurement measure(MeasurementRules rules, Outage... outages) {
    return Measurer.of(rules).measure(ON_CLUSTER_2, JUN_2024_UTC, OutageLog.of(List.of(outages)));
  }

  private static Measurement measure(Outage... outages) {
    return measure(MeasurementRules.defaults(), outages);
  }

  private static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }

  @Test
  void rejectsNullRules() {
    assertThatThrownBy(() -> Measurer.of(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("rules is required: null");
  }

  @Test
  void exposesItsRules() {
    assertThat(Measurer.of(NOTICE_24H).rules()).isEqualTo(NOTICE_24H);
  }

  @Test
  void measuresNothingWhenNoOutageTouchesThePlacement() {
    Measurement m = DEFAULTS.measure(ON_CLUSTER_2, JUN_2024_UTC, OutageLog.empty());

    assertThat(m.downtime()).isZero();
    assertThat(m.denominator()).isEqualTo(minutes(43_200));
    assertThat(m.availability()).isEqualTo(Ratio.ONE);
    assertThat(m.counted().isEmpty()).isTrue();
    assertThat(m.exclusions()).isEmpty();
    assertThat(m.contributions()).isEmpty();
    assertThat(m.source()).isEqualTo(Measurement.Source.OUTAGES);
    assertThat(m.measuredWindow()).contains(JUN_2024_UTC.window());
  }

  @Nested
  class Union {
    private final Outage first = unplanned("INC-A", "2024-06-10T10:00", "2024-06-10T11:00");
    private final Outage second = unplanned("INC-B", "2024-06-10T10:30", "2024-06-10T12:00");

    @Test
    void overlappingOutagesCountOnce() {
      Measurement m = measure(first, second);

      // [10:00, 11:00) ∪ [10:30, 12:00) = [10:00, 12:00): 120 min, not 60 + 90 = 150.
      assertThat(m.downtime()).isEqualTo(minutes(120));
      assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T10:00", "2024-06-10T12:00")));
      // (43,200 − 120) / 43,200 = 43,080 / 43,200 = 359/360 (both divided by 120).
      assertThat(m.availability()).isEqualTo(Ratio.of(359, 360));
      assertThat(m.outageIds()).containsExactly("INC-A", "INC-B");
    }

    @Test
    void attributesOverlapToTheEarlierOutageSoSharesSumToTheTotal() {
      Measurement m = measure(second, first);

      // INC-A started first and takes [10:00, 11:00) = 60 min, overlap included;
      // INC-B takes what is left of its own time, [11:00, 12:00) = 60 min. 60 + 60 = 120.
      assertThat(m.contributions()).extracting(Contribution::outageId).containsExactly("INC-A", "INC-B");
      assertThat(m.contributions().get(0).attributed()).isEqualTo(minutes(60));
      assertThat(m.contributions().get(1).attributed()).isEqualTo(minutes(60));
      // Each outage's counted time still includes the overlap: INC-B covers 10:30-12:00, 90 min.
      assertThat(m.contributions().get(1).counted())
          .isEqualTo(WindowSet.of(window("2024-06-10T10:30", "2024-06-10T12:00")));
      assertThat(m.contributions().stream().map(Contribution::attributed).reduce(Duration.ZERO, Duration::plus))
          .isEqualTo(m.downtime());
    }

    @Test
    void attributesEqualStartsToTheSmallerId() {
      Outage b = unplanned("INC-B", "2024-06-10T10:00", "2024-06-10T11:00");
      Outage a = unplanned("INC-A", "2024-06-10T10:00", "2024-06-10T10:30");

      Measurement m = measure(b, a);

      // Same start: INC-A (smaller id) takes its 30 min, INC-B the remaining 30 of its 60.
      assertThat(m.contributions()).extracting(Contribution::outageId).containsExactly("INC-A", "INC-B");
      assertThat(m.contributions()).extracting(Contribution::attributed).containsExactly(minutes(30), minutes(30));
    }

    @Test
    void abuttingOutagesFormOneStretch() {
      Measurement m = measure(
          unplanned("INC-A", "2024-06-10T10:00", "2024-06-10T10:20"),
          unplanned("INC-B", "2024-06-10T10:20", "2024-06-10T10:50"));

      // [10:00, 10:20) and [10:20, 10:50) touch: one window of 50 min.
      assertThat(m.counted().windows()).containsExactly(window("2024-06-10T10:00", "2024-06-10T10:50"));
      assertThat(m.downtime()).isEqualTo(minutes(50));
    }
  }

  @Nested
  class PeriodBoundaries {
    private final Outage acrossMidnight = unplanned("INC-NYE", "2024-01-31T23:00", "2024-02-01T02:00");

    @Test
    void splitsAnOutageAcrossAMonthBoundaryBetweenTheMonths() {
      OutageLog log = OutageLog.of(List.of(acrossMidnight));

      Measurement jan = DEFAULTS.measure(ON_CLUSTER_2, JAN_2024_UTC, log);
      Measurement feb = DEFAULTS.measure(ON_CLUSTER_2, FEB_2024_UTC, log);

      // January: 23:00-24:00 on the 31st = 60 min of 31 × 1,440 = 44,640.
      assertThat(jan.downtime()).isEqualTo(minutes(60));
      assertThat(jan.denominator()).isEqualTo(minutes(44_640));
      // (44,640 − 60) / 44,640 = 44,580 / 44,640 = 743/744 (both divided by 60).
      assertThat(jan.availability()).isEqualTo(Ratio.of(743, 744));
      // February 2024 (leap): 00:00-02:00 on the 1st = 120 min of 29 × 1,440 = 41,760.
      assertThat(feb.downtime()).isEqualTo(minutes(120));
      assertThat(feb.denominator()).isEqualTo(minutes(41_760));
      // (41,760 − 120) / 41,760 = 41,640 / 41,760 = 347/348 (both divided by 120).
      assertThat(feb.availability()).isEqualTo(Ratio.of(347, 348));
      // 60 + 120 = 180 min: the three hours, each counted in exactly one month.
      assertThat(jan.downtime().plus(feb.downtime())).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void attributesOnlyThePartInsideThePeriod() {
      Measurement jan = DEFAULTS.measure(ON_CLUSTER_2, JAN_2024_UTC, OutageLog.of(List.of(acrossMidnight)));

      assertThat(jan.contributions()).singleElement().satisfies(c -> {
        assertThat(c.outageId()).isEqualTo("INC-NYE");
        assertThat(c.attributed()).isEqualTo(minutes(60));
        assertThat(c.counted()).isEqualTo(WindowSet.of(window("2024-01-31T23:00", "2024-02-01T00:00")));
      });
    }

    @Test
    void measuresAMonthWithADaylightSavingChangeAtItsTrueLength() {
      Measurement m = DEFAULTS.measure(ON_CLUSTER_2, MAR_2024_NEW_YORK, OutageLog.empty());

      // 1 Mar 00:00 EST = 05:00Z to 1 Apr 00:00 EDT = 04:00Z: 31 days less the hour lost on
      // 10 Mar, 31 × 1,440 − 60 = 44,580 min.
      assertThat(m.denominator()).isEqualTo(minutes(44_580));
    }

    @Test
    void overrunOfMaintenanceAnnouncedOnTheDaylightSavingDayCounts() {
      // Promised 01:00-04:00 New York on 10 Mar 2024: 01:00 EST = 06:00Z, 04:00 EDT = 08:00Z.
      // Clocks jump 02:00 → 03:00, so the "three-hour" window is two hours of real time.
      Instant promisedStart = local("2024-03-10T01:00", NEW_YORK);
      Instant promisedEnd = local("2024-03-10T04:00", NEW_YORK);
      assertThat(promisedStart).isEqualTo(utc("2024-03-10T06:00"));
      assertThat(promisedEnd).isEqualTo(utc("2024-03-10T08:00"));
      // The work ran until 05:00 EDT = 09:00Z: one hour past the window.
      Outage upgrade = Outage.builder()
          .id("MAINT-DST")
          .addScopes(CLUSTER_2)
          .window(promisedStart, local("2024-03-10T05:00", NEW_YORK))
          .kind(OutageKind.MAINTENANCE)
          .announcement(Announcement.of(utc("2024-03-01T12:00"), Interval.of(promisedStart, promisedEnd)))
          .build();

      Measurement m = Measurer.of(NOTICE_24H).measure(ON_CLUSTER_2, MAR_2024_NEW_YORK, OutageLog.of(List.of(upgrade)));

      // Excluded 06:00Z-08:00Z = 120 min (not 180); counted 08:00Z-09:00Z = 60 min.
      assertThat(m.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(ExclusionReason.ANNOUNCED_MAINTENANCE);
        assertThat(e.windows().totalLength()).isEqualTo(minutes(120));
      });
      assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-03-10T08:00", "2024-03-10T09:00")));
      assertThat(m.downtime()).isEqualTo(minutes(60));
      // (44,580 − 60) / 44,580 = 44,520 / 44,580 = 742/743 (both divided by 60).
      assertThat(m.availability()).isEqualTo(Ratio.of(742, 743));
    }
  }

  @Nested
  class AnnouncedMaintenance {
    // Every maintenance here ran 10:00-12:00 on 10 June, as promised unless a test says otherwise.

    @Test
    void noticeExactlyEqualToTheMinimumIsEnough() {
      // Announced 9 June 10:00 for 10 June 10:00: notice PT24H = minimum PT24H.
      Outage m1 = maintenance("MAINT-1", "2024-06-10T10:00", "2024-06-10T12:00",
          "2024-06-09T10:00", "2024-06-10T10:00", "2024-06-10T12:00");

      Measurement m = measure(NOTICE_24H, m1);

      assertThat(m.downtime()).isZero();
      assertThat(m.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(ExclusionReason.ANNOUNCED_MAINTENANCE);
        assertThat(e.windows().totalLength()).isEqualTo(minutes(120));
        assertThat(e.outageIds()).containsExactly("MAINT-1");
        assertThat(e.detail()).contains("notice PT24H >= PT24H");
      });
      assertThat(m.notes()).isEmpty();
    }

    @Test
    void noticeOneSecondShortCountsAllOfItAndSaysSo() {
      // Announced 9 June 10:00:01: notice PT23H59M59S < PT24H.
      Outage m1 = maintenance("MAINT-1", "2024-06-10T10:00", "2024-06-10T12:00",
          "2024-06-09T10:00:01", "2024-06-10T10:00", "2024-06-10T12:00");

      Measurement m = measure(NOTICE_24H, m1);

      assertThat(m.downtime()).isEqualTo(minutes(120));
      assertThat(m.exclusions()).isEmpty();
      assertThat(m.notes()).singleElement().asString()
          .contains("MAINT-1").contains("PT23H59M59S < PT24H").contains("counts");
    }

    @Test
    void unannouncedMaintenanceCountsAndSaysSo() {
      Outage silent = outage("MAINT-SILENT", "2024-06-10T10:00", "2024-06-10T12:00")
          .kind(OutageKind.MAINTENANCE)
          .build();

      Measurement m = measure(NOTICE_24H, silent);

      assertThat(m.downtime()).isEqualTo(minutes(120));
      assertThat(m.notes()).singleElement().asString().contains("MAINT-SILENT").contains("not announced");
    }

    @Test
    void emergencyMaintenanceCounts() {
      Outage emergency = outage("EMERG-1", "2024-06-10T10:00", "2024-06-10T12:00")
          .kind(OutageKind.EMERGENCY_MAINTENANCE)
          .build();

      assertThat(measure(NOTICE_24H, emergency).downtime()).isEqualTo(minutes(120));
    }

    @Test
    void announcedEmergencyMaintenanceCountsInFullAndSaysSo() {
      // Announced two hours ahead, 10:00-12:00, and ran 10:00-12:00: a MAINTENANCE outage would be
      // excluded with enough notice; emergency maintenance counts all 120 min whatever the notice.
      Outage emergency = outage("EMERG-1", "2024-06-10T10:00", "2024-06-10T12:00")
          .kind(OutageKind.EMERGENCY_MAINTENANCE)
          .announcement(Announcement.of(utc("2024-06-10T08:00"), window("2024-06-10T10:00", "2024-06-10T12:00")))
          .build();

      Measurement m = measure(NOTICE_24H, emergency);

      assertThat(m.downtime()).isEqualTo(minutes(120));
      assertThat(m.exclusions()).isEmpty();
      assertThat(m.contributions()).singleElement().satisfies(c -> assertThat(c.attributed()).isEqualTo(minutes(120)));
      assertThat(m.notes()).containsExactly(
          "emergency maintenance EMERG-1 was announced with notice PT2H; emergency maintenance always counts");
    }

    @Test
    void emergencyMaintenanceAnnouncedWeeksAheadStillCountsInFull() {
      // Even nine days' notice (more than the 24 h minimum) excludes nothing for emergency maintenance.
      Outage emergency = outage("EMERG-2", "2024-06-10T10:00", "2024-06-10T12:00")
          .kind(OutageKind.EMERGENCY_MAINTENANCE)
          .announcement(Announcement.of(utc("2024-06-01T00:00"), window("2024-06-10T10:00", "2024-06-10T12:00")))
          .build();

      Measurement m = measure(NOTICE_24H, emergency);

      assertThat(m.downtime()).isEqualTo(minutes(120));
      assertThat(m.exclusions()).isEmpty();
    }

    @Test
    void announcedMaintenanceCountsWhenTheRulesSetNoNotice() {
      Outage m1 = maintenance("MAINT-1", "2024-06-10T10:00", "2024-06-10T12:00",
          "2024-06-01T00:00", "2024-06-10T10:00", "2024-06-10T12:00");

      Measurement m = measure(MeasurementRules.defaults(), m1);

      assertThat(m.downtime()).isEqualTo(minutes(120));
      assertThat(m.exclusions()).isEmpty();
      assertThat(m.notes()).isEmpty();
    }

    @Test
    void overrunOfAnnouncedMaintenanceCountsBeforeAndAfterTheWindow() {
      // Promised 10:00-12:00, ran 09:30-12:45: 30 min early, 45 min late.
      Outage m1 = maintenance("MAINT-1", "2024-06-10T09:30", "2024-06-10T12:45",
          "2024-06-01T00:00", "2024-06-10T10:00", "2024-06-10T12:00");

      Measurement m = measure(NOTICE_24H, m1);

      // 30 + 45 = 75 min count; the promised 120 min are excluded.
      assertThat(m.downtime()).isEqualTo(minutes(75));
      assertThat(m.counted()).isEqualTo(WindowSet.of(List.of(
          window("2024-06-10T09:30", "2024-06-10T10:00"), window("2024-06-10T12:00", "2024-06-10T12:45"))));
      assertThat(m.exclusions()).singleElement().satisfies(e ->
          assertThat(e.windows()).isEqualTo(WindowSet.of(window("2024-06-10T10:00", "2024-06-10T12:00"))));
      assertThat(m.notes()).singleElement().asString().contains("outside its announced window").contains("PT1H15M");
      assertThat(m.contributions()).singleElement().satisfies(c -> assertThat(c.attributed()).isEqualTo(minutes(75)));
    }

    @Test
    void maintenanceShorterThanItsWindowIsExcludedOnlyForTheTimeItRan() {
      // Promised 10:00-12:00, done by 10:40: 40 min excluded, nothing counts.
      Outage m1 = maintenance("MAINT-1", "2024-06-10T10:00", "2024-06-10T10:40",
          "2024-06-01T00:00", "2024-06-10T10:00", "2024-06-10T12:00");

      Measurement m = measure(NOTICE_24H, m1);

      assertThat(m.downtime()).isZero();
      assertThat(m.exclusions()).singleElement().satisfies(e -> assertThat(e.windows().totalLength()).isEqualTo(minutes(40)));
    }

    @Test
    void unplannedOutageDuringAnnouncedMaintenanceStillCounts() {
      Outage m1 = maintenance("MAINT-1", "2024-06-10T10:00", "2024-06-10T12:00",
          "2024-06-01T00:00", "2024-06-10T10:00", "2024-06-10T12:00");
      Outage fire = unplanned("INC-FIRE", "2024-06-10T11:00", "2024-06-10T11:30");

      // The maintenance is excluded, but the unrelated failure 11:00-11:30 counts: 30 min.
      assertThat(measure(NOTICE_24H, m1, fire).downtime()).isEqualTo(minutes(30));
    }

    @Test
    void budgetExcludesMaintenanceInTimeOrderAndTheExcessCountsWithANote() {
      MeasurementRules fiveHoursAMonth = MeasurementRules.builder()
          .maintenanceNotice(Duration.ofHours(24))
          .maintenanceBudget(Duration.ofHours(5))
          .build();
      // Two announced 3-hour windows, both run exactly as promised.
      Outage m1 = maintenance("MAINT-1", "2024-06-08T01:00", "2024-06-08T04:00",
          "2024-06-01T00:00", "2024-06-08T01:00", "2024-06-08T04:00");
      Outage m2 = maintenance("MAINT-2", "2024-06-15T01:00", "2024-06-15T04:00",
          "2024-06-01T00:00", "2024-06-15T01:00", "2024-06-15T04:00");

      Measurement m = measure(fiveHoursAMonth, m2, m1);

      // Budget 5 h: MAINT-1 uses 3 h, MAINT-2 gets the 2 h left (01:00-03:00), and its last
      // hour 03:00-04:00 counts: 60 min.
      assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-15T03:00", "2024-06-15T04:00")));
      assertThat(m.downtime()).isEqualTo(minutes(60));
      // (43,200 − 60) / 43,200 = 43,140 / 43,200 = 719/720 (both divided by 60).
      assertThat(m.availability()).isEqualTo(Ratio.of(719, 720));
      assertThat(m.exclusions()).extracting(e -> e.windows().totalLength())
          .containsExactly(Duration.ofHours(3), Duration.ofHours(2));
      assertThat(m.notes()).singleElement().asString().contains("MAINT-2").contains("budget").contains("PT5H");
      assertThat(m.contributions()).singleElement().satisfies(c -> {
        assertThat(c.outageId()).isEqualTo("MAINT-2");
        assertThat(c.attributed()).isEqualTo(minutes(60));
      });
    }

    @Test
    void maintenanceDuringAnUnplannedOutageUsesNoBudget() {
      MeasurementRules fiveHoursAMonth = MeasurementRules.builder()
          .maintenanceNotice(Duration.ofHours(24))
          .maintenanceBudget(Duration.ofHours(5))
          .build();
      Outage m1 = maintenance("MAINT-1", "2024-06-08T01:00", "2024-06-08T04:00",
          "2024-06-01T00:00", "2024-06-08T01:00", "2024-06-08T04:00");
      Outage fire = unplanned("INC-FIRE", "2024-06-08T00:00", "2024-06-08T05:00");
      Outage m2 = maintenance("MAINT-2", "2024-06-15T01:00", "2024-06-15T04:00",
          "2024-06-01T00:00", "2024-06-15T01:00", "2024-06-15T04:00");

      Measurement m = measure(fiveHoursAMonth, m1, fire, m2);

      // The fire is down 00:00-05:00 on the 8th anyway, so MAINT-1 uses none of the 5 h budget;
      // MAINT-2's 3 h fit in it. Only the fire counts: 300 min.
      assertThat(m.downtime()).isEqualTo(minutes(300));
      assertThat(m.notes()).noneSatisfy(n -> assertThat(n).contains("budget"));
    }

    @Test
    void budgetExactlyUsedUpExcludesEverything() {
      MeasurementRules sixHours = MeasurementRules.builder()
          .maintenanceNotice(Duration.ofHours(24))
          .maintenanceBudget(Duration.ofHours(6))
          .build();
      Outage m1 = maintenance("MAINT-1", "2024-06-08T01:00", "2024-06-08T04:00",
          "2024-06-01T00:00", "2024-06-08T01:00", "2024-06-08T04:00");
      Outage m2 = maintenance("MAINT-2", "2024-06-15T01:00", "2024-06-15T04:00",
          "2024-06-01T00:00", "2024-06-15T01:00", "2024-06-15T04:00");

      // 3 h + 3 h = 6 h = the budget.
      Measurement m = measure(sixHours, m1, m2);
      assertThat(m.downtime()).isZero();
      assertThat(m.notes()).isEmpty();
    }
  }

  @Nested
  class OtherExclusions {
    @Test
    void outageWithAnExcludedCauseDoesNotCount() {
      MeasurementRules rules = MeasurementRules.builder().addExcludedCauses(Cause.CUSTOMER).build();
      Outage theirs = outage("INC-CUST", "2024-06-10T10:00", "2024-06-10T12:00").cause(Cause.CUSTOMER).build();
      Outage ours = unplanned("INC-OURS", "2024-06-11T10:00", "2024-06-11T10:30");

      Measurement m = measure(rules, theirs, ours);

      // Only the provider's 30 min count.
      assertThat(m.downtime()).isEqualTo(minutes(30));
      assertThat(m.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(ExclusionReason.EXCLUDED_CAUSE);
        assertThat(e.outageIds()).containsExactly("INC-CUST");
        assertThat(e.windows().totalLength()).isEqualTo(minutes(120));
        assertThat(e.detail()).contains("CUSTOMER");
      });
      assertThat(m.outageIds()).containsExactly("INC-CUST", "INC-OURS");
      assertThat(m.contributions()).extracting(Contribution::outageId).containsExactly("INC-OURS");
    }

    @Test
    void degradedServiceDoesNotCountByDefault() {
      Outage slow = outage("INC-SLOW", "2024-06-10T10:00", "2024-06-10T12:00").impact(Impact.degraded()).build();

      Measurement m = measure(slow);

      assertThat(m.downtime()).isZero();
      assertThat(m.exclusions()).singleElement()
          .satisfies(e -> assertThat(e.reason()).isEqualTo(ExclusionReason.DEGRADED_SERVICE));
    }

    @Test
    void degradedServiceCountsWhenTheRulesSaySo() {
      Outage slow = outage("INC-SLOW", "2024-06-10T10:00", "2024-06-10T12:00").impact(Impact.degraded()).build();

      Measurement m = measure(MeasurementRules.builder().degradedCounts(true).build(), slow);

      assertThat(m.downtime()).isEqualTo(minutes(120));
      assertThat(m.exclusions()).isEmpty();
    }

    @Test
    void countingFromTheCustomerReportExcludesTheTimeBefore() {
      MeasurementRules fromReport = MeasurementRules.builder().countFrom(CountFrom.CUSTOMER_REPORT).build();
      Outage reported = outage("INC-1", "2024-06-10T10:00", "2024-06-10T12:00")
          .reportedAt(utc("2024-06-10T10:45"))
          .build();

      Measurement m = measure(fromReport, reported);

      // Reported at 10:45: 10:00-10:45 (45 min) excluded, 10:45-12:00 (75 min) counts.
      assertThat(m.downtime()).isEqualTo(minutes(75));
      assertThat(m.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(ExclusionReason.BEFORE_CUSTOMER_REPORT);
        assertThat(e.windows()).isEqualTo(WindowSet.of(window("2024-06-10T10:00", "2024-06-10T10:45")));
      });
    }

    @Test
    void countingFromTheCustomerReportIgnoresAnOutageNeverReported() {
      MeasurementRules fromReport = MeasurementRules.builder().countFrom(CountFrom.CUSTOMER_REPORT).build();

      Measurement m = measure(fromReport, unplanned("INC-1", "2024-06-10T10:00", "2024-06-10T12:00"));

      assertThat(m.downtime()).isZero();
      assertThat(m.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(ExclusionReason.NOT_REPORTED);
        assertThat(e.windows().totalLength()).isEqualTo(minutes(120));
      });
    }

    @Test
    void countingFromDetectionIgnoresTheReportTime() {
      Outage reported = outage("INC-1", "2024-06-10T10:00", "2024-06-10T12:00")
          .reportedAt(utc("2024-06-10T10:45"))
          .build();

      assertThat(measure(reported).downtime()).isEqualTo(minutes(120));
    }
  }

  @Nested
  class PartialImpacts {
    @Test
    void shareBelowTheThresholdIsExcludedAndEqualShareCounts() {
      // Threshold 1/10 = 12 of 120 users.
      MeasurementRules tenPercent = MeasurementRules.builder().partialImpact(PartialImpact.atLeast(Ratio.of(1, 10))).build();
      Outage eleven = outage("INC-11", "2024-06-10T10:00", "2024-06-10T12:00")
          .impact(Impact.full().withAffectedUsers(11, 120)).build();
      Outage twelve = outage("INC-12", "2024-06-11T10:00", "2024-06-11T12:00")
          .impact(Impact.full().withAffectedUsers(12, 120)).build();

      Measurement m = measure(tenPercent, eleven, twelve);

      // 11/120 < 1/10 is excluded; 12/120 = 1/10 counts its full 120 min.
      assertThat(m.downtime()).isEqualTo(minutes(120));
      assertThat(m.contributions()).extracting(Contribution::outageId).containsExactly("INC-12");
      assertThat(m.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(ExclusionReason.BELOW_IMPACT_THRESHOLD);
        assertThat(e.outageIds()).containsExactly("INC-11");
        assertThat(e.detail()).contains("11/120 < 1/10");
      });
    }

    @Test
    void outageWithoutAStatedShareMeetsAnyThreshold() {
      MeasurementRules all = MeasurementRules.builder().partialImpact(PartialImpact.atLeast(Ratio.ONE)).build();

      assertThat(measure(all, unplanned("INC-1", "2024-06-10T10:00", "2024-06-10T12:00")).downtime())
          .isEqualTo(minutes(120));
    }

    @Test
    void weightedImpactCountsTheShareOfUsersAffected() {
      MeasurementRules weighted = MeasurementRules.builder().partialImpact(PartialImpact.weighted()).build();
      Outage some = outage("INC-37", "2024-06-10T10:00", "2024-06-10T12:00")
          .impact(Impact.full().withAffectedUsers(37, 120)).build();

      Measurement m = measure(weighted, some);

      // 120 min × 37/120 = 37 min exactly.
      assertThat(m.downtime()).isEqualTo(minutes(37));
      assertThat(m.counted().totalLength()).isEqualTo(minutes(120));
      // (43,200 − 37) / 43,200 = 43,163 / 43,200 (43,163 shares no factor 2, 3 or 5 with 43,200).
      assertThat(m.availability()).isEqualTo(Ratio.of(43_163, 43_200));
    }

    @Test
    void overlappingWeightedOutagesTakeTheLargestShareAtEachInstant() {
      MeasurementRules weighted = MeasurementRules.builder().partialImpact(PartialImpact.weighted()).build();
      Outage quarter = outage("INC-Q", "2024-06-10T10:00", "2024-06-10T12:00")
          .impact(Impact.full().withAffectedShare(Ratio.of(1, 4))).build();
      Outage half = outage("INC-H", "2024-06-10T11:00", "2024-06-10T13:00")
          .impact(Impact.full().withAffectedShare(Ratio.of(1, 2))).build();

      Measurement m = measure(weighted, quarter, half);

      // 10-11: 60 × 1/4 = 15; 11-12: 60 × max(1/4, 1/2) = 30; 12-13: 60 × 1/2 = 30. 15 + 30 + 30 = 75.
      assertThat(m.downtime()).isEqualTo(minutes(75));
    }

    @Test
    void weightedOutageForEveryoneCountsInFull() {
      MeasurementRules weighted = MeasurementRules.builder().partialImpact(PartialImpact.weighted()).build();

      assertThat(measure(weighted, unplanned("INC-1", "2024-06-10T10:00", "2024-06-10T12:00")).downtime())
          .isEqualTo(minutes(120));
    }
  }

  @Nested
  class MinimumDowntime {
    private final MeasurementRules fiveMinutes = MeasurementRules.builder().minimumDowntime(minutes(5)).build();

    @Test
    void blipShorterThanTheMinimumIsIgnored() {
      Measurement m = measure(fiveMinutes, unplanned("BLIP", "2024-06-10T10:00", "2024-06-10T10:04"));

      // 4 min < 5 min.
      assertThat(m.downtime()).isZero();
      assertThat(m.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(ExclusionReason.SHORTER_THAN_MINIMUM);
        assertThat(e.outageIds()).containsExactly("BLIP");
        assertThat(e.detail()).contains("PT4M").contains("PT5M");
      });
      assertThat(m.contributions()).isEmpty();
      assertThat(m.outageIds()).containsExactly("BLIP");
    }

    @Test
    void downtimeExactlyAsLongAsTheMinimumCounts() {
      assertThat(measure(fiveMinutes, unplanned("BLIP", "2024-06-10T10:00", "2024-06-10T10:05")).downtime())
          .isEqualTo(minutes(5));
    }

    @Test
    void blipsAreMergedBeforeTheMinimumApplies() {
      // 10:00-10:03 and 10:02-10:06 are each under 5 min; their union 10:00-10:06 is 6 min.
      Measurement m = measure(fiveMinutes,
          unplanned("BLIP-1", "2024-06-10T10:00", "2024-06-10T10:03"),
          unplanned("BLIP-2", "2024-06-10T10:02", "2024-06-10T10:06"));

      assertThat(m.downtime()).isEqualTo(minutes(6));
      // BLIP-1 takes 3 min, BLIP-2 the remaining 3.
      assertThat(m.contributions()).extracting(Contribution::attributed).containsExactly(minutes(3), minutes(3));
    }

    @Test
    void stretchAcrossTheMonthEndIsJudgedByItsWholeLength() {
      // 30 June 23:58 to 1 July 00:03: one 5-minute stretch, 2 min in June and 3 in July.
      OutageLog log = OutageLog.of(List.of(unplanned("INC-MIDNIGHT", "2024-06-30T23:58", "2024-07-01T00:03")));
      BillingPeriod july = BillingPeriod.month(YearMonth.of(2024, 7), UTC);

      Measurement june = Measurer.of(fiveMinutes).measure(ON_CLUSTER_2, JUN_2024_UTC, log);
      Measurement jul = Measurer.of(fiveMinutes).measure(ON_CLUSTER_2, july, log);

      // 5 min ≥ 5 min, so neither part is dropped: 2 + 3 = 5.
      assertThat(june.downtime()).isEqualTo(minutes(2));
      assertThat(jul.downtime()).isEqualTo(minutes(3));
    }

    @Test
    void stretchAcrossTheMonthEndShorterThanTheMinimumIsDroppedInBothMonths() {
      // 23:58 to 00:02: 4 min in all.
      OutageLog log = OutageLog.of(List.of(unplanned("INC-MIDNIGHT", "2024-06-30T23:58", "2024-07-01T00:02")));

      Measurement june = Measurer.of(fiveMinutes).measure(ON_CLUSTER_2, JUN_2024_UTC, log);

      assertThat(june.downtime()).isZero();
      assertThat(june.exclusions()).singleElement().satisfies(e -> assertThat(e.detail()).contains("PT4M < minimum PT5M"));
    }

    @Test
    void stretchAcrossTheMonthEndIsNotExtendedByTimeThatWouldNotCount() {
      MeasurementRules rules = MeasurementRules.builder()
          .minimumDowntime(minutes(5))
          .addExcludedCauses(Cause.CUSTOMER)
          .build();
      // 2 min of ours in June, then 3 min the customer caused in July.
      OutageLog log = OutageLog.of(List.of(
          unplanned("INC-OURS", "2024-06-30T23:58", "2024-07-01T00:00"),
          outage("INC-THEIRS", "2024-07-01T00:00", "2024-07-01T00:03").cause(Cause.CUSTOMER).build()));

      assertThat(Measurer.of(rules).measure(ON_CLUSTER_2, JUN_2024_UTC, log).downtime()).isZero();
    }

    @Test
    void stretchAcrossTheSubscriptionStartIsJudgedOnlyByTheActivePart() {
      // The customer joined at 10:02; of the outage 10:00-10:05 only 3 min were theirs (< 5).
      Subscription from1002 = subscription("sub-new", CLUSTER_2, utc("2024-06-10T10:02"), Instant.MAX);
      OutageLog log = OutageLog.of(List.of(unplanned("INC-1", "2024-06-10T10:00", "2024-06-10T10:05")));

      assertThat(Measurer.of(fiveMinutes).measure(from1002, JUN_2024_UTC, log).downtime()).isZero();
    }

    @Test
    void abuttingBlipsFormOneStretchForTheMinimum() {
      // 10:00-10:03 then 10:03-10:05: one continuous stretch of 5 min.
      Measurement m = measure(fiveMinutes,
          unplanned("BLIP-1", "2024-06-10T10:00", "2024-06-10T10:03"),
          unplanned("BLIP-2", "2024-06-10T10:03", "2024-06-10T10:05"));

      assertThat(m.downtime()).isEqualTo(minutes(5));
    }
  }

  @Nested
  class Granularities {
    private final MeasurementRules started5 =
        MeasurementRules.builder().granularity(Granularity.startedSlices(minutes(5))).build();
    private final MeasurementRules completed5 =
        MeasurementRules.builder().granularity(Granularity.completedSlices(minutes(5))).build();

    @Test
    void startedSliceCountsWhole() {
      Measurement m = measure(started5, unplanned("INC-1", "2024-06-10T10:02", "2024-06-10T10:07"));

      // 10:02 lies in slice 10:00-10:05, 10:07 in 10:05-10:10: both count, 10:00-10:10 = 10 min.
      assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T10:00", "2024-06-10T10:10")));
      assertThat(m.downtime()).isEqualTo(minutes(10));
      // The 5 min the slices added go to the outage they extend.
      assertThat(m.contributions()).singleElement().satisfies(c -> assertThat(c.attributed()).isEqualTo(minutes(10)));
    }

    @Test
    void onlyCompletedSlicesCountAndTheRestIsExcluded() {
      Measurement m = measure(completed5, unplanned("INC-1", "2024-06-10T10:02", "2024-06-10T10:13"));

      // Only 10:05-10:10 is down throughout: 5 min. 10:02-10:05 and 10:10-10:13 (6 min) are excluded.
      assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T10:05", "2024-06-10T10:10")));
      assertThat(m.downtime()).isEqualTo(minutes(5));
      assertThat(m.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(ExclusionReason.INCOMPLETE_SLICE);
        assertThat(e.windows()).isEqualTo(WindowSet.of(List.of(
            window("2024-06-10T10:02", "2024-06-10T10:05"), window("2024-06-10T10:10", "2024-06-10T10:13"))));
        assertThat(e.outageIds()).containsExactly("INC-1");
      });
      assertThat(m.contributions()).singleElement().satisfies(c -> {
        assertThat(c.attributed()).isEqualTo(minutes(5));
        assertThat(c.counted()).isEqualTo(WindowSet.of(window("2024-06-10T10:05", "2024-06-10T10:10")));
      });
    }

    @Test
    void outageShorterThanACompletedSliceCountsNothing() {
      Measurement m = measure(completed5, unplanned("INC-1", "2024-06-10T10:01", "2024-06-10T10:05"));

      assertThat(m.downtime()).isZero();
      assertThat(m.contributions()).isEmpty();
    }

    @Test
    void slicesAreAlignedToTheStartOfTheBillingPeriod() {
      // June 2024 in Kolkata starts at 2024-05-31T18:30Z, so hourly slices run from :30 to :30 UTC.
      MeasurementRules hourly = MeasurementRules.builder().granularity(Granularity.startedSlices(Duration.ofHours(1))).build();
      OutageLog log = OutageLog.of(List.of(unplanned("INC-1", "2024-06-10T10:00", "2024-06-10T10:10")));

      Measurement m = Measurer.of(hourly).measure(ON_CLUSTER_2, JUN_2024_KOLKATA, log);

      // 10:00-10:10Z lies in the slice 09:30-10:30Z: 60 min.
      assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T09:30", "2024-06-10T10:30")));
      assertThat(m.downtime()).isEqualTo(minutes(60));
    }

    @Test
    void startedSliceNeverReachesBeforeTheSubscriptionStarted() {
      Subscription fromTen03 = subscription("sub-late", CLUSTER_2, utc("2024-06-10T10:03"), Instant.MAX);
      OutageLog log = OutageLog.of(List.of(unplanned("INC-1", "2024-06-10T10:00", "2024-06-10T10:07")));

      Measurement m = Measurer.of(started5).measure(fromTen03, JUN_2024_UTC, log);

      // Slices 10:00-10:10 clipped to the active window from 10:03: 10:03-10:10 = 7 min.
      assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T10:03", "2024-06-10T10:10")));
      assertThat(m.downtime()).isEqualTo(minutes(7));
    }

    @Test
    void startedSliceNeverReachesPastThePeriodEnd() {
      // 7-minute slices from 1 June 00:00: 43,200 / 7 = 6,171 slices and 3 min; the last full
      // slice ends at 6,171 × 7 = 43,197 min, i.e. 30 June 23:57, and the partial one runs to 24:00.
      MeasurementRules started7 = MeasurementRules.builder().granularity(Granularity.startedSlices(minutes(7))).build();

      Measurement m = measure(started7, unplanned("INC-1", "2024-06-30T23:58", "2024-07-01T00:30"));

      // Clipped to 23:58-24:00, widened to the slice 23:57-24:07, clipped to the period: 3 min.
      assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-30T23:57", "2024-07-01T00:00")));
      assertThat(m.downtime()).isEqualTo(minutes(3));
    }

    @Test
    void startedSlicesMergeNeighbouringOutagesIntoOneSlice() {
      Measurement m = measure(started5,
          unplanned("INC-A", "2024-06-10T10:01", "2024-06-10T10:02"),
          unplanned("INC-B", "2024-06-10T10:03", "2024-06-10T10:04"));

      // Both lie in the slice 10:00-10:05: 5 min, attributed 1 min + extension to INC-A (the
      // earlier), INC-B keeps its own 1 min. 4 + 1 = 5.
      assertThat(m.downtime()).isEqualTo(minutes(5));
      assertThat(m.contributions()).extracting(Contribution::attributed).containsExactly(minutes(4), minutes(1));
    }

    @Test
    void minimumAppliesBeforeSlicesAreWidened() {
      MeasurementRules both = MeasurementRules.builder()
          .minimumDowntime(minutes(5))
          .granularity(Granularity.startedSlices(minutes(5)))
          .build();

      // A 4-minute blip would fill a 5-minute slice, but it is dropped first.
      assertThat(measure(both, unplanned("BLIP", "2024-06-10T10:01", "2024-06-10T10:05")).downtime()).isZero();
    }
  }

  @Nested
  class Denominators {
    // Active from 16 June 00:00: 15 days = 21,600 min of June's 43,200.
    private final Subscription fromMidJune = subscription("sub-mid", CLUSTER_2, utc("2024-06-16T00:00"), Instant.MAX);
    private final Outage twoHours = unplanned("INC-1", "2024-06-20T10:00", "2024-06-20T12:00");
    private final Outage beforeActive = unplanned("INC-0", "2024-06-05T10:00", "2024-06-05T12:00");

    private Measurement measureMid(MeasurementRules rules, Outage... outages) {
      return Measurer.of(rules).measure(fromMidJune, JUN_2024_UTC, OutageLog.of(List.of(outages)));
    }

    @Test
    void activePartIsTheDefault() {
      Measurement m = measureMid(MeasurementRules.defaults(), twoHours, beforeActive);

      assertThat(m.measuredWindow()).contains(Interval.of(utc("2024-06-16T00:00"), utc("2024-07-01T00:00")));
      // The outage on 5 June was before the subscription started; only INC-1's 120 min count.
      assertThat(m.downtime()).isEqualTo(minutes(120));
      assertThat(m.outageIds()).containsExactly("INC-1");
      assertThat(m.denominator()).isEqualTo(minutes(21_600));
      // (21,600 − 120) / 21,600 = 21,480 / 21,600 = 179/180 (both divided by 120).
      assertThat(m.availability()).isEqualTo(Ratio.of(179, 180));
    }

    @Test
    void wholePeriodMeasuresAgainstTheWholeMonth() {
      Measurement m = measureMid(MeasurementRules.builder().denominator(Denominator.WHOLE_PERIOD).build(), twoHours);

      assertThat(m.denominator()).isEqualTo(minutes(43_200));
      // (43,200 − 120) / 43,200 = 359/360.
      assertThat(m.availability()).isEqualTo(Ratio.of(359, 360));
    }

    @Test
    void activePartMinusExcludedMaintenanceLeavesExcludedMaintenanceOut() {
      MeasurementRules rules = MeasurementRules.builder()
          .maintenanceNotice(Duration.ofHours(24))
          .denominator(Denominator.ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE)
          .build();
      Outage m3h = maintenance("MAINT-1", "2024-06-18T01:00", "2024-06-18T04:00",
          "2024-06-10T00:00", "2024-06-18T01:00", "2024-06-18T04:00");

      Measurement m = measureMid(rules, twoHours, m3h);

      // 21,600 − 180 (3 h excluded) = 21,420 min; 120 min down.
      assertThat(m.denominator()).isEqualTo(minutes(21_420));
      assertThat(m.downtime()).isEqualTo(minutes(120));
      // (21,420 − 120) / 21,420 = 21,300 / 21,420 = 355/357 (both divided by 60).
      assertThat(m.availability()).isEqualTo(Ratio.of(355, 357));
    }

    @Test
    void maintenanceThatCountsStaysInTheDenominator() {
      MeasurementRules rules = MeasurementRules.builder()
          .maintenanceNotice(Duration.ofHours(24))
          .denominator(Denominator.ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE)
          .build();
      // Announced only an hour ahead: it counts, so it is not removed from the denominator.
      Outage late = maintenance("MAINT-1", "2024-06-18T01:00", "2024-06-18T04:00",
          "2024-06-18T00:00", "2024-06-18T01:00", "2024-06-18T04:00");

      Measurement m = measureMid(rules, late);

      assertThat(m.denominator()).isEqualTo(minutes(21_600));
      assertThat(m.downtime()).isEqualTo(minutes(180));
    }

    @Test
    void subscriptionNotActiveInThePeriodHasNoDowntimeAndFullAvailability() {
      Subscription fromJuly = subscription("sub-july", CLUSTER_2, utc("2024-07-01T00:00"), Instant.MAX);

      Measurement m = DEFAULTS.measure(fromJuly, JUN_2024_UTC, OutageLog.of(List.of(twoHours)));

      assertThat(m.measuredWindow()).isEmpty();
      assertThat(m.downtime()).isZero();
      assertThat(m.denominator()).isZero();
      assertThat(m.availability()).isEqualTo(Ratio.ONE);
      assertThat(m.outageIds()).isEmpty();
      assertThat(m.notes()).singleElement().asString().contains("not active in 2024-06");
    }

    @Test
    void subscriptionThatEndedExactlyAtThePeriodStartWasNotActive() {
      Subscription untilJune = subscription("sub-may", CLUSTER_2, SINCE_2020, utc("2024-06-01T00:00"));

      assertThat(DEFAULTS.measure(untilJune, JUN_2024_UTC, OutageLog.of(List.of(twoHours))).measuredWindow()).isEmpty();
    }
  }

  @Nested
  class FromTelemetry {
    private static final Instant MAINT_ANNOUNCED = utc("2024-06-01T00:00");

    private static TelemetrySample minute(String start, long good, long total) {
      return TelemetrySample.ofCounts(API, Interval.of(utc(start), utc(start).plus(Duration.ofMinutes(1))), good, total);
    }

    private static TelemetrySample fiveMinutes(String start, Ratio errorRate) {
      return TelemetrySample.ofErrorRate(API, Interval.of(utc(start), utc(start).plus(Duration.ofMinutes(5))), errorRate);
    }

    private static Measurement measureApi(MeasurementRules rules, TelemetrySample... samples) {
      return Measurer.of(rules).measureTelemetry(ON_API, JUN_2024_UTC, TelemetryLog.of(List.of(samples)), OutageLog.empty());
    }

    private static MeasurementRules telemetry(TelemetryRules t) {
      return MeasurementRules.builder().telemetry(t).build();
    }

    /** Announced maintenance on {@code api}, 10 June 10:00-11:00, announced nine days ahead. */
    private static Outage apiMaintenance() {
      Interval w = window("2024-06-10T10:00", "2024-06-10T11:00");
      return Outage.builder().id("MAINT-API").addScopes(API).window(w).kind(OutageKind.MAINTENANCE)
          .announcement(Announcement.of(MAINT_ANNOUNCED, w)).build();
    }

    @Test
    void minuteAtExactlyTheThresholdIsNotBadAndJustAboveIs() {
      Measurement m = measureApi(MeasurementRules.defaults(),
          minute("2024-06-10T10:00", 95, 100),          // 5/100 = 5 %: not above 5 %
          minute("2024-06-10T10:01", 9_499, 10_000));   // 501/10,000 = 5.01 %: bad

      assertThat(m.source()).isEqualTo(Measurement.Source.TELEMETRY);
      assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T10:01", "2024-06-10T10:02")));
      assertThat(m.downtime()).isEqualTo(minutes(1));
      // (43,200 − 1) / 43,200.
      assertThat(m.availability()).isEqualTo(Ratio.of(43_199, 43_200));
    }

    @Test
    void minuteWithFewerRequestsThanTheMinimumIsJudgedAsEmpty() {
      MeasurementRules min100 = telemetry(TelemetryRules.builder().minimumRequests(100).build());

      Measurement m = measureApi(min100,
          minute("2024-06-10T10:00", 0, 99),     // 99 < 100 requests: empty, judged good by default
          minute("2024-06-10T10:01", 94, 100));  // 100 requests, 6 % errors: bad

      assertThat(m.downtime()).isEqualTo(minutes(1));
      assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T10:01", "2024-06-10T10:02")));
    }

    @Test
    void emptyMinuteIsGoodByDefault() {
      Measurement m = measureApi(MeasurementRules.defaults(), minute("2024-06-10T10:00", 0, 0));

      assertThat(m.downtime()).isZero();
      assertThat(m.denominator()).isEqualTo(minutes(43_200));
    }

    @Test
    void emptyMinuteCountsAsDownWhenJudgedBad() {
      MeasurementRules bad = telemetry(TelemetryRules.builder().emptyInterval(TelemetryRules.EmptyInterval.BAD).build());

      Measurement m = measureApi(bad, minute("2024-06-10T10:00", 0, 0));

      assertThat(m.downtime()).isEqualTo(minutes(1));
      assertThat(m.denominator()).isEqualTo(minutes(43_200));
    }

    @Test
    void ignoredEmptyMinuteLeavesTheDenominator() {
      MeasurementRules ignored =
          telemetry(TelemetryRules.builder().emptyInterval(TelemetryRules.EmptyInterval.IGNORED).build());

      Measurement m = measureApi(ignored,
          minute("2024-06-10T10:00", 0, 0),     // empty: neither up nor down
          minute("2024-06-10T10:01", 0, 100));  // all errors: bad

      // Denominator 43,200 − 1 = 43,199 min; 1 min down: 43,198 / 43,199.
      assertThat(m.denominator()).isEqualTo(minutes(43_199));
      assertThat(m.downtime()).isEqualTo(minutes(1));
      assertThat(m.availability()).isEqualTo(Ratio.of(43_198, 43_199));
    }

    @Test
    void badMinutesShorterThanTheMinimumAreIgnored() {
      MeasurementRules fiveMinutes = MeasurementRules.builder().minimumDowntime(minutes(5)).build();

      Measurement m = measureApi(fiveMinutes,
          minute("2024-06-10T10:00", 0, 10), minute("2024-06-10T10:01", 0, 10), minute("2024-06-10T10:02", 0, 10),
          minute("2024-06-10T11:00", 0, 10), minute("2024-06-10T11:01", 0, 10), minute("2024-06-10T11:02", 0, 10),
          minute("2024-06-10T11:03", 0, 10), minute("2024-06-10T11:04", 0, 10));

      // 10:00-10:03 is 3 bad minutes in a row (< 5): ignored. 11:00-11:05 is 5: counts.
      assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T11:00", "2024-06-10T11:05")));
      assertThat(m.exclusions()).extracting(Exclusion::reason).containsExactly(ExclusionReason.SHORTER_THAN_MINIMUM);
    }

    @Test
    void badMinuteInsideAnnouncedMaintenanceIsExcluded() {
      MeasurementRules rules = NOTICE_24H;

      Measurement m = Measurer.of(rules).measureTelemetry(ON_API, JUN_2024_UTC,
          TelemetryLog.of(List.of(minute("2024-06-10T10:30", 0, 10), minute("2024-06-10T12:00", 0, 10))),
          OutageLog.of(List.of(apiMaintenance())));

      // 10:30 lies in the announced 10:00-11:00 window; only 12:00-12:01 counts.
      assertThat(m.downtime()).isEqualTo(minutes(1));
      assertThat(m.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(ExclusionReason.ANNOUNCED_MAINTENANCE);
        assertThat(e.windows()).isEqualTo(WindowSet.of(window("2024-06-10T10:30", "2024-06-10T10:31")));
        assertThat(e.outageIds()).containsExactly("MAINT-API");
      });
      assertThat(m.outageIds()).containsExactly("MAINT-API");
    }

    @Test
    void ignoredMinuteInsideExcludedMaintenanceLeavesTheDenominatorOnlyOnce() {
      MeasurementRules rules = MeasurementRules.builder()
          .maintenanceNotice(Duration.ofHours(24))
          .denominator(Denominator.ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE)
          .telemetry(TelemetryRules.builder().emptyInterval(TelemetryRules.EmptyInterval.IGNORED).build())
          .build();

      Measurement m = Measurer.of(rules).measureTelemetry(ON_API, JUN_2024_UTC,
          TelemetryLog.of(List.of(
              minute("2024-06-10T10:30", 0, 0),     // empty, inside the maintenance window
              minute("2024-06-10T12:00", 0, 0),     // empty, outside it
              minute("2024-06-10T13:00", 0, 10))),  // bad
          OutageLog.of(List.of(apiMaintenance())));

      // 43,200 − 60 (maintenance, which already holds the 10:30 minute) − 1 (12:00) = 43,139 min.
      assertThat(m.denominator()).isEqualTo(minutes(43_139));
      assertThat(m.downtime()).isEqualTo(minutes(1));
      assertThat(m.availability()).isEqualTo(Ratio.of(43_138, 43_139));
    }

    @Test
    void ignoredMinuteInsideMaintenanceLeavesTheActivePartDenominator() {
      MeasurementRules rules = MeasurementRules.builder()
          .maintenanceNotice(Duration.ofHours(24))
          .telemetry(TelemetryRules.builder().emptyInterval(TelemetryRules.EmptyInterval.IGNORED).build())
          .build();

      Measurement m = Measurer.of(rules).measureTelemetry(ON_API, JUN_2024_UTC,
          TelemetryLog.of(List.of(minute("2024-06-10T10:30", 0, 0))),
          OutageLog.of(List.of(apiMaintenance())));

      // Maintenance stays in an ACTIVE_PART denominator, but the ignored minute leaves it: 43,199.
      assertThat(m.denominator()).isEqualTo(minutes(43_199));
    }

    @Test
    void averagedRatiosGiveOneMinusTheAverageErrorRate() {
      MeasurementRules averaged =
          telemetry(TelemetryRules.builder().method(TelemetryRules.Method.AVERAGED_RATIOS).build());

      Measurement m = measureApi(averaged,
          fiveMinutes("2024-06-10T10:00", Ratio.ZERO),
          fiveMinutes("2024-06-10T10:05", Ratio.of(1, 10)),
          fiveMinutes("2024-06-10T10:10", Ratio.of(2, 10)),
          fiveMinutes("2024-06-10T10:15", Ratio.of(1, 10)));

      // (0 + 1/10 + 2/10 + 1/10) / 4 = 4/10 / 4 = 1/10; availability 1 − 1/10 = 9/10.
      assertThat(m.availability()).isEqualTo(Ratio.of(9, 10));
      // The unavailable tenth of 43,200 min: 4,320 min.
      assertThat(m.denominator()).isEqualTo(minutes(43_200));
      assertThat(m.downtime()).isEqualTo(minutes(4_320));
      assertThat(m.notes()).singleElement().asString().contains("4 intervals");
    }

    @Test
    void averagedRatiosWeighEachIntervalByItsLength() {
      MeasurementRules averaged =
          telemetry(TelemetryRules.builder().method(TelemetryRules.Method.AVERAGED_RATIOS).build());

      Measurement m = measureApi(averaged,
          TelemetrySample.ofErrorRate(API, window("2024-06-10T10:00", "2024-06-10T10:10"), Ratio.of(1, 10)),
          TelemetrySample.ofErrorRate(API, window("2024-06-10T10:10", "2024-06-10T10:11"), Ratio.ZERO));

      // (10 min × 1/10 + 1 min × 0) / 11 min = 1/11, not (1/10 + 0) / 2 = 1/20; availability 10/11.
      assertThat(m.availability()).isEqualTo(Ratio.of(10, 11));
      // A eleventh of 43,200 min is 3,927 min 16.363636… s, rounded half-up to the nanosecond.
      assertThat(m.downtime()).isEqualTo(minutes(3_927).plusSeconds(16).plusNanos(363_636_364));
    }

    @Test
    void averagedRatiosLeaveIgnoredIntervalsOutOfAverageAndDenominator() {
      MeasurementRules averaged = telemetry(TelemetryRules.builder()
          .method(TelemetryRules.Method.AVERAGED_RATIOS)
          .emptyInterval(TelemetryRules.EmptyInterval.IGNORED)
          .build());

      Measurement m = measureApi(averaged,
          fiveMinutes("2024-06-10T10:00", Ratio.ZERO),
          fiveMinutes("2024-06-10T10:05", Ratio.of(1, 10)),
          fiveMinutes("2024-06-10T10:10", Ratio.of(2, 10)),
          fiveMinutes("2024-06-10T10:15", Ratio.of(1, 10)),
          TelemetrySample.ofCounts(API, window("2024-06-10T10:20", "2024-06-10T10:25"), 0, 0));

      // Still 1/10 over the four judged intervals; denominator 43,200 − 5 = 43,195 min, and a
      // tenth of it is 4,319.5 min = 4,319 min 30 s.
      assertThat(m.availability()).isEqualTo(Ratio.of(9, 10));
      assertThat(m.denominator()).isEqualTo(minutes(43_195));
      assertThat(m.downtime()).isEqualTo(minutes(4_319).plusSeconds(30));
    }

    @Test
    void averagedRatiosCountAGoodEmptyIntervalAsZeroErrors() {
      MeasurementRules averaged =
          telemetry(TelemetryRules.builder().method(TelemetryRules.Method.AVERAGED_RATIOS).build());

      Measurement m = measureApi(averaged,
          fiveMinutes("2024-06-10T10:00", Ratio.ZERO),
          fiveMinutes("2024-06-10T10:05", Ratio.of(1, 10)),
          fiveMinutes("2024-06-10T10:10", Ratio.of(2, 10)),
          fiveMinutes("2024-06-10T10:15", Ratio.of(1, 10)),
          TelemetrySample.ofCounts(API, window("2024-06-10T10:20", "2024-06-10T10:25"), 0, 0));

      // (0 + 1/10 + 2/10 + 1/10 + 0) / 5 = 4/50 = 2/25; availability 23/25.
      assertThat(m.availability()).isEqualTo(Ratio.of(23, 25));
    }

    @Test
    void averagedRatiosLeaveIntervalsInsideExcludedMaintenanceOut() {
      MeasurementRules rules = MeasurementRules.builder()
          .maintenanceNotice(Duration.ofHours(24))
          .telemetry(TelemetryRules.builder().method(TelemetryRules.Method.AVERAGED_RATIOS).build())
          .build();

      Measurement m = Measurer.of(rules).measureTelemetry(ON_API, JUN_2024_UTC,
          TelemetryLog.of(List.of(
              fiveMinutes("2024-06-10T10:00", Ratio.of(1, 2)),     // inside the maintenance
              fiveMinutes("2024-06-10T12:00", Ratio.of(1, 10)))),
          OutageLog.of(List.of(apiMaintenance())));

      // Only the 12:00 interval is averaged: 1 − 1/10 = 9/10.
      assertThat(m.availability()).isEqualTo(Ratio.of(9, 10));
    }

    @Test
    void telemetryOfAnInactiveSubscriptionMeasuresNothing() {
      Subscription fromJuly = subscription("sub-july", API, utc("2024-07-01T00:00"), Instant.MAX);

      Measurement m = DEFAULTS.measureTelemetry(fromJuly, JUN_2024_UTC,
          TelemetryLog.of(List.of(minute("2024-06-10T10:00", 0, 10))), OutageLog.empty());

      assertThat(m.downtime()).isZero();
      assertThat(m.availability()).isEqualTo(Ratio.ONE);
      assertThat(m.source()).isEqualTo(Measurement.Source.TELEMETRY);
    }
  }
}
