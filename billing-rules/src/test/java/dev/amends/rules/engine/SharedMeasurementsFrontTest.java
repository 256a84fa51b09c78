package dev.amends.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementKey;
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
import java.util.LinkedHashSet;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Which subscriptions {@link SharedMeasurements}' front level (an array per measurer and period)
 * serves: one placement, active throughout the period widened by the minimum downtime, measured
 * from records. One record, two hours on {@code svc/c-1} in June 2024 (UTC).
 */
class SharedMeasurementsFrontTest {
  private static final BillingPeriod JUNE = BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of("UTC"));
  private static final Instant T = Instant.parse("2024-06-10T08:00:00Z");
  private static final OutageLog LOG = OutageLog.of(List.of(Outage.builder().id("OUT-1")
      .addScopes(Scope.of("svc/c-1")).window(T, T.plus(Duration.ofHours(2))).build()));
  private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");
  private static final Measurer MEASURER = Measurer.of(MeasurementRules.defaults()).withoutBreakdowns();

  private static Subscription sub(String id, Instant from, Instant until, String... placements) {
    LinkedHashSet<Scope> scopes = new LinkedHashSet<>();
    for (String p : placements) {
      scopes.add(Scope.of(p));
    }
    return Subscription.builder().id(id).plan("plan").prices(PriceSchedule.monthly(Money.parse("USD 20.00")))
        .active(from, until).placements(scopes).build();
  }

  private static Measurement figures(SharedMeasurements shared, Measurer measurer, Subscription sub) {
    return shared.figures(measurer, sub, JUNE, LOG, key -> measurer.measure(key, sub.id(), LOG));
  }

  @Test
  void nodesWithoutRecordsOfTheirOwnShareTheirClustersMeasurementFromOneArray() {
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);

    Measurement first = figures(shared, MEASURER, sub("a", LONG_AGO, Instant.MAX, "svc/c-1/n-1"));
    Measurement second = figures(shared, MEASURER, sub("b", LONG_AGO, Instant.MAX, "svc/c-1/n-2"));

    assertThat(second).isSameAs(first);
    assertThat(first.downtime()).isEqualTo(Duration.ofHours(2));
    assertThat(shared.slabCount()).isEqualTo(1);
  }

  @Test
  void anotherBatchOfTheEngineMeasuresUnderTheKeyOfRecordsItKept() {
    ScopeSlots slots = new ScopeSlots(LOG); // the engine's, kept from batch to batch
    List<MeasurementKey> keys = new ArrayList<>();
    for (String node : List.of("svc/c-1/n-1", "svc/c-1/n-2")) { // one batch each, nodes of one number
      Subscription sub = sub("a", LONG_AGO, Instant.MAX, node);
      new SharedMeasurements(SharedMeasurements.CAPACITY).figures(MEASURER, sub, JUNE, slots, LOG, key -> {
        keys.add(key);
        return MEASURER.measure(key, sub.id(), LOG);
      });
    }

    assertThat(keys).hasSize(2);
    assertThat(keys.get(1)).isSameAs(keys.get(0));
    assertThat(keys.get(0).isOfRecords()).isTrue();
  }

  @Test
  void eachMeasurerAndPeriodHasItsOwnArray() {
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);
    Measurer other = Measurer.of(MeasurementRules.builder().minimumDowntime(Duration.ofMinutes(5)).build());
    Subscription sub = sub("a", LONG_AGO, Instant.MAX, "svc/c-1/n-1");

    Measurement plain = figures(shared, MEASURER, sub);
    Measurement withMinimum = figures(shared, other, sub);

    assertThat(shared.slabCount()).isEqualTo(2);
    assertThat(withMinimum).isNotSameAs(plain);
    assertThat(withMinimum.downtime()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aSubscriptionOnTwoPlacementsTakesTheKeys() {
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);

    Measurement m = figures(shared, MEASURER, sub("a", LONG_AGO, Instant.MAX, "svc/c-1/n-1", "svc/c-2/n-4"));

    assertThat(shared.slabCount()).isZero();
    assertThat(m.downtime()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aSubscriptionActiveForPartOfThePeriodGetsItsOwnMeasuredWindow() {
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);
    Measurement whole = figures(shared, MEASURER, sub("a", LONG_AGO, Instant.MAX, "svc/c-1/n-1"));

    // active from 09:00 on the 10th: one of the two hours falls in its active part
    Measurement part = figures(shared, MEASURER, sub("b", T.plus(Duration.ofHours(1)), Instant.MAX, "svc/c-1/n-1"));

    assertThat(part).isNotSameAs(whole);
    assertThat(part.downtime()).isEqualTo(Duration.ofHours(1));
    assertThat(whole.downtime()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aSubscriptionActiveUntilTheWidenedEndIsServedFromTheArray() {
    Measurer withMinimum = Measurer.of(MeasurementRules.builder().minimumDowntime(Duration.ofMinutes(5)).build());
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);
    Instant widenedStart = JUNE.start().minus(Duration.ofMinutes(5));
    Instant widenedEnd = JUNE.end().plus(Duration.ofMinutes(5));

    Measurement exactly = figures(shared, withMinimum, sub("a", widenedStart, widenedEnd, "svc/c-1/n-1"));
    Measurement longer = figures(shared, withMinimum, sub("b", LONG_AGO, Instant.MAX, "svc/c-1/n-2"));
    // a minute short of the widened end: its own clip, measured through the keys
    Measurement shorter = figures(shared, withMinimum, sub("c", widenedStart, widenedEnd.minusSeconds(60), "svc/c-1/n-3"));

    assertThat(longer).isSameAs(exactly);
    assertThat(shorter).isNotSameAs(exactly).isEqualTo(withMinimum.measure(
        sub("c", widenedStart, widenedEnd.minusSeconds(60), "svc/c-1/n-3"), JUNE, LOG));
  }

  /** Like {@link #figures}, counting the measurements made in {@code made}. */
  private static Measurement counted(SharedMeasurements shared, Subscription sub, List<MeasurementKey> made) {
    return shared.figures(MEASURER, sub, JUNE, LOG, key -> {
      made.add(key);
      return MEASURER.measure(key, sub.id(), LOG);
    });
  }

  @Test
  void aNumberMetAgainInTheBatchIsNotMeasuredAgain() {
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);
    List<MeasurementKey> made = new ArrayList<>();

    Measurement first = counted(shared, sub("a", LONG_AGO, Instant.MAX, "svc/c-1/n-1"), made);
    Measurement again = counted(shared, sub("b", LONG_AGO, Instant.MAX, "svc/c-1/n-1"), made);
    Measurement sibling = counted(shared, sub("c", LONG_AGO, Instant.MAX, "svc/c-1/n-2"), made);

    assertThat(made).hasSize(1);
    assertThat(again).isSameAs(first);
    assertThat(sibling).isSameAs(first);
  }

  @Test
  void partlyActiveSubscriptionsShareThroughTheKeysWithoutTheArray() {
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);
    List<MeasurementKey> made = new ArrayList<>();
    Instant nine = T.plus(Duration.ofHours(1)); // active from 09:00 on the 10th: one hour of the two counts

    Measurement first = counted(shared, sub("a", nine, Instant.MAX, "svc/c-1/n-1"), made);
    Measurement samePlacement = counted(shared, sub("b", nine, Instant.MAX, "svc/c-1/n-1"), made);
    Measurement sameRecords = counted(shared, sub("c", nine, Instant.MAX, "svc/c-1/n-2"), made);

    assertThat(made).hasSize(1); // the placements level, then the records level, answers the others
    assertThat(samePlacement).isSameAs(first);
    assertThat(sameRecords).isSameAs(first);
    assertThat(first.downtime()).isEqualTo(Duration.ofHours(1));
    assertThat(shared.slabCount()).isEqualTo(1); // made for the measurer and period, never filled
  }
}
