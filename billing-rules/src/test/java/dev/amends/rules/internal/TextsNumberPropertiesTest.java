package dev.amends.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.Ratio;
import java.math.BigInteger;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Texts#number} and {@link Texts#minutes} write their digits in longs where they fit; these
 * properties hold them to the {@link java.math.BigDecimal} rendering, {@link Texts#numberExactly},
 * near {@code Long} overflow, for negative values and for ratios held as {@code BigInteger}s.
 */
class TextsNumberPropertiesTest {
  @Property(tries = 3000)
  void numberIsTheDecimalsRendering(@ForAll("ratios") Ratio r) {
    assertThat(Texts.number(r)).isEqualTo(Texts.numberExactly(r));
  }

  @Property(tries = 2000)
  void minutesAreTheDecimalsRenderingOfTheExactMinutes(@ForAll("durations") Duration d) {
    assertThat(Texts.minutes(d)).isEqualTo(Texts.numberExactly(Ratio.of(d, Duration.ofMinutes(1))) + " min");
  }

  @Test
  void numbersAreRoundedHalfUpToFourDecimalsWithoutTrailingZeros() {
    assertThat(Texts.number(Ratio.of(1, 3))).isEqualTo("0.3333");
    assertThat(Texts.number(Ratio.of(-2, 3))).isEqualTo("-0.6667");
    assertThat(Texts.number(Ratio.of(1, 20_000))).isEqualTo("0.0001"); // 0.00005 half-up
    assertThat(Texts.number(Ratio.of(-1, 20_000))).isEqualTo("-0.0001");
    assertThat(Texts.number(Ratio.of(1, 20_001))).isEqualTo("0"); // 0.0000499...
    assertThat(Texts.number(Ratio.of(1000))).isEqualTo("1000");
    assertThat(Texts.number(Ratio.of(5, 2))).isEqualTo("2.5");
    assertThat(Texts.minutes(Duration.ofSeconds(90))).isEqualTo("1.5 min");
    assertThat(Texts.minutes(Duration.ofSeconds(20))).isEqualTo("0.3333 min");
  }

  @Provide
  Arbitrary<Ratio> ratios() {
    Arbitrary<Long> numerators = Arbitraries.oneOf(Arbitraries.longs().between(-1_000_000, 1_000_000),
        Arbitraries.longs(), Arbitraries.longs().between(Long.MAX_VALUE - 1000, Long.MAX_VALUE),
        Arbitraries.longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 1000));
    Arbitrary<Long> denominators = Arbitraries.oneOf(Arbitraries.longs().between(1, 100_000),
        Arbitraries.longs().between(1, Long.MAX_VALUE));
    Arbitrary<Ratio> longs = Combinators.combine(numerators, denominators).as(Ratio::of);
    Arbitrary<Ratio> big = Combinators.combine(numerators, denominators)
        .as((n, d) -> Ratio.of(BigInteger.valueOf(n).shiftLeft(70).add(BigInteger.ONE), BigInteger.valueOf(d)));
    return Arbitraries.oneOf(longs, longs, longs, big);
  }

  @Provide
  Arbitrary<Duration> durations() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-10_000_000, 600_000_000).map(Duration::ofSeconds),
        Arbitraries.longs().map(Duration::ofNanos),
        Arbitraries.longs().between(Long.MAX_VALUE / 2, Long.MAX_VALUE).map(Duration::ofSeconds));
  }
}
