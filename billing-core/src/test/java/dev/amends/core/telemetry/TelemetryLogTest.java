package dev.amends.core.telemetry;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.scope.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

class TelemetryLogTest {
  private static TelemetrySample minute(Scope scope, String start, long good) {
    return TelemetrySample.ofCounts(scope, Interval.of(utc(start), utc(start).plusSeconds(60)), good, 100);
  }

  @Test
  void placementIsJudgedByItsOwnScopeWhenMeasured() {
    TelemetrySample gridMinute = minute(GRID, "2024-06-10T10:00", 100);
    TelemetrySample clusterMinute = minute(CLUSTER_2, "2024-06-10T10:00", 50);
    TelemetryLog log = TelemetryLog.of(List.of(gridMinute, clusterMinute));

    assertThat(log.samplesFor(CLUSTER_2, JUN_2024_UTC.window())).containsExactly(clusterMinute);
  }

  @Test
  void placementWithoutSamplesIsJudgedByTheNearestMeasuredAncestor() {
    TelemetrySample gridMinute = minute(GRID, "2024-06-10T10:00", 100);
    TelemetryLog log = TelemetryLog.of(List.of(gridMinute, minute(CLUSTER_1, "2024-06-10T10:00", 0)));

    // node-7 → cluster-2 (no samples) → grid.
    assertThat(log.samplesFor(NODE_7, JUN_2024_UTC.window())).containsExactly(gridMinute);
    assertThat(log.samplesFor(API, JUN_2024_UTC.window())).isEmpty();
  }

  @Test
  void returnsOnlySamplesOverlappingTheWindowInTimeOrder() {
    TelemetrySample before = minute(API, "2024-06-10T09:59", 100);   // ends exactly at 10:00
    TelemetrySample first = minute(API, "2024-06-10T10:00", 100);
    TelemetrySample second = minute(API, "2024-06-10T10:01", 100);
    TelemetrySample after = minute(API, "2024-06-10T10:02", 100);    // starts exactly at 10:02
    TelemetryLog log = TelemetryLog.of(List.of(after, second, before, first));

    assertThat(log.samplesFor(API, window("2024-06-10T10:00", "2024-06-10T10:02"))).containsExactly(first, second);
    // A window starting mid-sample still finds it.
    assertThat(log.samplesFor(API, Interval.of(utc("2024-06-10T10:00").plusSeconds(30), utc("2024-06-10T10:01"))))
        .containsExactly(first);
  }

  @Test
  void rejectsOverlappingSamplesOfOneScopeNamingTheLaterInput() {
    List<TelemetrySample> samples = List.of(
        minute(API, "2024-06-10T10:00", 100),
        minute(GRID, "2024-06-10T10:00", 100),
        TelemetrySample.ofCounts(API, Interval.of(utc("2024-06-10T10:00").plusSeconds(30), utc("2024-06-10T10:01").plusSeconds(30)), 1, 1));

    assertThatThrownBy(() -> TelemetryLog.of(samples))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("samples[2].window overlaps samples[0] of scope api")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("samples[2].window");
  }

  @Test
  void acceptsAbuttingSamplesAndTheSameTimeOnAnotherScope() {
    TelemetryLog log = TelemetryLog.of(List.of(
        minute(API, "2024-06-10T10:00", 100),
        minute(API, "2024-06-10T10:01", 100),
        minute(GRID, "2024-06-10T10:00", 100)));

    assertThat(log.samplesFor(API, JUN_2024_UTC.window())).hasSize(2);
  }

  @Test
  void emptyLogHasNoSamples() {
    assertThat(TelemetryLog.empty().samplesFor(API, JUN_2024_UTC.window())).isEmpty();
  }
}
