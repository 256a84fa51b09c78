package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Subscription;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.core.time.WindowSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.threeten.extra.Interval;

/**
 * Telemetry measurement agrees with a plain reference: gather every placement's samples from its
 * nearest measured scope into one list, skipping a sample already in it (the slow path the
 * measurer used to take through a hash set), then count the bad minutes or average the error
 * rates by length. Placements often share a measured scope here, so a sample counted twice would
 * show.
 */
class TelemetryReferenceTest {
  private static final Instant FROM = utc("2024-06-10T00:00");
  private static final int SLOTS = 120; // two hours of one-minute slots
  private static final List<Scope> MEASURABLE = List.of(GRID, CLUSTER_2, NODE_7, API);
  private static final List<Scope> PLACEABLE = List.of(CLUSTER_1, CLUSTER_2, NODE_7, API, Scope.of("other"));
  private static final List<Ratio> RATES = List.of(Ratio.ZERO, Ratio.ZERO, Ratio.of(1, 100), Ratio.of(1, 10),
      Ratio.of(1, 3), Ratio.ONE);

  /** Per measurable scope, per slot: -1 for no sample, else an index into {@link #RATES}. */
  record Input(int[][] slots, List<Scope> placements) {}

  @Property(tries = 200)
  void telemetryMeasurementAgreesWithAReference(
      @ForAll("inputs") Input in, @ForAll TelemetryRules.Method method) {
    List<TelemetrySample> all = new ArrayList<>();
    for (int s = 0; s < MEASURABLE.size(); s++) {
      for (int k = 0; k < SLOTS; k++) {
        if (in.slots()[s][k] >= 0) {
          all.add(TelemetrySample.ofErrorRate(MEASURABLE.get(s), slot(k), RATES.get(in.slots()[s][k])));
        }
      }
    }
    Subscription sub = Subscription.builder().from(subscription("sub", API, FROM, FROM.plus(Duration.ofMinutes(SLOTS))))
        .placements(in.placements()).build();
    MeasurementRules rules = MeasurementRules.builder()
        .source(Measurement.Source.TELEMETRY)
        .telemetry(TelemetryRules.builder().method(method).missingData(TelemetryRules.MissingData.GOOD).build())
        .build();

    Measurement m = Measurer.of(rules).measureTelemetry(sub, JUN_2024_UTC, TelemetryLog.of(all), OutageLog.empty());

    // The reference: each placement's nearest scope with samples; its samples, each once.
    List<TelemetrySample> judged = new ArrayList<>();
    List<Interval> missing = new ArrayList<>();
    for (Scope p : in.placements()) {
      Optional<Scope> scope = p.selfAndAncestors().stream()
          .filter(a -> all.stream().anyMatch(x -> x.scope().equals(a))).findFirst();
      for (int k = 0; k < SLOTS; k++) {
        int slot = k;
        Optional<TelemetrySample> sample = scope.flatMap(sc -> all.stream()
            .filter(x -> x.scope().equals(sc) && x.window().equals(slot(slot))).findFirst());
        if (sample.isEmpty()) {
          missing.add(slot(k));
        } else if (!judged.contains(sample.get())) {
          judged.add(sample.get());
        }
      }
    }
    Duration measured = Duration.ofMinutes(SLOTS);
    assertThat(m.denominator()).isEqualTo(measured);
    assertThat(m.missingTelemetry()).isEqualTo(WindowSet.of(missing));
    if (method == TelemetryRules.Method.BAD_TIMESLICES) {
      List<Interval> bad = judged.stream()
          .filter(x -> x.errorRate().orElseThrow().compareTo(Ratio.of(5, 100)) > 0)
          .map(TelemetrySample::window).toList();
      Duration down = WindowSet.of(bad).totalLength();
      assertThat(m.downtime()).isEqualTo(down);
      assertThat(m.availability()).isEqualTo(Ratio.of(down, measured).complement());
    } else {
      // Each judged minute at its rate, each missing minute at 0 % (missing data is GOOD).
      Ratio errors = Ratio.ZERO;
      for (TelemetrySample x : judged) {
        errors = errors.plus(x.errorRate().orElseThrow());
      }
      long minutes = judged.size() + WindowSet.of(missing).totalLength().toMinutes();
      Ratio expected = minutes == 0 ? Ratio.ONE : errors.dividedBy(Ratio.of(minutes)).complement();
      assertThat(m.availability()).isEqualTo(expected);
    }
  }

  private static Interval slot(int k) {
    return Interval.of(FROM.plus(Duration.ofMinutes(k)), FROM.plus(Duration.ofMinutes(k + 1)));
  }

  @Provide
  Arbitrary<Input> inputs() {
    Arbitrary<int[]> row = Arbitraries.oneOf(
        Arbitraries.just(new int[0]), // a scope without samples
        Arbitraries.integers().between(-1, RATES.size() - 1).array(int[].class).ofSize(SLOTS));
    Arbitrary<int[][]> slots = row.array(int[][].class).ofSize(MEASURABLE.size()).map(rows -> {
      int[][] out = new int[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        out[i] = rows[i].length == 0 ? filled(-1) : rows[i];
      }
      return out;
    });
    Arbitrary<List<Scope>> placements = Arbitraries.of(PLACEABLE).set().ofMinSize(1).ofMaxSize(4)
        .map(s -> PLACEABLE.stream().filter(s::contains).toList());
    return slots.flatMap(s -> placements.map(p -> new Input(s, p)));
  }

  private static int[] filled(int v) {
    int[] out = new int[SLOTS];
    java.util.Arrays.fill(out, v);
    return out;
  }
}
