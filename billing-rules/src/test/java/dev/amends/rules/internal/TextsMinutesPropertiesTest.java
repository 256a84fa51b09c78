package dev.amends.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.Ratio;
import java.math.BigInteger;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Texts#minutes} writes whole minutes as their digits without exact arithmetic, and
 * {@link Texts#integer} small integers through {@code long}; these properties hold them to the
 * general renderings, {@link Texts#number} of the exact minutes and {@link BigInteger#toString()}.
 */
class TextsMinutesPropertiesTest {

  @Property(tries = 2000)
  void minutesAreTheNumberOfExactMinutes(@ForAll("durations") Duration d) {
    String general = Texts.number(Ratio.of(d, Duration.ofMinutes(1))) + " min";
    assertThat(Texts.minutes(d)).isEqualTo(general);
  }

  @Property(tries = 500)
  void wholeMinutesAreWrittenAsTheirDigits(@ForAll("wholeMinutes") long minutes) {
    assertThat(Texts.minutes(Duration.ofMinutes(minutes))).isEqualTo(minutes + " min");
  }

  @Property(tries = 2000)
  void anIntegerIsWrittenAsBigIntegerWritesIt(@ForAll("integers") BigInteger n) {
    assertThat(Texts.integer(n)).isEqualTo(n.toString());
  }

  @Provide
  Arbitrary<BigInteger> integers() {
    return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70)),
        Arbitraries.longs().map(BigInteger::valueOf),
        Arbitraries.of(BigInteger.ZERO, BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MIN_VALUE),
            BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE),
            BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE)));
  }

  @Provide
  Arbitrary<Duration> durations() {
    Arbitrary<Duration> whole = Arbitraries.longs().between(-100_000, 10_000_000).map(Duration::ofMinutes);
    Arbitrary<Duration> seconds = Arbitraries.longs().between(-10_000_000, 600_000_000).map(Duration::ofSeconds);
    Arbitrary<Duration> nanos = Arbitraries.longs().between(0, 1_000_000_000_000_000L).map(Duration::ofNanos);
    return Arbitraries.oneOf(whole, seconds, nanos);
  }

  @Provide
  Arbitrary<Long> wholeMinutes() {
    return Arbitraries.longs().between(-1_000_000, 100_000_000);
  }
}
