package dev.amends.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatioTest {
  private static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  // ---------------------------------------------------------------- construction

  @Test
  void keepsLowestTermsWithAPositiveDenominator() {
    Ratio r = Ratio.of(6, -8);

    assertThat(r.numerator()).isEqualTo(BigInteger.valueOf(-3));
    assertThat(r.denominator()).isEqualTo(BigInteger.valueOf(4));
    assertThat(r).hasToString("-3/4");
    assertThat(Ratio.of(-6, -8)).hasToString("3/4");
    assertThat(Ratio.of(0, -5)).isSameAs(Ratio.ZERO);
    assertThat(Ratio.of(7)).hasToString("7");
  }

  @Test
  void equalsByValue() {
    assertThat(Ratio.of(1, 2)).isEqualTo(Ratio.of(2, 4)).hasSameHashCodeAs(Ratio.of(50, 100));
    assertThat(Ratio.of(1, 2)).isNotEqualTo(Ratio.of(1, 3));
  }

  @Test
  void rejectsAZeroDenominatorNamingIt() {
    assertThatThrownBy(() -> Ratio.of(3, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("ratio.denominator");
          assertThat(e.getMessage()).isEqualTo("ratio.denominator must not be zero: 3/0");
        });
  }

  @ParameterizedTest(name = "{0} is exactly {1}")
  @CsvSource({
    "99.95,    1999/20",
    "99.950,   1999/20",
    "0.1,      1/10",
    "2.50,     5/2",
    "-0.5,     -1/2",
    "1E+3,     1000",
    "12,       12",
    "0.00,     0",
    "0.000001, 1/1000000",
  })
  void convertsDecimalsExactly(String decimal, String ratio) {
    assertThat(Ratio.of(dec(decimal))).hasToString(ratio);
  }

  @ParameterizedTest(name = "{0} is refused")
  @CsvSource({"1E-100000000, 100000000", "1E+100000000, -100000000", "1E-1001, 1001", "1E+1001, -1001"})
  void refusesDecimalsWhoseScaleWouldMakeExactArithmeticHang(String decimal, int scale) {
    assertThatThrownBy(() -> Ratio.of(dec(decimal)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("decimal");
          assertThat(e.rule()).isEqualTo("has a scale of " + scale + ", beyond the 1000 digits exact arithmetic allows");
          assertThat(e.value()).isEqualTo(decimal);
        });
  }

  @Test
  void takesDecimalsAtTheLargestScaleEitherWay() {
    assertThat(Ratio.of(dec("1E-1000")).denominator()).isEqualTo(BigInteger.TEN.pow(1000));
    assertThat(Ratio.of(dec("1E+1000")).numerator()).isEqualTo(BigInteger.TEN.pow(1000));
  }

  @Test
  void takesPercentagesAsFractions() {
    assertThat(Ratio.percent(dec("10"))).isEqualTo(Ratio.of(1, 10));
    // 99.95 / 100 = 9995/10000 = 1999/2000
    assertThat(Ratio.percent(dec("99.95"))).isEqualTo(Ratio.of(1999, 2000));
  }

  @Test
  void dividesDurationsToTheNanosecond() {
    // 7 h of 31 days: 420 / 44,640 = 7/744
    assertThat(Ratio.of(Duration.ofHours(7), Duration.ofDays(31))).isEqualTo(Ratio.of(7, 744));
    // 1 ns of 1 s
    assertThat(Ratio.of(Duration.ofNanos(1), Duration.ofSeconds(1))).isEqualTo(Ratio.of(1, 1_000_000_000));
    // 1.5 s of 3 s: seconds and nanos both count
    assertThat(Ratio.of(Duration.ofMillis(1500), Duration.ofSeconds(3))).isEqualTo(Ratio.of(1, 2));
    // a negative part stays negative: −1 s of 4 s
    assertThat(Ratio.of(Duration.ofSeconds(-1), Duration.ofSeconds(4))).isEqualTo(Ratio.of(-1, 4));
    assertThatThrownBy(() -> Ratio.of(Duration.ofHours(1), Duration.ZERO)).isInstanceOf(InvalidInputException.class);
  }

  // ---------------------------------------------------------------- arithmetic

  @Test
  void addsSubtractsMultipliesAndDividesExactly() {
    // 1/3 + 1/6 = 2/6 + 1/6 = 1/2
    assertThat(Ratio.of(1, 3).plus(Ratio.of(1, 6))).isEqualTo(Ratio.of(1, 2));
    // 1/2 − 3/4 = −1/4
    assertThat(Ratio.of(1, 2).minus(Ratio.of(3, 4))).isEqualTo(Ratio.of(-1, 4));
    // 2/3 × 9/4 = 18/12 = 3/2
    assertThat(Ratio.of(2, 3).multipliedBy(Ratio.of(9, 4))).isEqualTo(Ratio.of(3, 2));
    // 7/31 × 20 = 140/31
    assertThat(Ratio.of(7, 31).multipliedBy(20)).isEqualTo(Ratio.of(140, 31));
    // 1/2 ÷ 1/4 = 2; 3/4 ÷ −3/2 = −1/2
    assertThat(Ratio.of(1, 2).dividedBy(Ratio.of(1, 4))).isEqualTo(Ratio.of(2));
    assertThat(Ratio.of(3, 4).dividedBy(Ratio.of(-3, 2))).isEqualTo(Ratio.of(-1, 2));
    assertThat(Ratio.of(5, 7).negated()).isEqualTo(Ratio.of(-5, 7));
    assertThat(Ratio.ZERO.negated()).isEqualTo(Ratio.ZERO);
  }

  @Test
  void tenthsAddUpExactlyUnlikeDoubles() {
    Ratio sum = Ratio.ZERO;
    for (int i = 0; i < 10; i++) {
      sum = sum.plus(Ratio.of(dec("0.1")));
    }
    assertThat(sum).isEqualTo(Ratio.ONE);
  }

  @Test
  void refusesToDivideByZero() {
    assertThatThrownBy(() -> Ratio.of(1, 2).dividedBy(Ratio.ZERO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("ratio.denominator must not be zero");
  }

  @Test
  void complementTurnsAvailabilityIntoUnavailability() {
    // 1 − 737/744 = 7/744
    assertThat(Ratio.of(737, 744).complement()).isEqualTo(Ratio.of(7, 744));
    assertThat(Ratio.ONE.complement()).isEqualTo(Ratio.ZERO);
  }

  @Test
  void roundsToIntegersTowardsFloorAndCeiling() {
    assertThat(Ratio.of(7, 2).floor()).isEqualTo(BigInteger.valueOf(3));
    assertThat(Ratio.of(7, 2).ceiling()).isEqualTo(BigInteger.valueOf(4));
    assertThat(Ratio.of(-7, 2).floor()).isEqualTo(BigInteger.valueOf(-4));
    assertThat(Ratio.of(-7, 2).ceiling()).isEqualTo(BigInteger.valueOf(-3));
    assertThat(Ratio.of(6, 2).floor()).isEqualTo(BigInteger.valueOf(3));
    assertThat(Ratio.of(-6, 2).ceiling()).isEqualTo(BigInteger.valueOf(-3));
  }

  @Test
  void comparesAndPicksMinAndMax() {
    Ratio third = Ratio.of(1, 3);
    Ratio half = Ratio.of(1, 2);

    assertThat(third).isLessThan(half);
    assertThat(Ratio.of(-1, 2)).isLessThan(Ratio.of(-1, 3));
    assertThat(third.min(half)).isSameAs(third);
    assertThat(third.max(half)).isSameAs(half);
    Ratio alsoThird = Ratio.of(2, 6);
    assertThat(third.min(alsoThird)).isSameAs(third);
    assertThat(third.max(alsoThird)).isSameAs(third);
    assertThat(Ratio.of(-2, 3).signum()).isEqualTo(-1);
    assertThat(Ratio.ZERO.isZero()).isTrue();
  }

  // ---------------------------------------------------------------- percent comparisons

  @Test
  void availabilityExactlyAtTheThresholdIsEqualToIt() {
    // 9995/10000 = 0.9995 = 99.95 %
    assertThat(Ratio.of(9995, 10000).compareToPercent(dec("99.95"))).isZero();
    assertThat(Ratio.of(9995, 10000).compareToPercent(dec("99.950000"))).isZero();
  }

  @Test
  void availabilityAHairBelowTheThresholdIsBelowIt() {
    // 99,949/100,000 = 99.949 % < 99.95 %
    assertThat(Ratio.of(99_949, 100_000).compareToPercent(dec("99.95"))).isNegative();
    // 99,951/100,000 = 99.951 % > 99.95 %
    assertThat(Ratio.of(99_951, 100_000).compareToPercent(dec("99.95"))).isPositive();
  }

  @Test
  void comparesAgainstPercentagesThatNoDoubleCanHold() {
    // 2/3 = 66.666… %: above 66.6666666666666666, below 66.6666666666666667
    assertThat(Ratio.of(2, 3).compareToPercent(dec("66.6666666666666666"))).isPositive();
    assertThat(Ratio.of(2, 3).compareToPercent(dec("66.6666666666666667"))).isNegative();
    // The story: 737/744 = 99.0591… % is below 99.9 and above 99
    assertThat(Ratio.of(737, 744).compareToPercent(dec("99.9"))).isNegative();
    assertThat(Ratio.of(737, 744).compareToPercent(dec("99"))).isPositive();
    assertThat(Ratio.ONE.compareToPercent(dec("100"))).isZero();
  }

  // ---------------------------------------------------------------- decimal views

  @Test
  void roundsOnceToADecimal() {
    // 140/31 = 4.516129032…
    assertThat(Ratio.of(140, 31).toBigDecimal(2, RoundingMode.HALF_UP)).isEqualTo(dec("4.52"));
    assertThat(Ratio.of(140, 31).toBigDecimal(6, RoundingMode.HALF_UP)).isEqualTo(dec("4.516129"));
    assertThat(Ratio.of(140, 31).toBigDecimal(2, RoundingMode.DOWN)).isEqualTo(dec("4.51"));
    // 25/8 = 3.125 exactly: the half is seen, not lost in a binary approximation
    assertThat(Ratio.of(25, 8).toBigDecimal(2, RoundingMode.HALF_UP)).isEqualTo(dec("3.13"));
    assertThat(Ratio.of(25, 8).toBigDecimal(2, RoundingMode.HALF_EVEN)).isEqualTo(dec("3.12"));
    assertThat(Ratio.of(-25, 8).toBigDecimal(2, RoundingMode.HALF_UP)).isEqualTo(dec("-3.13"));
  }

  @Test
  void showsAPercentage() {
    // 44,220/44,640 = 99.05913978…%
    assertThat(Ratio.of(44_220, 44_640).toPercent(4, RoundingMode.HALF_UP)).isEqualTo(dec("99.0591"));
    assertThat(Ratio.of(1, 8).toPercent(1, RoundingMode.HALF_EVEN)).isEqualTo(dec("12.5"));
    assertThat(Ratio.of(1, 8).toPercent(0, RoundingMode.HALF_EVEN)).isEqualTo(dec("12"));
  }

  // ---------------------------------------------------------------- long fast path against a BigInteger reference

  /**
   * The reference: a fraction on BigIntegers only, reduced with BigInteger.gcd, the way Ratio
   * computed everything before it had a fast path on longs.
   */
  record Ref(BigInteger n, BigInteger d) {
    static Ref of(BigInteger n, BigInteger d) {
      if (d.signum() < 0) {
        n = n.negate();
        d = d.negate();
      }
      BigInteger g = n.gcd(d);
      if (n.signum() == 0) {
        return new Ref(BigInteger.ZERO, BigInteger.ONE);
      }
      return new Ref(n.divide(g), d.divide(g));
    }

    static Ref of(Ratio r) {
      return of(r.numerator(), r.denominator());
    }

    Ref plus(Ref o) {
      return of(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
    }

    Ref minus(Ref o) {
      return of(n.multiply(o.d).subtract(o.n.multiply(d)), d.multiply(o.d));
    }

    Ref times(Ref o) {
      return of(n.multiply(o.n), d.multiply(o.d));
    }

    Ref over(Ref o) {
      return of(n.multiply(o.d), d.multiply(o.n));
    }

    int compare(Ref o) {
      return n.multiply(o.d).compareTo(o.n.multiply(d));
    }

    BigInteger floor() {
      BigInteger[] qr = n.divideAndRemainder(d);
      return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    BigInteger ceiling() {
      BigInteger[] qr = n.divideAndRemainder(d);
      return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    int hash() {
      return n.hashCode() * 31 + d.hashCode();
    }

    String text() {
      return d.equals(BigInteger.ONE) ? n.toString() : n + "/" + d;
    }
  }

  /** The result matches the reference in its terms, its text, its hash, and equals the same value built another way. */
  private static void assertSameAs(Ratio actual, Ref expected) {
    assertThat(actual.numerator()).isEqualTo(expected.n());
    assertThat(actual.denominator()).isEqualTo(expected.d());
    assertThat(actual).hasToString(expected.text());
    assertThat(actual.hashCode()).isEqualTo(expected.hash());
    // Built through the BigInteger path with the terms scaled up past a long: the same value.
    BigInteger k = BigInteger.ONE.shiftLeft(70).add(BigInteger.ONE);
    Ratio other = Ratio.of(expected.n().multiply(k), expected.d().multiply(k));
    assertThat(actual).isEqualTo(other);
    assertThat(other).isEqualTo(actual);
    assertThat(actual.hashCode()).isEqualTo(other.hashCode());
  }

  private static Arbitrary<Long> interestingLongs() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-50_000, 50_000),
        Arbitraries.longs(),
        Arbitraries.longs().between(Long.MAX_VALUE - 1_000, Long.MAX_VALUE),
        Arbitraries.longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 1_000),
        Arbitraries.longs().between(-(1L << 33), 1L << 33),
        Arbitraries.longs().between(2_592_000_000_000_000L, 2_678_400_000_000_000L), // a month in nanoseconds
        Arbitraries.of(0L, 1L, -1L, 100L, 44_640L, 1L << 31, 1L << 32, 1L << 62, -(1L << 62),
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 3_037_000_499L, 3_037_000_500L));
  }

  private static Arbitrary<BigInteger> interestingIntegers() {
    return Arbitraries.oneOf(
        interestingLongs().map(BigInteger::valueOf),
        interestingLongs().map(BigInteger::valueOf),
        interestingLongs().map(BigInteger::valueOf),
        Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(80).negate(), BigInteger.ONE.shiftLeft(80)),
        Arbitraries.of(BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(63).negate(),
            BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(63).add(BigInteger.ONE)));
  }

  @Provide
  Arbitrary<Ratio> ratios() {
    return Combinators.combine(interestingIntegers(), interestingIntegers().filter(d -> d.signum() != 0))
        .as(Ratio::of);
  }

  @Provide
  Arbitrary<Long> longs() {
    return interestingLongs();
  }

  @Provide
  Arbitrary<BigDecimal> percentages() {
    return Combinators.combine(interestingLongs(), Arbitraries.integers().between(-3, 25))
        .as((unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
  }

  @Property(tries = 300)
  void sumOfManyTermsEqualsAddingThemInOrder(
      @ForAll @net.jqwik.api.constraints.Size(max = 40) java.util.List<@net.jqwik.api.From("ratios") Ratio> terms) {
    Ratio inOrder = Ratio.ZERO;
    for (Ratio t : terms) {
      inOrder = inOrder.plus(t);
    }

    assertThat(Ratio.sum(terms)).isEqualTo(inOrder);
  }

  @Test
  void sumAddsPairwise() {
    // 1/3 + 1/6 + 1/2 = 1; no terms = 0.
    assertThat(Ratio.sum(java.util.List.of(Ratio.of(1, 3), Ratio.of(1, 6), Ratio.of(1, 2)))).isEqualTo(Ratio.ONE);
    assertThat(Ratio.sum(java.util.List.of())).isEqualTo(Ratio.ZERO);
  }

  @Property(tries = 2000)
  void buildsTheSameTermsAsTheReference(@ForAll("longs") long n, @ForAll("longs") long d) {
    if (d == 0) {
      return;
    }
    Ref expected = Ref.of(BigInteger.valueOf(n), BigInteger.valueOf(d));
    assertSameAs(Ratio.of(n, d), expected);
    assertSameAs(Ratio.of(BigInteger.valueOf(n), BigInteger.valueOf(d)), expected);
  }

  @Property(tries = 2000)
  void addsSubtractsMultipliesAndDividesLikeTheReference(@ForAll("ratios") Ratio a, @ForAll("ratios") Ratio b) {
    Ref x = Ref.of(a);
    Ref y = Ref.of(b);
    assertSameAs(a.plus(b), x.plus(y));
    assertSameAs(a.minus(b), x.minus(y));
    assertSameAs(a.multipliedBy(b), x.times(y));
    assertSameAs(a.negated(), Ref.of(x.n().negate(), x.d()));
    assertSameAs(a.complement(), Ref.of(BigInteger.ONE, BigInteger.ONE).minus(x));
    if (!b.isZero()) {
      assertSameAs(a.dividedBy(b), x.over(y));
    }
  }

  @Property(tries = 2000)
  void multipliesByALongLikeTheReference(@ForAll("ratios") Ratio a, @ForAll("longs") long factor) {
    assertSameAs(a.multipliedBy(factor), Ref.of(a).times(Ref.of(BigInteger.valueOf(factor), BigInteger.ONE)));
  }

  @Property(tries = 2000)
  void comparesLikeTheReference(@ForAll("ratios") Ratio a, @ForAll("ratios") Ratio b) {
    int expected = Ref.of(a).compare(Ref.of(b));
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(expected);
    assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-expected);
    assertThat(a.equals(b)).isEqualTo(expected == 0);
    assertThat(a.min(b)).isSameAs(expected <= 0 ? a : b);
    assertThat(a.signum()).isEqualTo(a.numerator().signum());
    assertThat(a.isZero()).isEqualTo(a.numerator().signum() == 0);
  }

  @Property(tries = 2000)
  void comparesToAPercentageLikeTheReference(@ForAll("ratios") Ratio a, @ForAll("percentages") BigDecimal percent) {
    Ref p = percent.scale() <= 0
        ? Ref.of(percent.toBigIntegerExact(), BigInteger.valueOf(100))
        : Ref.of(percent.unscaledValue(), BigInteger.TEN.pow(percent.scale()).multiply(BigInteger.valueOf(100)));
    int expected = Ref.of(a).compare(p);
    assertThat(Integer.signum(a.compareToPercent(percent))).isEqualTo(expected);
    assertSameAs(Ratio.percent(percent), p);
    assertThat(Integer.signum(a.compareTo(Ratio.percent(percent)))).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void roundsLikeTheReference(
      @ForAll("ratios") Ratio a, @ForAll("scales") int scale, @ForAll("modes") RoundingMode mode) {
    Ref x = Ref.of(a);
    assertThat(a.floor()).isEqualTo(x.floor());
    assertThat(a.ceiling()).isEqualTo(x.ceiling());
    assertThat(a.toBigDecimal(scale, mode))
        .isEqualTo(new BigDecimal(x.n()).divide(new BigDecimal(x.d()), scale, mode));
    assertThat(a.toPercent(scale, mode))
        .isEqualTo(new BigDecimal(x.n().multiply(BigInteger.valueOf(100))).divide(new BigDecimal(x.d()), scale, mode));
  }

  @Property(tries = 1000)
  void roundsExactHalvesLikeTheReference(
      @ForAll("longs") long k, @ForAll("halfScales") int scale, @ForAll("modes") RoundingMode mode) {
    // (2k + 1) / (2 · 10^scale) lies exactly halfway between two decimals at that scale.
    BigInteger n = BigInteger.valueOf(k / 4).shiftLeft(1).add(BigInteger.ONE);
    BigInteger d = BigInteger.TEN.pow(scale).shiftLeft(1);
    Ratio half = Ratio.of(n, d);
    assertThat(half.toBigDecimal(scale, mode))
        .isEqualTo(new BigDecimal(n).divide(new BigDecimal(d), scale, mode));
  }

  @Provide
  Arbitrary<Integer> halfScales() {
    return Arbitraries.integers().between(0, 17);
  }

  @Provide
  Arbitrary<Integer> scales() {
    return Arbitraries.integers().between(-2, 30);
  }

  @Provide
  Arbitrary<RoundingMode> modes() {
    return Arbitraries.of(RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR,
        RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN);
  }

  @Property(tries = 1000)
  void dividesDurationsLikeTheReference(
      @ForAll("longs") long partSeconds, @ForAll("nanos") int partNanos,
      @ForAll("longs") long wholeSeconds, @ForAll("nanos") int wholeNanos) {
    // Duration holds seconds up to Long.MAX_VALUE; in nanoseconds that is far past a long.
    Duration part = Duration.ofSeconds(partSeconds, partNanos);
    Duration whole = Duration.ofSeconds(wholeSeconds, wholeNanos);
    if (whole.isZero()) {
      return;
    }
    BigInteger billion = BigInteger.valueOf(1_000_000_000);
    assertSameAs(Ratio.of(part, whole), Ref.of(
        BigInteger.valueOf(part.getSeconds()).multiply(billion).add(BigInteger.valueOf(part.getNano())),
        BigInteger.valueOf(whole.getSeconds()).multiply(billion).add(BigInteger.valueOf(whole.getNano()))));
  }

  @Provide
  Arbitrary<Integer> nanos() {
    return Arbitraries.oneOf(Arbitraries.of(0, 999_999_999), Arbitraries.integers().between(0, 999_999_999));
  }

  @Test
  void valuesAtTheEdgesOfALongAreExact() {
    // Long.MIN_VALUE = -9223372036854775808 cannot be negated in a long: held exactly all the same.
    assertThat(Ratio.of(Long.MIN_VALUE, -1)).hasToString("9223372036854775808");
    assertThat(Ratio.of(Long.MIN_VALUE).negated()).hasToString("9223372036854775808");
    assertThat(Ratio.of(Long.MIN_VALUE, -1).negated()).isEqualTo(Ratio.of(Long.MIN_VALUE));
    // MAX + MAX = 18446744073709551614 overflows a long; the sum falls back and stays exact.
    assertThat(Ratio.of(Long.MAX_VALUE).plus(Ratio.of(Long.MAX_VALUE))).hasToString("18446744073709551614");
    // ... and back inside a long it is held as longs again: equal to, and hashed as, the plain value.
    Ratio back = Ratio.of(Long.MAX_VALUE).plus(Ratio.of(Long.MAX_VALUE)).minus(Ratio.of(Long.MAX_VALUE));
    assertThat(back).isEqualTo(Ratio.of(Long.MAX_VALUE)).hasSameHashCodeAs(Ratio.of(Long.MAX_VALUE));
    // 1/MAX × 1/MAX: the denominator 85070591730234615847396907784232501249 is past a long.
    assertThat(Ratio.of(1, Long.MAX_VALUE).multipliedBy(Ratio.of(1, Long.MAX_VALUE)).denominator())
        .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).pow(2));
    // (MAX-1)/MAX against (MAX-2)/(MAX-1): cross products overflow a long, compared exactly.
    assertThat(Ratio.of(Long.MAX_VALUE - 1, Long.MAX_VALUE).compareTo(Ratio.of(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1)))
        .isPositive();
  }

  @Test
  void aSharedDenominatorAddsWithoutOverflowAndReduces() {
    // 44,220/44,640 + 420/44,640 = 44,640/44,640 = 1
    assertThat(Ratio.of(44_220, 44_640).plus(Ratio.of(420, 44_640))).isEqualTo(Ratio.ONE);
    // 1/6 + 1/10 = 5/30 + 3/30 = 8/30 = 4/15
    assertThat(Ratio.of(1, 6).plus(Ratio.of(1, 10))).hasToString("4/15");
  }
}
