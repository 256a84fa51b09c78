package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.account.Subscription;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A measurement is a function of its key: equal keys give equal measurements (but for the
 * subscription's id), and every input the measurement reads is part of the key.
 */
class MeasurementKeyTest {
  private static final Instant JUNE = JUN_2024_UTC.start();
  private static final Measurer FIVE_MINUTE_MINIMUM =
      Measurer.of(MeasurementRules.builder().minimumDowntime(Duration.ofMinutes(5)).build());
  private static final Outage ON_NODE_7 = Outage.builder().id("O-1").addScopes(NODE_7)
      .window(JUNE.plus(Duration.ofDays(3)), JUNE.plus(Duration.ofDays(3)).plus(Duration.ofHours(2))).build();
  private static final OutageLog LOG = OutageLog.of(List.of(ON_NODE_7));

  // ---- laws ----

  @Property(tries = 300)
  void subscriptionsWithEqualKeysHaveEqualMeasurements(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("measurers") Measurer measurer,
      @ForAll("subscriptions") Subscription a,
      @ForAll("subscriptions") Subscription b) {
    OutageLog log = OutageLog.of(outages);
    Measurement ofA = measurer.measure(a, JUN_2024_UTC, log);
    Measurement ofB = measurer.measure(b, JUN_2024_UTC, log).withSubscriptionId(a.id());
    MeasurementKey placements = measurer.keyOf(a, JUN_2024_UTC);
    MeasurementKey records = measurer.recordsKeyOf(placements, log);

    if (placements.equals(measurer.keyOf(b, JUN_2024_UTC))) {
      assertThat(ofB).isEqualTo(ofA);
    }
    if (records.equals(measurer.recordsKeyOf(measurer.keyOf(b, JUN_2024_UTC), log))) {
      assertThat(ofB).isEqualTo(ofA);
    }
    // Contrapositive, said the other way round: a different measurement has a different key.
    if (!ofB.equals(ofA)) {
      assertThat(measurer.keyOf(b, JUN_2024_UTC)).isNotEqualTo(placements);
    }
  }

  @Property(tries = 200)
  void aMeasurementFromEitherKeyIsTheSubscriptionsOwn(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("measurers") Measurer measurer,
      @ForAll("subscriptions") Subscription sub) {
    OutageLog log = OutageLog.of(outages);
    Measurement own = measurer.measure(sub, JUN_2024_UTC, log);
    MeasurementKey placements = measurer.keyOf(sub, JUN_2024_UTC);

    assertThat(measurer.measure(placements, sub.id(), log)).isEqualTo(own);
    assertThat(measurer.measure(measurer.recordsKeyOf(placements, log), sub.id(), log)).isEqualTo(own);
  }

  // ---- each input the measurement reads changes the key ----

  @Test
  void anotherPlacementMeasurerPeriodOrActiveStartNearThePeriodChangesTheKey() {
    MeasurementKey key = FIVE_MINUTE_MINIMUM.keyOf(on("sub-a", SINCE_2020, NODE_7), JUN_2024_UTC);

    assertThat(FIVE_MINUTE_MINIMUM.keyOf(on("sub-a", SINCE_2020, CLUSTER_2), JUN_2024_UTC)).isNotEqualTo(key);
    assertThat(FIVE_MINUTE_MINIMUM.keyOf(on("sub-a", SINCE_2020, NODE_7), FEB_2024_UTC)).isNotEqualTo(key);
    assertThat(FIVE_MINUTE_MINIMUM.withoutBreakdowns().keyOf(on("sub-a", SINCE_2020, NODE_7), JUN_2024_UTC))
        .isNotEqualTo(key);
    assertThat(Measurer.of(MeasurementRules.builder().minimumDowntime(Duration.ofMinutes(5)).build())
        .keyOf(on("sub-a", SINCE_2020, NODE_7), JUN_2024_UTC)).isNotEqualTo(key);
    // Active from the period's start: the 5 minutes before it, which the minimum looks at, are not.
    assertThat(FIVE_MINUTE_MINIMUM.keyOf(on("sub-a", JUNE, NODE_7), JUN_2024_UTC)).isNotEqualTo(key);
    // Active from 2 minutes before it: part of the 5 minutes.
    assertThat(FIVE_MINUTE_MINIMUM.keyOf(on("sub-a", JUNE.minus(Duration.ofMinutes(2)), NODE_7), JUN_2024_UTC))
        .isNotEqualTo(key);
  }

  @Test
  void placementsInAnotherOrderAreAnotherKey() {
    // Telemetry judges placements in their order, so the key keeps it.
    Subscription twoWays = Subscription.builder().from(on("sub-a", SINCE_2020, NODE_7))
        .placements(List.of(NODE_7, CLUSTER_1)).build();
    Subscription otherWay = Subscription.builder().from(twoWays).placements(List.of(CLUSTER_1, NODE_7)).build();

    assertThat(FIVE_MINUTE_MINIMUM.keyOf(otherWay, JUN_2024_UTC))
        .isNotEqualTo(FIVE_MINUTE_MINIMUM.keyOf(twoWays, JUN_2024_UTC));
  }

  @Test
  void whatTheMeasurementDoesNotReadLeavesTheKeyEqual() {
    // Another id, and an active start long before the period and its 5-minute edge.
    MeasurementKey key = FIVE_MINUTE_MINIMUM.keyOf(on("sub-a", SINCE_2020, NODE_7), JUN_2024_UTC);
    MeasurementKey other = FIVE_MINUTE_MINIMUM.keyOf(on("sub-b", JAN_2024_UTC.start(), NODE_7), JUN_2024_UTC);

    assertThat(other).isEqualTo(key).hasSameHashCodeAs(key);
  }

  @Test
  void placementsThatSeeTheSameRecordsHaveOneRecordsKey() {
    // NODE_7 has O-1; CLUSTER_1 and API none, so API and CLUSTER_1 see the same (no) records.
    MeasurementKey onApi = FIVE_MINUTE_MINIMUM.recordsKeyOf(
        FIVE_MINUTE_MINIMUM.keyOf(on("sub-a", SINCE_2020, API), JUN_2024_UTC), LOG);
    MeasurementKey onCluster1 = FIVE_MINUTE_MINIMUM.recordsKeyOf(
        FIVE_MINUTE_MINIMUM.keyOf(on("sub-b", SINCE_2020, CLUSTER_1), JUN_2024_UTC), LOG);
    MeasurementKey onNode7 = FIVE_MINUTE_MINIMUM.recordsKeyOf(
        FIVE_MINUTE_MINIMUM.keyOf(on("sub-c", SINCE_2020, NODE_7), JUN_2024_UTC), LOG);

    assertThat(onCluster1).isEqualTo(onApi);
    assertThat(onCluster1.isOfRecords()).isTrue();
    assertThat(onNode7).isNotEqualTo(onApi);
  }

  @Test
  void refusesAnotherMeasurersKey() {
    MeasurementKey key = FIVE_MINUTE_MINIMUM.keyOf(on("sub-a", SINCE_2020, NODE_7), JUN_2024_UTC);
    Measurer other = Measurer.of(MeasurementRules.defaults());

    assertThatThrownBy(() -> other.measure(key, "sub-a", LOG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another measurer's");
  }

  @Test
  void aMeasurementForAnotherSubscriptionKeepsEveryFigure() {
    Measurement m = FIVE_MINUTE_MINIMUM.measure(on("sub-a", SINCE_2020, NODE_7), JUN_2024_UTC, LOG);

    Measurement forB = m.withSubscriptionId("sub-b");

    assertThat(forB.subscriptionId()).isEqualTo("sub-b");
    assertThat(forB.downtime()).isEqualTo(Duration.ofHours(2));
    assertThat(forB.withSubscriptionId("sub-a")).isEqualTo(m);
  }

  private static Subscription on(String id, Instant from, Scope placement) {
    return subscription(id, placement, from, Instant.MAX);
  }

  // ---- generators ----

  @Provide
  Arbitrary<List<Outage>> outageLists() {
    return new MeasurerPropertiesTest().outageLists();
  }

  @Provide
  Arbitrary<Measurer> measurers() {
    return new MeasurerPropertiesTest().anyRules().map(Measurer::of).flatMap(m -> Arbitraries.of(m, m.withoutBreakdowns()));
  }

  /** Few distinct placements and active windows, so that equal keys come up often. */
  @Provide
  Arbitrary<Subscription> subscriptions() {
    Arbitrary<Scope> placement = Arbitraries.of(GRID, CLUSTER_1, CLUSTER_2, NODE_7);
    Arbitrary<Instant> from = Arbitraries.of(SINCE_2020, JUNE.minus(Duration.ofMinutes(3)), JUNE,
        JUNE.plus(Duration.ofDays(10)));
    Arbitrary<Instant> until = Arbitraries.of(Instant.MAX, JUNE.plus(Duration.ofDays(20)),
        JUN_2024_UTC.end().plus(Duration.ofMinutes(2)));
    Arbitrary<String> id = Arbitraries.of("sub-a", "sub-b");
    return Combinators.combine(id, placement, from, until).as(MeasurementKeyTest::subscriptionOf);
  }

  private static Subscription subscriptionOf(String id, Scope placement, Instant from, Instant until) {
    return subscription(id, placement, from, until);
  }
}
