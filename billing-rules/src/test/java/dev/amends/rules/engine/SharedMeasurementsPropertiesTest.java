package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Granularity;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
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

/**
 * A shared measurement is the one the subscription would get alone, whatever the placements
 * (nodes that see the same records share one), active windows and rules: outages on a small
 * tree {@code svc}, {@code svc/node-1..3}, {@code other}, at minute resolution around June 2024.
 */
class SharedMeasurementsPropertiesTest {
  private static final List<Scope> SCOPES = List.of(Scope.of("svc"), Scope.of("svc/node-1"), Scope.of("svc/node-2"),
      Scope.of("svc/node-3"), Scope.of("other"));
  private static final Instant JUNE = JUNE_2024_UTC.start();

  @Property(tries = 100)
  void aSharedMeasurementIsTheSubscriptionsOwn(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("measurers") Measurer measurer,
      @ForAll("subscriptionLists") List<Subscription> subs) {
    OutageLog log = OutageLog.of(outages);
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);

    for (Subscription sub : subs) {
      Measurement alone = measurer.measure(sub, JUNE_2024_UTC, log);

      Measurement sharedOne = shared.figures(measurer, sub, JUNE_2024_UTC, log,
          key -> measurer.measure(key, sub.id(), log)).withSubscriptionId(sub.id());

      assertThat(sharedOne).as(sub.toString()).isEqualTo(alone);
    }
  }

  @Provide
  Arbitrary<Measurer> measurers() {
    return Combinators.combine(
            Arbitraries.of(Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(30)),
            Arbitraries.of(Granularity.exact(), Granularity.startedSlices(Duration.ofMinutes(15))))
        .as((min, g) -> Measurer.of(MeasurementRules.builder().minimumDowntime(min).granularity(g).build()))
        .flatMap(m -> Arbitraries.of(m, m.withoutBreakdowns()));
  }

  @Provide
  Arbitrary<List<Outage>> outageLists() {
    Arbitrary<Long> start = Arbitraries.longs().between(-120, 30 * 1440 + 120);
    Arbitrary<Long> length = Arbitraries.longs().between(1, 600);
    Arbitrary<Scope> scope = Arbitraries.of(SCOPES);
    return Combinators.combine(start, length, scope).as((s, l, sc) -> new long[] {s, l, SCOPES.indexOf(sc)})
        .list().ofMaxSize(8)
        .map(specs -> {
          List<Outage> out = new ArrayList<>();
          for (int i = 0; i < specs.size(); i++) {
            long[] x = specs.get(i);
            Instant s = JUNE.plus(Duration.ofMinutes(x[0]));
            out.add(Outage.builder().id("OUT-" + i).addScopes(SCOPES.get((int) x[2]))
                .window(s, s.plus(Duration.ofMinutes(x[1]))).build());
          }
          return out;
        });
  }

  @Provide
  Arbitrary<List<Subscription>> subscriptionLists() {
    Arbitrary<List<Scope>> placements = Arbitraries.of(SCOPES.subList(1, 5)).list().ofMinSize(1).ofMaxSize(2).uniqueElements();
    // Mostly active long before June; sometimes from a minute near its start, or ending inside it.
    Arbitrary<Long> from = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(Long.MIN_VALUE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-40, 40)));
    Arbitrary<Long> until = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(Long.MAX_VALUE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(29 * 1440, 30 * 1440 + 40)));
    return Combinators.combine(placements, from, until).as((p, f, u) -> new Object[] {p, f, u})
        .list().ofMinSize(1).ofMaxSize(12)
        .map(specs -> {
          List<Subscription> out = new ArrayList<>();
          for (int i = 0; i < specs.size(); i++) {
            Object[] x = specs.get(i);
            @SuppressWarnings("unchecked")
            List<Scope> p = (List<Scope>) x[0];
            long f = (Long) x[1];
            long u = (Long) x[2];
            out.add(Subscription.builder().from(subscription("sub-" + i, USD_20_00)).placements(p)
                .active(f == Long.MIN_VALUE ? LONG_AGO : JUNE.plus(Duration.ofMinutes(f)),
                    u == Long.MAX_VALUE ? Instant.MAX : JUNE.plus(Duration.ofMinutes(u)))
                .build());
          }
          return out;
        });
  }
}
