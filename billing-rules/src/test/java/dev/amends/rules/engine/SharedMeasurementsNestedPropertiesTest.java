package dev.amends.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.joda.money.Money;
import org.threeten.extra.Interval;

/**
 * A shared measurement is the one the subscription would get alone, under the benchmark fleet's
 * rules (whose measurers without breakdowns take the short path, {@code
 * MeasureSimplyPropertiesTest}) and others: random records on a tree of nested scopes
 * ({@code svc}, {@code svc/c-1}, {@code svc/c-1/n-1}, ...), overlapping, crossing the edges of
 * periods in three zones, of every kind, cause and impact, announced maintenance with short and
 * long notice; subscriptions on one to three placements, many on the same ones, some active for
 * part of the period; the fleet's rules and others.
 */
class SharedMeasurementsNestedPropertiesTest {
  static final List<Scope> SCOPES = List.of(Scope.of("svc"), Scope.of("svc/c-1"), Scope.of("svc/c-2"),
      Scope.of("svc/c-1/n-1"), Scope.of("svc/c-1/n-2"), Scope.of("svc/c-1/n-3"), Scope.of("svc/c-2/n-4"),
      Scope.of("svc/c-2/n-5"), Scope.of("other/n-6"));
  static final List<BillingPeriod> PERIODS = List.of(BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of("UTC")),
      BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of("Asia/Tokyo")),
      BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of("America/Los_Angeles")));
  static final Instant JUNE = Instant.parse("2024-06-01T00:00:00Z");

  @Property(tries = 150)
  void aSharedMeasurementIsTheSubscriptionsOwn(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("measurers") Measurer measurer,
      @ForAll("subscriptionLists") List<Subscription> subs,
      @ForAll("periods") List<BillingPeriod> periods) {
    OutageLog log = OutageLog.of(outages);
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);

    for (int i = 0; i < subs.size(); i++) {
      Subscription sub = subs.get(i);
      BillingPeriod period = periods.get(i % periods.size());
      Measurement alone = measurer.measure(sub, period, log);

      Measurement sharedOne = shared.figures(measurer, sub, period, log,
          key -> measurer.measure(key, sub.id(), log)).withSubscriptionId(sub.id());

      assertThat(sharedOne).as(sub + " in " + period).isEqualTo(alone);
    }
  }

  @Property(tries = 30)
  void aSmallCacheStartingAfreshChangesNoMeasurement(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("subscriptionLists") List<Subscription> subs) {
    Measurer measurer = fleetLike().withoutBreakdowns();
    OutageLog log = OutageLog.of(outages);
    SharedMeasurements shared = new SharedMeasurements(3);

    for (Subscription sub : subs) {
      for (BillingPeriod period : PERIODS) {
        Measurement sharedOne = shared.figures(measurer, sub, period, log,
            key -> measurer.measure(key, sub.id(), log)).withSubscriptionId(sub.id());

        assertThat(sharedOne).isEqualTo(measurer.measure(sub, period, log));
      }
    }
  }

  /** The benchmark fleet's rules: 24 h notice, customer and force majeure excluded, degraded not counted. */
  static Measurer fleetLike() {
    return Measurer.of(MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24))
        .addExcludedCauses(Cause.CUSTOMER, Cause.FORCE_MAJEURE).degradedCounts(false).build());
  }

  @Provide
  Arbitrary<Measurer> measurers() {
    return Arbitraries.of(
            fleetLike(),
            Measurer.of(MeasurementRules.defaults()),
            Measurer.of(MeasurementRules.builder().minimumDowntime(Duration.ofMinutes(5)).build()),
            Measurer.of(MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24))
                .maintenanceBudget(Duration.ofHours(2)).degradedCounts(true).build()))
        .flatMap(m -> Arbitraries.of(m, m.withoutBreakdowns()));
  }

  @Provide
  Arbitrary<List<BillingPeriod>> periods() {
    return Arbitraries.of(PERIODS).list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<Subscription>> subscriptionLists() {
    Arbitrary<List<Scope>> placements = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(SCOPES).map(List::of)),
        Tuple.of(1, Arbitraries.of(SCOPES).list().ofMinSize(2).ofMaxSize(3).uniqueElements()));
    Arbitrary<Long> from = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(Long.MIN_VALUE)),
        Tuple.of(1, Arbitraries.longs().between(-20 * 60, 40 * 60)));
    Arbitrary<Long> until = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(Long.MAX_VALUE)),
        Tuple.of(1, Arbitraries.longs().between(29 * 1440, 31 * 1440)));
    return Combinators.combine(placements, from, until).as((p, f, u) -> new Object[] {p, f, u})
        .list().ofMinSize(1).ofMaxSize(16)
        .map(specs -> {
          List<Subscription> out = new ArrayList<>();
          for (int i = 0; i < specs.size(); i++) {
            Object[] x = specs.get(i);
            @SuppressWarnings("unchecked")
            List<Scope> p = (List<Scope>) x[0];
            long f = (Long) x[1];
            long u = (Long) x[2];
            out.add(Subscription.builder().id("sub-" + i).plan("plan")
                .prices(PriceSchedule.monthly(Money.parse("USD 20.00")))
                .active(Interval.of(f == Long.MIN_VALUE ? Instant.parse("2000-01-01T00:00:00Z")
                    : JUNE.plus(Duration.ofMinutes(f)), u == Long.MAX_VALUE ? Instant.MAX : JUNE.plus(Duration.ofMinutes(u))))
                .placements(new LinkedHashSet<>(p)).build());
          }
          return out;
        });
  }

  @Provide
  Arbitrary<List<Outage>> outageLists() {
    Arbitrary<Long> start = Arbitraries.longs().between(-1440, 31 * 1440);
    Arbitrary<Long> length = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.longs().between(0, 15)),
        Tuple.of(5, Arbitraries.longs().between(15, 400)),
        Tuple.of(1, Arbitraries.longs().between(400, 3 * 1440)));
    Arbitrary<OutageKind> kind = Arbitraries.frequency(
        Tuple.of(5, OutageKind.UNPLANNED), Tuple.of(4, OutageKind.MAINTENANCE),
        Tuple.of(1, OutageKind.EMERGENCY_MAINTENANCE));
    Arbitrary<Long> promisedOffset = Arbitraries.longs().between(-120, 120);
    Arbitrary<Integer> noticeHours = Arbitraries.integers().between(-1, 48);
    Arbitrary<Impact> impact = Arbitraries.of(Impact.full(), Impact.degraded());
    Arbitrary<Cause> cause = Arbitraries.frequency(
        Tuple.of(6, Cause.PROVIDER), Tuple.of(1, Cause.CUSTOMER), Tuple.of(1, Cause.FORCE_MAJEURE));
    Arbitrary<Integer> scope = Arbitraries.integers().between(0, SCOPES.size() - 1);
    return Combinators.combine(start, length, kind, promisedOffset, noticeHours, impact, cause, scope)
        .as((s, l, k, po, nh, im, c, sc) -> new Object[] {s, l, k, po, nh, im, c, sc})
        .list().ofMaxSize(12)
        .map(specs -> {
          List<Outage> out = new ArrayList<>();
          for (int i = 0; i < specs.size(); i++) {
            Object[] x = specs.get(i);
            Instant begin = JUNE.plus(Duration.ofMinutes((Long) x[0]));
            OutageKind k = (OutageKind) x[2];
            Outage.Builder b = Outage.builder().id("OUT-" + i).addScopes(SCOPES.get((Integer) x[7]))
                .window(begin, begin.plus(Duration.ofMinutes((Long) x[1])))
                .kind(k).impact((Impact) x[5]).cause((Cause) x[6]);
            int nh = (Integer) x[4];
            if (k == OutageKind.MAINTENANCE && nh >= 0) {
              Instant promisedStart = begin.plus(Duration.ofMinutes((Long) x[3]));
              b.announcement(Announcement.of(promisedStart.minus(Duration.ofHours(nh)),
                  Interval.of(promisedStart, promisedStart.plus(Duration.ofMinutes(90)))));
            }
            out.add(b.build());
          }
          return out;
        });
  }
}
