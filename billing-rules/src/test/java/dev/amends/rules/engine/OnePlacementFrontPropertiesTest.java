package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The front level of the shared measurements (one placement, found by identity) hands out the
 * measurement the subscription would get alone: subscriptions on interned scopes and on equal
 * scopes that are other objects, in equal periods that are other objects, under several measurers
 * sharing one cache, some active for part of the period, some on two placements.
 */
class OnePlacementFrontPropertiesTest {
  static final List<String> PATHS = List.of("svc", "svc/c-1", "svc/c-1/n-1", "svc/c-1/n-2", "svc/c-2/n-3", "other");
  static final List<Scope> INTERNED = PATHS.stream().map(Scope::of).toList();
  /** The same paths as other objects: {@link Scope#of} parsed again after its cache started afresh. */
  static final List<Scope> COPIES = copies();
  static final Instant JUNE = Instant.parse("2024-06-01T00:00:00Z");
  static final List<Measurer> MEASURERS = List.of(Measurer.of(MeasurementRules.defaults()),
      Measurer.of(MeasurementRules.defaults()).withoutBreakdowns(),
      Measurer.of(MeasurementRules.builder().minimumDowntime(Duration.ofMinutes(30)).build()).withoutBreakdowns());

  /** Fills {@link Scope#of}'s bounded cache until it starts afresh, then parses the paths again. */
  static List<Scope> copies() {
    Scope first = INTERNED.get(0);
    for (int i = 0; Scope.of(first.path()) == first; i++) {
      Scope.of("filler-" + i);
    }
    return PATHS.stream().map(Scope::of).toList();
  }

  @Test
  void theCopiesAreEqualScopesButOtherObjects() {
    for (int i = 0; i < PATHS.size(); i++) {
      assertThat(COPIES.get(i)).isEqualTo(INTERNED.get(i)).isNotSameAs(INTERNED.get(i));
    }
  }

  @Property(tries = 150)
  void theFrontHandsOutTheSubscriptionsOwnMeasurement(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("requests") List<Tuple.Tuple3<Subscription, BillingPeriod, Measurer>> requests) {
    OutageLog log = OutageLog.of(outages);
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);

    for (var r : requests) {
      Subscription sub = r.get1();
      BillingPeriod period = r.get2();
      Measurer measurer = r.get3();
      Measurement alone = measurer.measure(sub, period, log);

      Measurement sharedOne = shared.measure(measurer, sub, period, log, key -> measurer.measure(key, sub.id(), log));

      assertThat(sharedOne).as(sub + " in " + period).isEqualTo(alone);
    }
  }

  @Property(tries = 40)
  void aSmallFrontStartingAfreshChangesNoMeasurement(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("requests") List<Tuple.Tuple3<Subscription, BillingPeriod, Measurer>> requests) {
    OutageLog log = OutageLog.of(outages);
    SharedMeasurements shared = new SharedMeasurements(2);

    for (var r : requests) {
      Subscription sub = r.get1();
      Measurer measurer = r.get3();

      Measurement sharedOne = shared.measure(measurer, sub, r.get2(), log, key -> measurer.measure(key, sub.id(), log));

      assertThat(sharedOne).isEqualTo(measurer.measure(sub, r.get2(), log));
    }
  }

  @Provide
  Arbitrary<List<Outage>> outageLists() {
    Arbitrary<Long> start = Arbitraries.longs().between(-600, 30 * 1440 + 600);
    Arbitrary<Long> length = Arbitraries.longs().between(1, 600);
    Arbitrary<Integer> scope = Arbitraries.integers().between(0, PATHS.size() - 1);
    return Combinators.combine(start, length, scope).as((s, l, sc) -> new long[] {s, l, sc})
        .list().ofMaxSize(8)
        .map(specs -> {
          List<Outage> out = new ArrayList<>();
          for (int i = 0; i < specs.size(); i++) {
            long[] x = specs.get(i);
            Instant s = JUNE.plus(Duration.ofMinutes(x[0]));
            out.add(Outage.builder().id("OUT-" + i).addScopes(INTERNED.get((int) x[2]))
                .window(s, s.plus(Duration.ofMinutes(x[1]))).build());
          }
          return out;
        });
  }

  @Provide
  Arbitrary<List<Tuple.Tuple3<Subscription, BillingPeriod, Measurer>>> requests() {
    Arbitrary<Scope> scope = Arbitraries.integers().between(1, PATHS.size() - 1)
        .flatMap(i -> Arbitraries.of(INTERNED.get(i), COPIES.get(i)));
    Arbitrary<List<Scope>> placements = Arbitraries.frequencyOf(
        Tuple.of(5, scope.map(List::of)),
        Tuple.of(1, scope.list().ofSize(2).filter(l -> !l.get(0).equals(l.get(1)))));
    // Mostly active over all of June; sometimes from a minute near its start, or until one near its end.
    Arbitrary<Long> from = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(Long.MIN_VALUE)),
        Tuple.of(1, Arbitraries.longs().between(-60, 60)));
    Arbitrary<Long> until = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(Long.MAX_VALUE)),
        Tuple.of(1, Arbitraries.longs().between(30 * 1440 - 60, 30 * 1440 + 60)));
    // equal periods as other objects: each call makes a new one
    Arbitrary<BillingPeriod> period = Arbitraries.of("UTC", "Asia/Tokyo", "America/Los_Angeles")
        .map(zone -> BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of(zone)));
    Arbitrary<Measurer> measurer = Arbitraries.of(MEASURERS);
    return Combinators.combine(placements, from, until, period, measurer)
        .as((p, f, u, pe, m) -> new Object[] {p, f, u, pe, m})
        .list().ofMinSize(1).ofMaxSize(16)
        .map(specs -> {
          List<Tuple.Tuple3<Subscription, BillingPeriod, Measurer>> out = new ArrayList<>();
          for (int i = 0; i < specs.size(); i++) {
            Object[] x = specs.get(i);
            @SuppressWarnings("unchecked")
            List<Scope> p = (List<Scope>) x[0];
            long f = (Long) x[1];
            long u = (Long) x[2];
            Subscription sub = Subscription.builder().from(subscription("sub-" + i, USD_20_00)).placements(p)
                .active(f == Long.MIN_VALUE ? LONG_AGO : JUNE.plus(Duration.ofMinutes(f)),
                    u == Long.MAX_VALUE ? Instant.MAX : JUNE.plus(Duration.ofMinutes(u)))
                .build();
            out.add(Tuple.of(sub, (BillingPeriod) x[3], (Measurer) x[4]));
          }
          return out;
        });
  }
}
