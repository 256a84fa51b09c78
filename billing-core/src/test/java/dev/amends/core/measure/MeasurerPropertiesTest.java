package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Subscription;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.outage.OutageLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.threeten.extra.Interval;

/**
 * Laws of measurement that hold for any outage log, any subscription and any of a dozen rule
 * sets: splitting or repeating a record changes nothing, counted downtime fits in the
 * denominator, attributed shares sum to the whole, and more outages never mean more availability.
 *
 * <p>Outages are generated at minute resolution on {@code grid/cluster-2} (or its parent and
 * child) from a day before June 2024 (UTC) to a day after it.
 */
class MeasurerPropertiesTest {
  private static final Instant JUNE = JUN_2024_UTC.start();

  // ---- laws ----

  @Property(tries = 200)
  void splittingAnOutageIntoTwoAbuttingRecordsChangesNoMeasurement(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("anyRules") MeasurementRules rules,
      @ForAll("subscriptions") Subscription sub,
      @ForAll @IntRange(min = 0, max = 10_000) int pick,
      @ForAll @IntRange(min = 0, max = 10_000) int cut) {
    Assume.that(!outages.isEmpty());
    Outage whole = outages.get(pick % outages.size());
    long minutes = whole.window().toDuration().toMinutes();
    Assume.that(minutes >= 2);
    Instant at = whole.window().getStart().plus(Duration.ofMinutes(1 + cut % (minutes - 1)));
    List<Outage> split = new ArrayList<>(outages);
    split.remove(whole);
    split.add(Outage.builder().from(whole).id(whole.id() + "-a").window(Interval.of(whole.window().getStart(), at)).build());
    split.add(Outage.builder().from(whole).id(whole.id() + "-b").window(Interval.of(at, whole.window().getEnd())).build());

    assertSameMeasurement(measure(rules, sub, split), measure(rules, sub, outages));
  }

  @Property(tries = 200)
  void recordingAnOutageTwiceChangesNoMeasurement(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("anyRules") MeasurementRules rules,
      @ForAll("subscriptions") Subscription sub,
      @ForAll @IntRange(min = 0, max = 10_000) int pick) {
    Assume.that(!outages.isEmpty());
    Outage twice = outages.get(pick % outages.size());
    List<Outage> doubled = new ArrayList<>(outages);
    doubled.add(Outage.builder().from(twice).id(twice.id() + "-dup").build());

    assertSameMeasurement(measure(rules, sub, doubled), measure(rules, sub, outages));
  }

  @Property(tries = 200)
  void countedDowntimeNeverExceedsTheDenominator(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("anyRules") MeasurementRules rules,
      @ForAll("subscriptions") Subscription sub) {
    Measurement m = measure(rules, sub, outages);

    assertThat(m.downtime()).isLessThanOrEqualTo(m.denominator());
    assertThat(m.counted().totalLength()).isLessThanOrEqualTo(m.denominator());
    assertThat(m.availability()).isEqualTo(
        m.denominator().isZero() ? Ratio.ONE : Ratio.of(m.denominator().minus(m.downtime()), m.denominator()));
    m.measuredWindow().ifPresent(w -> {
      assertThat(m.counted().intersection(w)).isEqualTo(m.counted());
    });
  }

  @Property(tries = 200)
  void attributedSharesSumToTheCountedDowntime(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("anyRules") MeasurementRules rules,
      @ForAll("subscriptions") Subscription sub) {
    Measurement m = measure(rules, sub, outages);

    Duration sum = m.contributions().stream().map(Contribution::attributed).reduce(Duration.ZERO, Duration::plus);
    assertThat(sum).isEqualTo(m.counted().totalLength());
    for (Contribution c : m.contributions()) {
      assertThat(c.counted().isEmpty()).as("contribution of %s is empty", c.outageId()).isFalse();
      assertThat(c.counted().minus(m.counted()).isEmpty()).as("%s counts time not counted", c.outageId()).isTrue();
    }
    if (!rules.partialImpact().isWeighted()) {
      assertThat(m.downtime()).isEqualTo(m.counted().totalLength());
    }
  }

  @Property(tries = 200)
  void addingAnOutageNeverRaisesAvailability(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("outages") Outage extra,
      @ForAll("maintenanceRules") MeasurementRules rules,
      @ForAll("subscriptions") Subscription sub) {
    List<Outage> more = new ArrayList<>(outages);
    more.add(Outage.builder().from(extra).id("EXTRA").build());

    Measurement before = measure(rules, sub, outages);
    Measurement after = measure(rules, sub, more);

    assertThat(after.availability()).isLessThanOrEqualTo(before.availability());
    assertThat(after.downtime()).isGreaterThanOrEqualTo(before.downtime());
  }

