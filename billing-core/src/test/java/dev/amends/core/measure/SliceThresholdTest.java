package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Subscription;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.WindowSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

/**
 * Hourly slices that count whole when more than 18 s of them is down (an Hourly Uptime Percentage
 * below 99.5 %: 0.5 % of 3,600 s is 18 s). June 2024 in UTC, so the slices are UTC clock hours.
 */
class SliceThresholdTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration EIGHTEEN_SECONDS = Duration.ofSeconds(18);
  private static final MeasurementRules HOURLY_99_5 = MeasurementRules.builder()
      .granularity(Granularity.slicesDownMoreThan(HOUR, EIGHTEEN_SECONDS)).build();
  private static final Instant TEN = utc("2024-06-10T10:00");

  private static Outage down(String id, Instant start, Duration length) {
    return Outage.builder().id(id).addScopes(CLUSTER_2).window(start, start.plus(length)).build();
  }

  private static Measurement measure(Outage... outages) {
    return Measurer.of(HOURLY_99_5).measure(ON_CLUSTER_2, JUN_2024_UTC, OutageLog.of(List.of(outages)));
  }

  @Test
  void exactlyTheThresholdDownInAnHourDoesNotCount() {
    Measurement m = measure(down("INC-1", TEN.plusSeconds(600), EIGHTEEN_SECONDS));

    // 18 s of 3,600 s is 0.5 %: uptime 99.5 %, which meets the commitment.
    assertThat(m.downtime()).isZero();
    assertThat(m.counted().isEmpty()).isTrue();
    assertThat(m.exclusions()).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(ExclusionReason.BELOW_SLICE_THRESHOLD);
      assertThat(e.windows().totalLength()).isEqualTo(EIGHTEEN_SECONDS);
      assertThat(e.outageIds()).containsExactly("INC-1");
      assertThat(e.detail()).isEqualTo("only slices of PT1H down more than PT18S count");
    });
  }

  @Test
  void oneNanosecondMoreThanTheThresholdMakesTheHourCountWhole() {
    Measurement m = measure(down("INC-1", TEN.plusSeconds(600), EIGHTEEN_SECONDS.plusNanos(1)));

    assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T10:00", "2024-06-10T11:00")));
    assertThat(m.downtime()).isEqualTo(HOUR);
    assertThat(m.exclusions()).isEmpty();
    // The 59 min 41.999999999 s the slice added go to the outage behind it.
    assertThat(m.contributions()).singleElement().satisfies(c -> assertThat(c.attributed()).isEqualTo(HOUR));
  }

  @Test
  void severalShortOutagesInOneHourAddUp() {
    // 10 s + 5 s + 4 s = 19 s in 10:00-11:00: more than 18 s, although each alone is not.
    Measurement m = measure(
        down("INC-A", TEN.plusSeconds(60), Duration.ofSeconds(10)),
        down("INC-B", TEN.plusSeconds(1_200), Duration.ofSeconds(5)),
        down("INC-C", TEN.plusSeconds(3_000), Duration.ofSeconds(4)));

    assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T10:00", "2024-06-10T11:00")));
    assertThat(m.downtime()).isEqualTo(HOUR);
    // The slice's added time goes to the earliest outage: 3,600 - 5 - 4 = 3,591 s to INC-A.
    assertThat(m.contributions()).extracting(Contribution::attributed)
        .containsExactly(Duration.ofSeconds(3_591), Duration.ofSeconds(5), Duration.ofSeconds(4));
  }

  @Test
  void overlappingOutagesCountOnceInTheSum() {
    // 10:00:00-10:00:15 and 10:00:05-10:00:18 overlap: their union is 18 s, not 28 s.
    Measurement m = measure(
        down("INC-A", TEN, Duration.ofSeconds(15)),
        down("INC-B", TEN.plusSeconds(5), Duration.ofSeconds(13)));

    assertThat(m.downtime()).isZero();
    assertThat(m.exclusions()).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(ExclusionReason.BELOW_SLICE_THRESHOLD);
      assertThat(e.outageIds()).containsExactly("INC-A", "INC-B");
    });
  }

  @Test
  void anOutageAcrossTheHourIsJudgedHourByHour() {
    // 10:59:50-11:00:20: 10 s in the 10:00 hour (kept out), 20 s in the 11:00 hour (counts whole).
    Measurement m = measure(down("INC-1", utc("2024-06-10T10:59:50"), Duration.ofSeconds(30)));

    assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T11:00", "2024-06-10T12:00")));
    assertThat(m.downtime()).isEqualTo(HOUR);
    assertThat(m.exclusions()).singleElement().satisfies(e -> assertThat(e.windows())
        .isEqualTo(WindowSet.of(window("2024-06-10T10:59:50", "2024-06-10T11:00"))));
  }

  @Test
  void everyHourALongOutageCoversCountsAndItsRaggedEndsAreJudgedByTheirOwnTime() {
    // 10:00:10-13:00:15: the 10:00 hour has 3,590 s down, 11:00 and 12:00 are down throughout,
    // the 13:00 hour has 15 s (not more than 18 s): 10:00-13:00 counts, 13:00:00-13:00:15 not.
    Measurement m = measure(down("INC-1", utc("2024-06-10T10:00:10"), Duration.ofSeconds(3 * 3_600 + 5)));

    assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T10:00", "2024-06-10T13:00")));
    assertThat(m.downtime()).isEqualTo(Duration.ofHours(3));
    assertThat(m.exclusions()).singleElement().satisfies(e -> assertThat(e.windows())
        .isEqualTo(WindowSet.of(window("2024-06-10T13:00", "2024-06-10T13:00:15"))));
  }

  @Test
  void theBreakdownNamesTheThreshold() {
    Measurement m = Measurer.of(HOURLY_99_5).measure(ON_CLUSTER_2, JUN_2024_UTC,
        OutageLog.of(List.of(down("INC-1", TEN, Duration.ofSeconds(12)))));

    assertThat(m.breakdown()).singleElement().satisfies(b -> {
      assertThat(b.counted()).isZero();
      assertThat(b.excluded()).singleElement().satisfies(p -> {
        assertThat(p.reason()).isEqualTo(ExclusionReason.BELOW_SLICE_THRESHOLD);
        assertThat(p.windows().totalLength()).isEqualTo(Duration.ofSeconds(12));
        assertThat(p.detail()).isEqualTo("its slice of 1h was down no more than 18s");
      });
    });
  }

  @Test
  void aSliceCutByTheSubscriptionsStartCountsOnlyFromIt() {
    // Active from 10:30: 20 s down at 10:40 counts the hour 10:00-11:00, clipped to 10:30-11:00.
    Subscription fromHalfPast = subscription("sub-late", CLUSTER_2, utc("2024-06-10T10:30"), Instant.MAX);
    Measurement m = Measurer.of(HOURLY_99_5).measure(fromHalfPast, JUN_2024_UTC,
        OutageLog.of(List.of(down("INC-1", utc("2024-06-10T10:40"), Duration.ofSeconds(20)))));

    assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-10T10:30", "2024-06-10T11:00")));
  }

  @Test
  void theLastSliceCutByThePeriodsEndIsJudgedByItsOwnDowntimeAndCountsOnlyItsPart() {
    // 7-minute slices from 1 June 00:00: the last full one ends at 6,171 x 7 = 43,197 min (30 June
    // 23:57), and the cut one runs 23:57-24:00. 23:58:00-23:59:30 is 90 s down in it, more than 60 s.
    MeasurementRules sevenMinutes = MeasurementRules.builder()
        .granularity(Granularity.slicesDownMoreThan(Duration.ofMinutes(7), Duration.ofMinutes(1))).build();
    Measurement m = Measurer.of(sevenMinutes).measure(ON_CLUSTER_2, JUN_2024_UTC,
        OutageLog.of(List.of(down("INC-1", utc("2024-06-30T23:58"), Duration.ofSeconds(90)))));

    assertThat(m.counted()).isEqualTo(WindowSet.of(window("2024-06-30T23:57", "2024-07-01T00:00")));
    assertThat(m.downtime()).isEqualTo(Duration.ofMinutes(3));
  }

  /** The same, worked out slice by slice with set operations, for outages in the first days of June. */
  @Property(tries = 200)
  void countsExactlyTheHoursWhoseUnionOfDowntimeIsMoreThanTheThreshold(
      @ForAll("outages") List<Outage> outages, @ForAll("thresholds") Duration threshold) {
    MeasurementRules rules = MeasurementRules.builder()
        .granularity(Granularity.slicesDownMoreThan(HOUR, threshold)).build();
    Measurement m = Measurer.of(rules).measure(ON_CLUSTER_2, JUN_2024_UTC, OutageLog.of(outages));

    List<Interval> windows = new ArrayList<>();
    for (Outage o : outages) {
      windows.add(o.window());
    }
    WindowSet down = WindowSet.of(windows).intersection(WindowSet.of(JUN_2024_UTC.window()));
    List<Interval> expected = new ArrayList<>();
    for (int h = 0; h < 4 * 24; h++) {
      Interval hour = Interval.of(JUN_2024_UTC.start().plus(HOUR.multipliedBy(h)), HOUR);
      if (down.intersection(WindowSet.of(hour)).totalLength().compareTo(threshold) > 0) {
        expected.add(hour);
      }
    }
    assertThat(m.counted()).isEqualTo(WindowSet.of(expected));
    // What did not count is excluded, and no time is lost or made up.
    WindowSet excluded = WindowSet.empty();
    for (Exclusion e : m.exclusions()) {
      excluded = excluded.union(e.windows());
    }
    assertThat(excluded).isEqualTo(down.minus(m.counted()));
    Duration attributed = Duration.ZERO;
    for (Contribution c : m.contributions()) {
      attributed = attributed.plus(c.attributed());
    }
    assertThat(attributed).isEqualTo(m.downtime());
  }

  /** Between completed and started slices: never less than the one, never more than the other. */
  @Property(tries = 200)
  void countsAtLeastTheCompletedAndAtMostTheStartedSlices(
      @ForAll("outages") List<Outage> outages, @ForAll("thresholds") Duration threshold) {
    OutageLog log = OutageLog.of(outages);
    WindowSet completed = Measurer.of(MeasurementRules.builder().granularity(Granularity.completedSlices(HOUR)).build())
        .measure(ON_CLUSTER_2, JUN_2024_UTC, log).counted();
    WindowSet started = Measurer.of(MeasurementRules.builder().granularity(Granularity.startedSlices(HOUR)).build())
        .measure(ON_CLUSTER_2, JUN_2024_UTC, log).counted();
    WindowSet between = Measurer.of(MeasurementRules.builder()
            .granularity(Granularity.slicesDownMoreThan(HOUR, threshold)).build())
        .measure(ON_CLUSTER_2, JUN_2024_UTC, log).counted();

    assertThat(completed.minus(between).isEmpty()).isTrue();
    assertThat(between.minus(started).isEmpty()).isTrue();
  }

  @Provide
  Arbitrary<List<Outage>> outages() {
    // Starts in the last hour of May to the 3rd of June, in seconds; lengths up to 2 hours.
    Arbitrary<Long> start = Arbitraries.longs().between(-3_600, 3 * 86_400);
    Arbitrary<Long> length = Arbitraries.longs().between(1, 7_200);
    Arbitrary<Long> nanos = Arbitraries.longs().between(0, 999_999_999);
    Arbitrary<Interval> window = Combinators.combine(start, length, nanos).as((s, l, n) -> Interval.of(
        JUN_2024_UTC.start().plusSeconds(s).plusNanos(n), Duration.ofSeconds(l)));
    return window.list().ofMaxSize(12).map(list -> {
      List<Outage> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        out.add(Outage.builder().id("O-" + i).addScopes(CLUSTER_2).window(list.get(i)).build());
      }
      return out;
    });
  }

  @Provide
  Arbitrary<Duration> thresholds() {
    return Arbitraries.oneOf(
        Arbitraries.just(EIGHTEEN_SECONDS),
        Arbitraries.longs().between(0, 3_599).map(Duration::ofSeconds),
        Arbitraries.longs().between(1, 3_600L * 1_000_000_000 - 1).map(Duration::ofNanos));
  }
}
