package dev.amends.core.telemetry;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.Ratio;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

class TelemetrySampleTest {
  private static final Interval MINUTE = window("2024-06-10T10:00", "2024-06-10T10:01");

  @Test
  void errorRateOfCountsIsTheShareOfFailedRequests() {
    TelemetrySample s = TelemetrySample.ofCounts(API, MINUTE, 9_400, 10_000);

    // 600 failed of 10,000 = 3/50 = 6 %.
    assertThat(s.errorRate()).contains(Ratio.of(3, 50));
    assertThat(s.goodRequests()).hasValue(9_400);
    assertThat(s.totalRequests()).hasValue(10_000);
    assertThat(s).hasToString("api 2024-06-10T10:00:00Z/2024-06-10T10:01:00Z 9400/10000 good");
  }

  @Test
  void sampleWithNoRequestsHasNoErrorRateAndIsEmpty() {
    TelemetrySample s = TelemetrySample.ofCounts(API, MINUTE, 0, 0);

    assertThat(s.errorRate()).isEmpty();
    assertThat(s.isEmpty(0)).isTrue();
    assertThat(s.isEmpty(1)).isTrue();
  }

  @Test
  void sampleBelowTheMinimumRequestCountIsEmpty() {
    TelemetrySample s = TelemetrySample.ofCounts(API, MINUTE, 99, 99);

    assertThat(s.isEmpty(100)).isTrue();
    assertThat(s.isEmpty(99)).isFalse();
  }

  @Test
  void errorRateSampleHasNoCountsAndIsNeverEmpty() {
    TelemetrySample s = TelemetrySample.ofErrorRate(API, MINUTE, Ratio.of(1, 100));

    assertThat(s.totalRequests()).isEmpty();
    assertThat(s.goodRequests()).isEmpty();
    assertThat(s.errorRate()).contains(Ratio.of(1, 100));
    assertThat(s.isEmpty(1_000)).isFalse();
    assertThat(s).hasToString("api 2024-06-10T10:00:00Z/2024-06-10T10:01:00Z errors 1/100");
  }

  @Test
  void rejectsMoreGoodRequestsThanRequests() {
    assertThatThrownBy(() -> TelemetrySample.ofCounts(API, MINUTE, 11, 10))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("telemetry.good must be in [0, total=10]: 11");
  }

  @Test
  void rejectsNegativeCounts() {
    assertThatThrownBy(() -> TelemetrySample.ofCounts(API, MINUTE, 0, -1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("telemetry.total must not be negative: -1");
    assertThatThrownBy(() -> TelemetrySample.ofCounts(API, MINUTE, -1, 10))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("telemetry.good must be in [0, total=10]: -1");
  }

  @Test
  void rejectsAnErrorRateOutsideZeroToOne() {
    assertThatThrownBy(() -> TelemetrySample.ofErrorRate(API, MINUTE, Ratio.of(11, 10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("telemetry.errorRate must be in [0, 1]: 11/10");
    assertThatThrownBy(() -> TelemetrySample.ofErrorRate(API, MINUTE, Ratio.of(-1, 10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("telemetry.errorRate must be in [0, 1]: -1/10");
  }

  @Test
  void rejectsAnEmptyWindow() {
    Interval empty = window("2024-06-10T10:00", "2024-06-10T10:00");

    assertThatThrownBy(() -> TelemetrySample.ofCounts(API, empty, 1, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("telemetry.window must not be empty");
  }

  @Test
  void equalSamplesAreEqual() {
    assertThat(TelemetrySample.ofCounts(API, MINUTE, 1, 2))
        .isEqualTo(TelemetrySample.ofCounts(API, MINUTE, 1, 2))
        .hasSameHashCodeAs(TelemetrySample.ofCounts(API, MINUTE, 1, 2))
        .isNotEqualTo(TelemetrySample.ofErrorRate(API, MINUTE, Ratio.of(1, 2)));
  }

  @Test
  void samplesOfTheSameLengthHaveDifferentHashes() {
    // A day of one-minute samples with the same counts: Interval.hashCode XORs start and end, so
    // hashing through it gave these few distinct hashes; each end hashed apart gives 1,440.
    Set<Integer> hashes = new HashSet<>();
    for (int k = 0; k < 1_440; k++) {
      Instant start = MINUTE.getStart().plusSeconds(60L * k);
      hashes.add(TelemetrySample.ofCounts(API, Interval.of(start, start.plusSeconds(60)), 1, 2).hashCode());
    }

    assertThat(hashes).hasSize(1_440);
  }

  @Test
  void measuredScopeIsTheNearestScopeWithSamples() {
    TelemetryLog log = TelemetryLog.of(java.util.List.of(TelemetrySample.ofCounts(CLUSTER_2, MINUTE, 1, 2)));

    assertThat(log.measuredScope(NODE_7)).contains(CLUSTER_2);
    assertThat(log.measuredScope(CLUSTER_2)).contains(CLUSTER_2);
    assertThat(log.measuredScope(CLUSTER_1)).isEmpty();
  }
}
