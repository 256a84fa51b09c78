package dev.amends.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.Measurer;
import dev.amends.core.measure.TelemetryRules;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.core.time.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.threeten.extra.Interval;

/**
 * The front level of {@link SharedMeasurements} (an array per measurer and period, indexed by
 * the placement's number in {@link ScopeSlots}) gives every subscription the measurement it
 * would get alone, as the two levels of keys behind it do: in one batch, two measurers (the
 * benchmark fleet's, others with a minimum downtime that widens the clip, breakdowns or not, one
 * from telemetry), the three periods of {@link SharedMeasurementsNestedPropertiesTest}'s zones,
 * subscriptions on one to three placements of its nested scopes, many on the same ones, some
 * active for part of the period, in any order, and in a second batch of the same engine.
 */
class SharedMeasurementsArraysPropertiesTest {
  private final SharedMeasurementsNestedPropertiesTest nested = new SharedMeasurementsNestedPropertiesTest();

  // Not shrunk: shrinking these generators (the nested test's, over arrays of specs) ends in a
  // ClassCastException inside jqwik, which would hide the failure; it is shown as generated.
  @Property(tries = 150, shrinking = ShrinkingMode.OFF)
  void theFrontLevelGivesEverySubscriptionItsOwnMeasurement(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("measurers") Measurer first,
      @ForAll("measurers") Measurer second,
      @ForAll("subscriptionLists") List<Subscription> subs,
      @ForAll("periods") List<BillingPeriod> periods,
      @ForAll("telemetry") TelemetryLog telemetry) {
    OutageLog log = OutageLog.of(outages);
    ScopeSlots slots = new ScopeSlots(log);
    List<Measurer> measurers = List.of(first, second);

    SharedMeasurements shared = null;
    // the second round finds what the first kept; the third is another batch of the same engine,
    // which finds the numbers and keys of records the first two kept, and no measurement
    for (int round = 0; round < 3; round++) {
      if (round != 1) {
        shared = new SharedMeasurements(SharedMeasurements.CAPACITY);
      }
      for (int i = 0; i < subs.size(); i++) {
        Subscription sub = subs.get(round == 0 ? i : subs.size() - 1 - i);
        BillingPeriod period = periods.get(i % periods.size());
        Measurer measurer = measurers.get((i + round) % 2);
        boolean fromTelemetry = measurer.rules().source() == Measurement.Source.TELEMETRY;
        Measurement alone = fromTelemetry
            ? measurer.measureTelemetry(sub, period, telemetry, log)
            : measurer.measure(sub, period, log);

        Measurement sharedOne = shared.figures(measurer, sub, period, slots, log,
            key -> fromTelemetry ? measurer.measureTelemetry(key, sub.id(), telemetry, log)
                : measurer.measure(key, sub.id(), log)).withSubscriptionId(sub.id());

        assertThat(sharedOne).as(sub + " in " + period + " under " + measurer.rules()).isEqualTo(alone);
      }
    }
  }

  @Provide
  Arbitrary<List<Outage>> outageLists() {
    return nested.outageLists();
  }

  @Provide
  Arbitrary<List<Subscription>> subscriptionLists() {
    return nested.subscriptionLists();
  }

  @Provide
  Arbitrary<List<BillingPeriod>> periods() {
    return nested.periods();
  }

  @Provide
  Arbitrary<Measurer> measurers() {
    Measurer fromTelemetry = Measurer.of(MeasurementRules.builder()
        .source(Measurement.Source.TELEMETRY)
        .telemetry(TelemetryRules.builder().errorThreshold(Ratio.of(5, 100))
            .missingData(TelemetryRules.MissingData.GOOD).build())
        .minimumDowntime(Duration.ofMinutes(5))
        .build());
    return Arbitraries.oneOf(nested.measurers(), Arbitraries.of(
        fromTelemetry,
        Measurer.of(MeasurementRules.builder().minimumDowntime(Duration.ofMinutes(30)).build()).withoutBreakdowns(),
        SharedMeasurementsNestedPropertiesTest.fleetLike().withoutBreakdowns()));
  }

  /** Bad minutes (half the requests failing) on a few of the nested scopes, a day in June. */
  @Provide
  Arbitrary<TelemetryLog> telemetry() {
    return Arbitraries.of(SharedMeasurementsNestedPropertiesTest.SCOPES).list().ofMaxSize(3).uniqueElements()
        .map(scopes -> {
          List<TelemetrySample> samples = new ArrayList<>();
          for (int s = 0; s < scopes.size(); s++) {
            Scope scope = scopes.get(s);
            Instant day = SharedMeasurementsNestedPropertiesTest.JUNE.plus(Duration.ofDays(3 + 5 * s));
            for (int minute = 0; minute < 30; minute++) {
              Instant start = day.plus(Duration.ofMinutes(minute));
              samples.add(TelemetrySample.ofCounts(scope, Interval.of(start, start.plus(Duration.ofMinutes(1))),
                  minute % 3 == 0 ? 500 : 1_000, 1_000));
            }
          }
          return TelemetryLog.of(samples);
        });
  }
}
