package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.fixtures.Story2007;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.WindowSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each outage's time in the period, split into what counted and what was excluded, and why. */
class OutageBreakdownTest {
  private static Measurement measure(MeasurementRules rules, Outage... outages) {
    return Measurer.of(rules).measure(ON_CLUSTER_2, JUN_2024_UTC, OutageLog.of(List.of(outages)));
  }

  @Test
  void storyOutageIsThirteenHoursOfWhichSevenCount() {
    Measurement m = Measurer.of(Story2007.MAINTENANCE_EXCLUDED_WITH_24H_NOTICE)
        .measure(Story2007.ON_CLUSTER_2, Story2007.DEC_2007_EASTERN, Story2007.LOG);

    assertThat(m.breakdown()).singleElement().satisfies(b -> {
      // 05:00-18:00Z = 13 h; 05:00-11:00Z announced 10 days ahead = 6 h excluded; 7 h overrun counts.
      assertThat(b.outageId()).isEqualTo("MAINT-2007-12-01");
      assertThat(b.inWindow()).isEqualTo(Duration.ofHours(13));
      assertThat(b.counted()).isEqualTo(Duration.ofHours(7));
      assertThat(b.excludedTotal()).isEqualTo(Duration.ofHours(6));
      assertThat(b.excluded()).singleElement()
          .satisfies(p -> assertThat(p.reason()).isEqualTo(ExclusionReason.ANNOUNCED_MAINTENANCE));
      assertThat(b.describe()).isEqualTo("MAINT-2007-12-01: down 13h in period; counted 7h; excluded 6h: "
          + "announced maintenance window 2007-12-01T05:00Z–11:00Z (announced 10 days ahead, notice >= 24h); "
          + "overrun 7h counts");
    });
  }

  @Test
  void weightedPartialImpactStatesTheShareAndTheCountedTime() {
    // One zone of three down for 25 h, partial impact weighted: 25h × 1/3 = 8h 20m counts.
    Measurement m = measure(MeasurementRules.builder().partialImpact(PartialImpact.weighted()).build(),
        outage("INC-7", "2024-06-10T00:00", "2024-06-11T01:00")
            .impact(Impact.full().withAffectedShare(Ratio.of(1, 3))).build());

    assertThat(m.downtime()).isEqualTo(Duration.ofMinutes(500));
    assertThat(m.breakdown()).singleElement().satisfies(b -> {
      assertThat(b.share()).isEqualTo(Ratio.of(1, 3));
      assertThat(b.weighted()).isTrue();
      assertThat(b.counted()).isEqualTo(Duration.ofHours(25));
      assertThat(b.weightedCounted()).isEqualTo(Duration.ofMinutes(500));
      assertThat(b.describe()).isEqualTo("INC-7: down 25h in period; counted 25h × 1/3 of users affected = 8h 20m");
    });
  }

  @Test
  void partialImpactCountedInFullSaysSo() {
    Measurement m = measure(MeasurementRules.builder().build(),
        outage("INC-7", "2024-06-10T00:00", "2024-06-11T01:00")
            .impact(Impact.full().withAffectedShare(Ratio.of(1, 3))).build());

    assertThat(m.breakdown()).singleElement().satisfies(b -> {
      assertThat(b.share()).isEqualTo(Ratio.of(1, 3));
      assertThat(b.weighted()).isFalse();
      assertThat(b.weightedCounted()).isEqualTo(Duration.ofHours(25));
      assertThat(b.describe()).isEqualTo(
          "INC-7: down 25h in period; counted 25h (1/3 of users affected; partial impact counts in full)");
    });
  }

