package dev.amends.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
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
}
