package dev.amends.core.telemetry;

import static dev.amends.core.fixtures.Outages2024.API;
import static dev.amends.core.fixtures.Outages2024.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.Ratio;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

/** Samples at the edges of their ranges, which the mutation run found untested. */
class TelemetrySampleEdgesTest {
  private static final Interval MINUTE = window("2024-06-10T10:00", "2024-06-10T10:01");

  @Test
  void aSampleOfZeroRequestsStillCountsThem() {
    TelemetrySample s = TelemetrySample.ofCounts(API, MINUTE, 0, 0);

    assertThat(s.totalRequests()).hasValue(0);
    assertThat(s.goodRequests()).hasValue(0);
    assertThat(s).hasToString("api 2024-06-10T10:00:00Z/2024-06-10T10:01:00Z 0/0 good");
  }

  @Test
  void aSampleWithNoGoodRequestCountsZeroGood() {
    TelemetrySample s = TelemetrySample.ofCounts(API, MINUTE, 0, 40);

    assertThat(s.goodRequests()).hasValue(0);
    assertThat(s.errorRate()).contains(Ratio.ONE);
  }

  @Test
  void anErrorRateOfExactlyOneIsTaken() {
    TelemetrySample s = TelemetrySample.ofErrorRate(API, MINUTE, Ratio.ONE);

    assertThat(s.errorRate()).contains(Ratio.ONE);
    assertThat(s.totalRequests()).isEmpty();
    assertThat(s.goodRequests()).isEmpty();
  }

  @Test
  void aSampleWithExactlyTheMinimumRequestsIsNotEmpty() {
    TelemetrySample s = TelemetrySample.ofCounts(API, MINUTE, 100, 100);

    assertThat(s.isEmpty(100)).isFalse();
    assertThat(s.isEmpty(101)).isTrue();
  }

  @Test
  void samplesThatDifferHashApart() {
    Set<Integer> hashes = new HashSet<>();
    for (int good = 0; good < 20; good++) {
      hashes.add(TelemetrySample.ofCounts(API, MINUTE, good, 20).hashCode());
      hashes.add(TelemetrySample.ofErrorRate(API, MINUTE, Ratio.of(good, 20)).hashCode());
    }
    assertThat(hashes).hasSize(40);
    assertThat(TelemetrySample.ofCounts(API, MINUTE, 7, 9))
        .hasSameHashCodeAs(TelemetrySample.ofCounts(API, MINUTE, 7, 9));
  }
}
