package dev.amends.rules;

import dev.amends.rules.engine.SharedMeasurements;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

class SharedMeasurementsTest {
  static final Measurer FIVE_MINUTE_MINIMUM =
      Measurer.of(MeasurementRules.builder().minimumDowntime(Duration.ofMinutes(5)).build());
  static final OutageLog LOG = OutageLog.of(List.of(OUT_1, OUT_2));

  final SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);
  final AtomicInteger measured = new AtomicInteger();

  Measurement measure(Measurer m, Subscription sub) {
    return shared.figures(m, sub, JUNE_2024_UTC, LOG, key -> {
      measured.incrementAndGet();
      return m.measure(key, sub.id(), LOG);
    }).withSubscriptionId(sub.id());
  }

  static Subscription on(String id, Instant from, Scope... placements) {
    return Subscription.builder().from(subscription(id, USD_20_00)).placements(List.of(placements))
        .active(from, Instant.MAX).build();
  }

  @Test
  void measuresOnceForTheSamePlacementsAndWindowAndKeepsEachId() {
    Measurement a = measure(FIVE_MINUTE_MINIMUM, on("sub-a", LONG_AGO, NODE_1));
    Measurement b = measure(FIVE_MINUTE_MINIMUM, on("sub-b", LONG_AGO, NODE_1));

    assertThat(measured).hasValue(1);
    assertThat(a.subscriptionId()).isEqualTo("sub-a");
    assertThat(b.subscriptionId()).isEqualTo("sub-b");
    assertThat(b).isEqualTo(FIVE_MINUTE_MINIMUM.measure(on("sub-b", LONG_AGO, NODE_1), JUNE_2024_UTC, LOG));
    // OUT-1 3 h + OUT-2 1 h
    assertThat(b.downtime()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void placementsThatSeeTheSameRecordsShareOneMeasurement() {
    // svc/node-2 has no record of its own, so node-1 and node-1 with node-2 see OUT-1 and OUT-2.
    Measurement a = measure(FIVE_MINUTE_MINIMUM, on("sub-a", LONG_AGO, NODE_1));
    Measurement b = measure(FIVE_MINUTE_MINIMUM, on("sub-b", LONG_AGO, Scope.of("svc/node-2"), NODE_1));

    assertThat(measured).hasValue(1);
    assertThat(b.subscriptionId()).isEqualTo("sub-b");
    assertThat(b).isEqualTo(
        FIVE_MINUTE_MINIMUM.measure(on("sub-b", LONG_AGO, Scope.of("svc/node-2"), NODE_1), JUNE_2024_UTC, LOG));
    // OUT-1 3 h + OUT-2 1 h
    assertThat(b.downtime()).isEqualTo(Duration.ofHours(4));
    assertThat(a.downtime()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void measuresAgainForAnotherActiveWindowRecordsOrRules() {
    measure(FIVE_MINUTE_MINIMUM, on("sub-a", LONG_AGO, NODE_1));
    Measurement later = measure(FIVE_MINUTE_MINIMUM, on("sub-a", Instant.parse("2024-06-15T00:00:00Z"), NODE_1));
    measure(FIVE_MINUTE_MINIMUM, on("sub-a", LONG_AGO, Scope.of("svc/node-2")));
    measure(Measurer.of(MeasurementRules.builder().build()), on("sub-a", LONG_AGO, NODE_1));

    assertThat(measured).hasValue(4);
    // only OUT-2 (1 h, on 20 June) falls in the later window
    assertThat(later.downtime()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aStartJustAfterThePeriodsEdgeWindowIsMeasuredApart() {
    // Both are active for the whole of June, but only one was active in the 5 minutes before it,
    // which the minimum downtime looks at for a stretch running across the period's start.
    measure(FIVE_MINUTE_MINIMUM, on("sub-a", LONG_AGO, NODE_1));
    measure(FIVE_MINUTE_MINIMUM, on("sub-b", JUNE_2024_UTC.start(), NODE_1));

    assertThat(measured).hasValue(2);
  }

  @Test
  void sharingChangesNoDecisionOfAGeneratedFleet() {
    for (long seed : new long[] {1, 2, 3}) {
      CreditEngine engine = BatchFleet.engine(seed);
      List<DecisionRequest> requests = BatchFleet.requests(seed, 150);

      List<String> apart = BatchRunTest.all(engine.decideAll(requests.iterator(),
          BatchOptions.defaults().threads(1).shareMeasurements(false))).stream().map(BatchRunTest::summary).toList();
      List<String> sharedRun = BatchRunTest.all(engine.decideAll(requests.iterator(),
          BatchOptions.defaults().threads(2).shareMeasurements(true))).stream().map(BatchRunTest::summary).toList();

      assertThat(sharedRun).isEqualTo(apart);
    }
  }

  @Test
  void sharingChangesNoDecisionMeasuredFromTelemetry() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    List<TelemetrySample> samples = new java.util.ArrayList<>();
    for (int c = 0; c < 6; c++) { // clusters 6 to 11 have no telemetry at all
      Instant day = JUNE_2024_UTC.start().plus(Duration.ofDays(random.nextInt(25)));
      for (int minute = 0; minute < 600; minute++) {
        Instant start = day.plus(Duration.ofMinutes(minute));
        samples.add(TelemetrySample.ofCounts(BatchFleet.cluster(c), Interval.of(start, start.plus(Duration.ofMinutes(1))),
            random.nextInt(10) == 0 ? 800 : 1_000, 1_000));
      }
    }
    RuleNode tiers = Rules.availabilityTiers("tiers", Tier.range("99.0", "99.95", "10"), Tier.range("0", "99.0", "25"));
    Policy lenient = policyBuilder("lenient", tiers, HALF_UP)
        .measurementRules(TelemetryPolicyTest.ERROR_MINUTES).build();
    Policy strict = policyBuilder("strict", tiers, HALF_UP)
        .measurementRules(MeasurementRules.builder().source(Measurement.Source.TELEMETRY).build()).build();
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(lenient, strict))
        .telemetry(TelemetryLog.of(samples)).build();
    List<DecisionRequest> requests = BatchFleet.requests(5, 150);

    List<String> apart = BatchRunTest.all(engine.decideAll(requests.iterator(),
        BatchOptions.defaults().threads(1).shareMeasurements(false))).stream().map(BatchRunTest::summary).toList();
    List<String> sharedRun = BatchRunTest.all(engine.decideAll(requests.iterator(),
        BatchOptions.defaults().threads(2).shareMeasurements(true))).stream().map(BatchRunTest::summary).toList();

    assertThat(sharedRun).isEqualTo(apart);
    assertThat(apart).anyMatch(d -> d.contains("MISSING_TELEMETRY")).anyMatch(d -> d.contains("availability"));
  }

  @Test
  void looksUpTheRecordsOfASharedMeasurementOnce() {
    Measurement a = measure(FIVE_MINUTE_MINIMUM, on("sub-a", LONG_AGO, NODE_1));
    Measurement b = measure(FIVE_MINUTE_MINIMUM, on("sub-b", LONG_AGO, NODE_1));
    AtomicInteger lookUps = new AtomicInteger();
    java.util.function.Function<Measurement, List<dev.amends.core.outage.Outage>> lookUp = m -> {
      lookUps.incrementAndGet();
      return m.outageIds().stream().map(id -> LOG.byId(id).orElseThrow()).toList();
    };

    List<dev.amends.core.outage.Outage> ofA = shared.involved(a, lookUp);
    List<dev.amends.core.outage.Outage> ofB = shared.involved(b, lookUp);

    assertThat(lookUps).hasValue(1);
    assertThat(ofB).isSameAs(ofA).containsExactly(OUT_1, OUT_2);
  }

  @Test
  void startsAfreshPastItsCapacity() {
    SharedMeasurements small = new SharedMeasurements(1);
    Subscription a = on("sub-a", LONG_AGO, NODE_1);
    Subscription b = on("sub-b", LONG_AGO, Scope.of("svc/node-2"));
    AtomicInteger count = new AtomicInteger();

    for (Subscription s : List.of(a, b, a)) {
      small.figures(FIVE_MINUTE_MINIMUM, s, JUNE_2024_UTC, LOG, key -> {
        count.incrementAndGet();
        return FIVE_MINUTE_MINIMUM.measure(key, s.id(), LOG);
      });
    }

    assertThat(count).hasValue(3);
  }
}