  @Property(tries = 200)
  void eachOutagesCountedAndExcludedTimeAddUpToItsTimeInTheWindow(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("anyRules") MeasurementRules rules,
      @ForAll("subscriptions") Subscription sub) {
    Measurement m = measure(rules, sub, outages);

    assertThat(m.breakdown()).extracting(OutageBreakdown::outageId).containsExactlyElementsOf(m.outageIds());
    for (OutageBreakdown b : m.breakdown()) {
      Outage o = outages.stream().filter(x -> x.id().equals(b.outageId())).findFirst().orElseThrow();
      Duration inWindow = dev.amends.core.time.WindowSet.of(o.window())
          .intersection(m.measuredWindow().orElseThrow()).totalLength();
      assertThat(b.inWindow()).as("%s in window", b.outageId()).isEqualTo(inWindow);
      assertThat(b.counted().plus(b.excludedTotal())).as("%s counted + excluded", b.outageId()).isEqualTo(inWindow);
      dev.amends.core.time.WindowSet parts = dev.amends.core.time.WindowSet.empty();
      for (OutageBreakdown.Part p : b.excluded()) {
        assertThat(parts.intersection(p.windows()).isEmpty()).as("%s excluded twice", b.outageId()).isTrue();
        parts = parts.union(p.windows());
      }
    }
  }

  @Property(tries = 300)
  void aMeasurerWithoutBreakdownsGivesTheSameMeasurementWithAnEmptyBreakdown(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("anyRules") MeasurementRules rules,
      @ForAll("subscriptions") Subscription sub) {
    Measurement full = measure(rules, sub, outages);

    Measurement bare = Measurer.of(rules).withoutBreakdowns().measure(sub, JUN_2024_UTC, OutageLog.of(outages));

    assertThat(bare.breakdown()).isEmpty();
    // Every other attribute (counted windows, exclusions with their details, contributions,
    // notes, outage ids, figures) equal, by the generated equals.
    assertThat(bare).isEqualTo(Measurement.builder().from(full).breakdown(List.of()).build());
  }

  private static Measurement measure(MeasurementRules rules, Subscription sub, List<Outage> outages) {
    return Measurer.of(rules).measure(sub, JUN_2024_UTC, OutageLog.of(outages));
  }

  private static void assertSameMeasurement(Measurement actual, Measurement expected) {
    assertThat(actual.downtime()).isEqualTo(expected.downtime());
    assertThat(actual.denominator()).isEqualTo(expected.denominator());
    assertThat(actual.availability()).isEqualTo(expected.availability());
    assertThat(actual.counted()).isEqualTo(expected.counted());
  }

  // ---- generators ----