  @Test
  void maintenanceOverItsBudgetIsCountedAgainAndSaysSo() {
    MeasurementRules budget = MeasurementRules.builder()
        .maintenanceNotice(Duration.ofHours(24)).maintenanceBudget(Duration.ofHours(1)).build();
    // 3 h of announced maintenance, all inside its window; the budget excludes the first hour.
    Measurement m = measure(budget, maintenance("MAINT-A", "2024-06-10T10:00", "2024-06-10T13:00",
        "2024-06-01T10:00", "2024-06-10T10:00", "2024-06-10T13:00"));

    assertThat(m.breakdown()).singleElement().satisfies(b -> {
      assertThat(b.counted()).isEqualTo(Duration.ofHours(2));
      assertThat(b.excludedTotal()).isEqualTo(Duration.ofHours(1));
      assertThat(b.describe()).isEqualTo("MAINT-A: down 3h in period; counted 2h; excluded 1h: "
          + "announced maintenance window 2024-06-10T10:00Z–13:00Z (announced 9 days ahead, notice >= 24h); "
          + "2h beyond the maintenance budget of 1h per period counts again");
    });
  }

  @Test
  void excludedCauseDegradedAndBlipsAreNamed() {
    MeasurementRules rules = MeasurementRules.builder()
        .addExcludedCauses(Cause.CUSTOMER).minimumDowntime(Duration.ofMinutes(5)).build();

    Measurement m = measure(rules,
        outage("INC-CUST", "2024-06-10T10:00", "2024-06-10T11:00").cause(Cause.CUSTOMER).build(),
        outage("INC-SLOW", "2024-06-11T10:00", "2024-06-11T10:30").impact(dev.amends.core.outage.Impact.degraded()).build(),
        unplanned("INC-BLIP", "2024-06-12T10:00", "2024-06-12T10:03"));

    assertThat(m.breakdown()).extracting(OutageBreakdown::describe).containsExactly(
        "INC-CUST: down 1h in period; counted 0s; excluded 1h: cause CUSTOMER is excluded",
        "INC-SLOW: down 30m in period; counted 0s; excluded 30m: degraded service does not count",
        "INC-BLIP: down 3m in period; counted 0s; excluded 3m: downtime stretch shorter than the minimum of 5m");
  }

  @Test
  void raggedEndsOfIncompleteSlicesAreExcluded() {
    MeasurementRules slices = MeasurementRules.builder()
        .granularity(Granularity.completedSlices(Duration.ofMinutes(5))).build();
    // 10:02-10:13: only 10:05-10:10 is a completed slice; 3 + 3 = 6 min of ragged ends.
    Measurement m = measure(slices, unplanned("INC-1", "2024-06-10T10:02", "2024-06-10T10:13"));

    assertThat(m.breakdown()).singleElement().satisfies(b -> {
      assertThat(b.counted()).isEqualTo(Duration.ofMinutes(5));
      assertThat(b.excluded()).singleElement().satisfies(p -> {
        assertThat(p.reason()).isEqualTo(ExclusionReason.INCOMPLETE_SLICE);
        assertThat(p.windows()).isEqualTo(WindowSet.of(List.of(
            window("2024-06-10T10:02", "2024-06-10T10:05"), window("2024-06-10T10:10", "2024-06-10T10:13"))));
      });
      assertThat(b.describe()).endsWith("excluded 6m: not a completed slice of 5m");
    });
  }

  @Test
  void overlappingOutagesEachCountTheirOwnTime() {
    Measurement m = measure(MeasurementRules.defaults(),
        unplanned("INC-A", "2024-06-10T10:00", "2024-06-10T11:00"),
        unplanned("INC-B", "2024-06-10T10:30", "2024-06-10T12:00"));

    // The measurement counts 10:00-12:00 once (2 h); each outage's own line shows its own time.
    assertThat(m.downtime()).isEqualTo(Duration.ofHours(2));
    assertThat(m.breakdown()).extracting(OutageBreakdown::describe).containsExactly(
        "INC-A: down 1h in period; counted 1h", "INC-B: down 1h 30m in period; counted 1h 30m");
  }

  @Test
  void unannouncedMaintenanceSaysWhyItCounts() {
    Measurement m = measure(MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).build(),
        outage("MAINT-X", "2024-06-10T10:00", "2024-06-10T10:45").kind(dev.amends.core.outage.OutageKind.MAINTENANCE)
            .build());

    assertThat(m.breakdown()).extracting(OutageBreakdown::describe).containsExactly(
        "MAINT-X: down 45m in period; counted 45m; maintenance not announced, so 45m counts");
  }
}
