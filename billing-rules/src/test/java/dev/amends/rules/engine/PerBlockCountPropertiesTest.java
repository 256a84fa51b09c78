package dev.amends.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.Ratio;
import java.math.BigInteger;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A per-block rule's block count in longs is the exact ratio's ceiling (started) or floor (completed). */
class PerBlockCountPropertiesTest {
  @Property(tries = 3000)
  void blockCountMatchesTheExactRatio(@ForAll("durations") Duration down, @ForAll("blocks") Duration block,
      @ForAll boolean started) {
    Ratio exact = Ratio.of(down, block);

    assertThat(StandardRules.blocks(down, block, started)).isEqualTo(started ? exact.ceiling() : exact.floor());
  }

  @Test
  void startedBlocksRoundUpAndCompletedBlocksDown() {
    Duration block = Duration.ofMinutes(30);

    assertThat(StandardRules.blocks(Duration.ofMinutes(61), block, true)).isEqualTo(BigInteger.valueOf(3)); // 61/30 -> 3
    assertThat(StandardRules.blocks(Duration.ofMinutes(61), block, false)).isEqualTo(BigInteger.valueOf(2)); // 61/30 -> 2
    assertThat(StandardRules.blocks(Duration.ofMinutes(60), block, true)).isEqualTo(BigInteger.valueOf(2));
    assertThat(StandardRules.blocks(Duration.ZERO, block, true)).isEqualTo(BigInteger.ZERO);
    // beyond a long of nanoseconds (292 years): the exact path, 10^10 s / 1 s
    assertThat(StandardRules.blocks(Duration.ofSeconds(10_000_000_000L), Duration.ofSeconds(1), false))
        .isEqualTo(BigInteger.valueOf(10_000_000_000L));
  }

  @Provide
  Arbitrary<Duration> durations() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 40L * 24 * 3600 * 1_000_000_000L).map(Duration::ofNanos),
        Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L).map(Duration::ofNanos),
        Arbitraries.longs().map(Duration::ofNanos),
        Arbitraries.longs().between(9_000_000_000L, 9_300_000_000L).map(Duration::ofSeconds), // around Long.MAX nanos
        Arbitraries.longs().between(-9_300_000_000L, -9_000_000_000L).map(Duration::ofSeconds));
  }

  @Provide
  Arbitrary<Duration> blocks() {
    return Arbitraries.oneOf(
        Arbitraries.of(Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1)),
        Arbitraries.longs().between(1, Long.MAX_VALUE).map(Duration::ofNanos),
        Arbitraries.longs().between(9_000_000_000L, 9_300_000_000L).map(Duration::ofSeconds));
  }
}