  @Provide
  Arbitrary<MeasurementRules> maintenanceRules() {
    return Arbitraries.of(
        MeasurementRules.defaults(),
        MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).build(),
        MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).maintenanceBudget(Duration.ofHours(5)).build(),
        MeasurementRules.builder()
            .maintenanceNotice(Duration.ofHours(24))
            .maintenanceBudget(Duration.ofHours(5))
            .denominator(Denominator.ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE)
            .build());
  }

  @Provide
  Arbitrary<MeasurementRules> anyRules() {
    return Arbitraries.of(
        MeasurementRules.defaults(),
        MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).build(),
        MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).maintenanceBudget(Duration.ofHours(5)).build(),
        MeasurementRules.builder().minimumDowntime(Duration.ofMinutes(5)).build(),
        MeasurementRules.builder().granularity(Granularity.startedSlices(Duration.ofMinutes(5))).build(),
        MeasurementRules.builder().granularity(Granularity.completedSlices(Duration.ofMinutes(5))).build(),
        MeasurementRules.builder()
            .granularity(Granularity.slicesDownMoreThan(Duration.ofMinutes(5), Duration.ofMinutes(2))).build(),
        MeasurementRules.builder().partialImpact(PartialImpact.weighted()).degradedCounts(true).build(),
        MeasurementRules.builder().partialImpact(PartialImpact.atLeast(Ratio.of(1, 2))).build(),
        MeasurementRules.builder().countFrom(CountFrom.CUSTOMER_REPORT).build(),
        MeasurementRules.builder().addExcludedCauses(Cause.CUSTOMER).degradedCounts(true).build(),
        MeasurementRules.builder().denominator(Denominator.WHOLE_PERIOD).build(),
        MeasurementRules.builder()
            .maintenanceNotice(Duration.ofHours(24))
            .maintenanceBudget(Duration.ofHours(5))
            .minimumDowntime(Duration.ofMinutes(5))
            .granularity(Granularity.startedSlices(Duration.ofMinutes(7)))
            .denominator(Denominator.ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE)
            .build());
  }

  @Provide
  Arbitrary<Subscription> subscriptions() {
    Arbitrary<Long> from = Arbitraries.longs().between(-2 * 1440, 30 * 1440);
    Arbitrary<Long> length = Arbitraries.longs().between(1, 40 * 1440);
    Arbitrary<Subscription> bounded = Combinators.combine(from, length).as((f, l) -> subscription(
        "sub-gen", CLUSTER_2, JUNE.plus(Duration.ofMinutes(f)), JUNE.plus(Duration.ofMinutes(f + l))));
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(ON_CLUSTER_2)),
        Tuple.of(2, bounded));
  }

  @Provide
  Arbitrary<List<Outage>> outageLists() {
    return outages().list().ofMaxSize(8).map(NumberedOutages::numbered);
  }

  @Provide
  Arbitrary<Outage> outages() {
    Arbitrary<Long> start = Arbitraries.longs().between(-1440, 31 * 1440);
    Arbitrary<Long> length = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.longs().between(0, 15)),
        Tuple.of(5, Arbitraries.longs().between(15, 400)),
        Tuple.of(1, Arbitraries.longs().between(400, 3 * 1440)));
    Arbitrary<OutageKind> kind = Arbitraries.frequency(
        Tuple.of(5, OutageKind.UNPLANNED),
        Tuple.of(4, OutageKind.MAINTENANCE),
        Tuple.of(1, OutageKind.EMERGENCY_MAINTENANCE));
    // Announcement: promised window offset and length from the outage's start; notice in hours (-1 = none).
    Arbitrary<Long> promisedOffset = Arbitraries.longs().between(-120, 120);
    Arbitrary<Long> promisedLength = Arbitraries.longs().between(1, 360);
    Arbitrary<Integer> noticeHours = Arbitraries.integers().between(-1, 48);
    Arbitrary<Impact> impact = Arbitraries.of(
        Impact.full(), Impact.degraded(), Impact.full().withAffectedShare(Ratio.of(1, 4)),
        Impact.full().withAffectedShare(Ratio.of(1, 2)), Impact.full().withAffectedUsers(37, 120));
    Arbitrary<Cause> cause = Arbitraries.frequency(
        Tuple.of(4, Cause.PROVIDER), Tuple.of(1, Cause.CUSTOMER));
    Arbitrary<Long> reportedAfter = Arbitraries.longs().between(-1, 600); // -1 = never reported
    Arbitrary<Integer> scope = Arbitraries.integers().between(0, 5);

    return Combinators.combine(start, length, kind, promisedOffset, promisedLength, noticeHours, impact, cause)
        .as((s, l, k, po, pl, nh, im, c) -> {
          Instant begin = JUNE.plus(Duration.ofMinutes(s));
          Outage.Builder b = Outage.builder().id("O").addScopes(CLUSTER_2)
              .window(begin, begin.plus(Duration.ofMinutes(l)))
              .kind(k).impact(im).cause(c);
          if (k == OutageKind.MAINTENANCE && nh >= 0) {
            Instant promisedStart = begin.plus(Duration.ofMinutes(po));
            b.announcement(Announcement.of(promisedStart.minus(Duration.ofHours(nh)),
                Interval.of(promisedStart, promisedStart.plus(Duration.ofMinutes(pl)))));
          }
          return b.build();
        })
        .flatMap(o -> Combinators.combine(reportedAfter, scope).as((r, sc) -> {
          Outage.Builder b = Outage.builder().from(o);
          if (r >= 0) {
            b.reportedAt(o.window().getStart().plus(Duration.ofMinutes(r)));
          }
          // Mostly the placement's own scope; sometimes its parent or a child of it.
          if (sc == 4) {
            b.scopes(List.of(GRID));
          } else if (sc == 5) {
            b.scopes(List.of(NODE_7));
          }
          return b.build();
        }));
  }
}
