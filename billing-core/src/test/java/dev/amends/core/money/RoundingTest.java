package dev.amends.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundingTest {
  private static final CurrencyUnit USD = CurrencyUnit.USD;
  private static final CurrencyUnit JPY = CurrencyUnit.JPY;
  private static final CurrencyUnit BHD = CurrencyUnit.of("BHD");
  private static final CurrencyUnit CHF = CurrencyUnit.CHF;

  private static final Rounding HALF_UP = Rounding.of(RoundingMode.HALF_UP);
  private static final Rounding HALF_EVEN = Rounding.of(RoundingMode.HALF_EVEN);

  private static ExactMoney exact(CurrencyUnit c, long num, long den) {
    return ExactMoney.of(c, Ratio.of(num, den));
  }

  private static ExactMoney times(String money, long num, long den) {
    return ExactMoney.of(Money.parse(money)).multipliedBy(Ratio.of(num, den));
  }

  @Test
  void halfUpAndHalfEvenDifferOnAnExactHalfCent() {
    // 25/8 = 3.125: HALF_UP → 3.13, HALF_EVEN → 3.12 (2 is even)
    assertThat(HALF_UP.round(exact(USD, 25, 8))).isEqualTo(Money.parse("USD 3.13"));
    assertThat(HALF_EVEN.round(exact(USD, 25, 8))).isEqualTo(Money.parse("USD 3.12"));
    // 3.135: both go up (3 is odd, so HALF_EVEN rounds to 4)
    assertThat(HALF_EVEN.round(exact(USD, 627, 200))).isEqualTo(Money.parse("USD 3.14"));
    // negative halves go away from zero under HALF_UP: −3.125 → −3.13
    assertThat(HALF_UP.round(exact(USD, -25, 8))).isEqualTo(Money.parse("USD -3.13"));
  }

  @Test
  void roundsOnceFromTheExactValueNotTwice() {
    // 0.4449… rounded once to cents is 0.44; rounding first to 0.445 then to cents gives 0.45.
    // 4449/10000 + 9/1000000 = 0.444909
    assertThat(HALF_UP.round(exact(USD, 444_909, 1_000_000))).isEqualTo(Money.parse("USD 0.44"));
  }

  @ParameterizedTest(name = "{0} × {1}/{2} with {3} is {4}")
  @CsvSource({
    // JPY, scale 0
    "JPY 1000,   7, 31, HALF_UP,   JPY 226",   // 7000/31 = 225.806…
    "JPY 1000,   7, 31, DOWN,      JPY 225",
    "JPY 1000,   1,  8, HALF_UP,   JPY 125",   // exactly 125
    "JPY 1001,   1,  2, HALF_UP,   JPY 501",   // 500.5
    "JPY 1001,   1,  2, HALF_EVEN, JPY 500",   // 500.5 → even
    "JPY 1000,   1,  3, CEILING,   JPY 334",   // 333.33…
    // USD, scale 2
    "USD 20.00,  7, 31, HALF_UP,   USD 4.52",  // 140/31 = 4.516129…
    "USD 20.00,153,744, HALF_UP,   USD 4.11",  // 3060/744 = 4.112903…
    "USD 10.00,  1,  3, HALF_UP,   USD 3.33",
    "USD 10.00,  2,  3, HALF_UP,   USD 6.67",
    "USD 10.00,  2,  3, FLOOR,     USD 6.66",
    // BHD, scale 3
    "BHD 10.000, 1,  8, HALF_UP,   BHD 1.250", // 1.25 exactly
    "BHD 10.000, 1, 16, HALF_UP,   BHD 0.625", // 0.625 exactly: no rounding at scale 3
    "BHD 10.000, 1, 16, HALF_EVEN, BHD 0.625",
    "BHD 1.000,  1, 16, HALF_UP,   BHD 0.063", // 0.0625: a half at the 4th decimal
    "BHD 1.000,  1, 16, HALF_EVEN, BHD 0.062",
    "BHD 10.001, 1,  2, HALF_UP,   BHD 5.001", // 5.0005
    "BHD 10.001, 1,  2, HALF_EVEN, BHD 5.000",
    "BHD 10.000, 7, 31, HALF_UP,   BHD 2.258", // 70/31 = 2.258064…
  })
  void roundsToTheCurrencysOwnScale(String money, long num, long den, RoundingMode mode, String expected) {
    Money rounded = Rounding.of(mode).round(times(money, num, den));

    assertThat(rounded).isEqualTo(Money.parse(expected));
    assertThat(rounded.getAmount().scale()).isEqualTo(rounded.getCurrencyUnit().getDecimalPlaces());
  }

  @ParameterizedTest(name = "CHF {0} to 0.05 with {1} is {2}")
  @CsvSource({
    "4.516, HALF_UP,   4.50", // 4.516/0.05 = 90.32 → 90
    "4.53,  HALF_UP,   4.55", // 90.6 → 91
    "4.525, HALF_UP,   4.55", // 90.5 → 91
    "4.525, HALF_EVEN, 4.50", // 90.5 → 90 (even)
    "4.575, HALF_EVEN, 4.60", // 91.5 → 92 (even)
    "4.51,  UP,        4.55", // 90.2 → 91
    "-4.53, HALF_UP,  -4.55",
  })
  void roundsToAnIncrementOfFiveRappen(String amount, RoundingMode mode, String expected) {
    Rounding r = Rounding.of(mode, new BigDecimal("0.05"));

    assertThat(r.round(ExactMoney.of(CHF, Ratio.of(new BigDecimal(amount)))))
        .isEqualTo(Money.of(CHF, new BigDecimal(expected)));
  }

  @Test
  void roundsAnExactFractionToAnIncrement() {
    // CHF 20 × 7/31 = 140/31 = 4.516…; ÷ 0.05 = 2800/31 = 90.32… → 90 → CHF 4.50
    assertThat(Rounding.of(RoundingMode.HALF_UP, new BigDecimal("0.05")).round(times("CHF 20.00", 7, 31)))
        .isEqualTo(Money.parse("CHF 4.50"));
  }

  @Test
  void roundsYenToTensWithAnIncrementCoarserThanTheMinorUnit() {
    // 7000/31 = 225.8…; ÷ 10 = 22.58 → 23 → JPY 230
    assertThat(Rounding.of(RoundingMode.HALF_UP, new BigDecimal("10")).round(times("JPY 1000", 7, 31)))
        .isEqualTo(Money.parse("JPY 230"));
    // An increment written with trailing zeros is the same increment.
    assertThat(Rounding.of(RoundingMode.HALF_UP, new BigDecimal("0.050")))
        .isEqualTo(Rounding.of(RoundingMode.HALF_UP, new BigDecimal("0.05")));
  }

  @Test
  void rejectsAnIncrementFinerThanTheMinorUnitNamingTheCurrency() {
    Rounding tenthOfACent = Rounding.of(RoundingMode.HALF_UP, new BigDecimal("0.001"));

    assertThatThrownBy(() -> tenthOfACent.round(exact(USD, 1, 3)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("rounding.increment");
          assertThat(e.getMessage()).isEqualTo("rounding.increment is finer than the minor unit of USD: 0.001");
        });
    // Half a yen is finer than JPY's minor unit; the same increment suits BHD (scale 3).
    Rounding half = Rounding.of(RoundingMode.HALF_UP, new BigDecimal("0.5"));
    assertThatThrownBy(() -> half.round(exact(JPY, 1, 3))).hasMessageContaining("minor unit of JPY");
    assertThat(tenthOfACent.round(exact(BHD, 1, 3))).isEqualTo(Money.parse("BHD 0.333"));
  }

  @Test
  void rejectsAnIncrementThatIsNotPositive() {
    assertThatThrownBy(() -> Rounding.of(RoundingMode.HALF_UP, BigDecimal.ZERO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("rounding.increment must be positive: 0");
    assertThatThrownBy(() -> Rounding.of(RoundingMode.HALF_UP, new BigDecimal("-0.05")))
        .hasMessage("rounding.increment must be positive: -0.05");
    assertThatThrownBy(() -> Rounding.of(null)).hasMessage("rounding.mode is required: null");
  }

  @Test
  void rejectsUnnecessaryWhenTheRoundingIsMade() {
    assertThatThrownBy(() -> Rounding.of(RoundingMode.UNNECESSARY))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("rounding.mode");
          assertThat(e.value()).isEqualTo("UNNECESSARY");
        });
    assertThatThrownBy(() -> Rounding.of(RoundingMode.UNNECESSARY, new BigDecimal("0.05")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("rounding.mode must not be UNNECESSARY");
  }

  @ParameterizedTest
  @CsvSource({
      "0.03, must divide 1 exactly",
      "0.3, must divide 1 exactly",
      "2.5, must be a whole number when 1 or more",
      "0.00001, must have at most 4 decimals",
      "1E-100000000, must have at most 4 decimals",
      "1E+100000000, must have at most 18 integer digits",
      "1000000000000000000000, must have at most 18 integer digits"})
  void rejectsAnIncrementThatNoCurrencyCanUse(String increment, String rule) {
    assertThatThrownBy(() -> Rounding.of(RoundingMode.HALF_UP, new BigDecimal(increment)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("rounding.increment");
          assertThat(e.rule()).startsWith(rule);
          assertThat(new BigDecimal(e.value())).isEqualByComparingTo(new BigDecimal(increment));
        });
  }

  @ParameterizedTest
  @CsvSource({"0.0001", "0.01", "0.05", "0.25", "0.5", "1", "5", "10", "100", "1E+3"})
  void acceptsIncrementsThatDivideAUnitOrAreWhole(String increment) {
    assertThat(Rounding.of(RoundingMode.HALF_UP, new BigDecimal(increment)).increment())
        .hasValueSatisfying(i -> assertThat(i).isEqualByComparingTo(increment));
  }

  @Test
  void describesItself() {
    assertThat(HALF_UP).hasToString("HALF_UP");
    assertThat(HALF_UP.mode()).isEqualTo(RoundingMode.HALF_UP);
    assertThat(HALF_UP.increment()).isEmpty();
    Rounding nickel = Rounding.of(RoundingMode.HALF_EVEN, new BigDecimal("0.05"));
    assertThat(nickel).hasToString("HALF_EVEN to 0.05");
    assertThat(nickel.increment()).contains(new BigDecimal("0.05"));
    assertThat(HALF_UP).isEqualTo(Rounding.of(RoundingMode.HALF_UP)).isNotEqualTo(HALF_EVEN);
  }
}
