package dev.amends.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.internal.MoneyInternals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free money paths the engine takes per credit line (comparing a rounded line with
 * its cap, the display text, sums that start at zero) give exactly what the exact paths give,
 * including amounts near {@code Long} overflow, amounts held as {@code BigInteger}s and negative
 * amounts.
 */
class MoneyFastPathsTest {
  private static final CurrencyUnit USD = CurrencyUnit.USD;
  private static final CurrencyUnit JPY = CurrencyUnit.JPY;
  private static final CurrencyUnit BHD = CurrencyUnit.of("BHD");
  private static final CurrencyUnit CLF = CurrencyUnit.of("CLF");

  // ---------------------------------------------------------------- the rounded line against its cap

  @Property(tries = 3000)
  void roundedComparedWithALimitMatchesTheExactPath(@ForAll("ratios") Ratio amount,
      @ForAll("ratios") Ratio limit, @ForAll("modes") RoundingMode mode, @ForAll("currencies") CurrencyUnit currency) {
    Rounding rounding = Rounding.of(mode);
    ExactMoney a = ExactMoney.of(currency, amount);
    ExactMoney l = ExactMoney.of(currency, limit);

    assertThat(rounding.compareRounded(a, l)).isEqualTo(rounding.compareRoundedExactly(a, l));
    assertThat(MoneyInternals.compareRounded(a, rounding, l)).isEqualTo(rounding.compareRoundedExactly(a, l));
  }

  @Property(tries = 3000)
  void roundedComparedWithALimitAtTheRoundedValueMatchesTheExactPath(@ForAll("ratios") Ratio amount,
      @ForAll("modes") RoundingMode mode, @ForAll("currencies") CurrencyUnit currency,
      @ForAll("nudges") Ratio nudge) {
    // The limit on the rounded value itself, or a hair either side of it: where a wrong shortcut shows.
    Rounding rounding = Rounding.of(mode);
    ExactMoney a = ExactMoney.of(currency, amount);
    ExactMoney l = ExactMoney.of(currency, Ratio.of(a.rounded(rounding).getAmount()).plus(nudge));

    assertThat(rounding.compareRounded(a, l)).isEqualTo(rounding.compareRoundedExactly(a, l));
  }

  @Property(tries = 3000)
  void ratioRoundedToAnyScaleComparedWithALimitMatchesTheExactPath(@ForAll("ratios") Ratio value,
      @ForAll("ratios") Ratio limit, @ForAll("modes") RoundingMode mode, @ForAll("scales") int scale) {
    Ratio atTheRoundedValue = Ratio.of(value.toBigDecimal(scale, mode));

    assertThat(value.compareRounded(scale, mode, limit)).isEqualTo(value.compareRoundedExactly(scale, mode, limit));
    assertThat(value.compareRounded(scale, mode, atTheRoundedValue)).isZero();
  }

  @Property(tries = 500)
  void roundedToAnIncrementComparedWithALimitMatchesTheExactPath(@ForAll("ratios") Ratio amount,
      @ForAll("ratios") Ratio limit, @ForAll("modes") RoundingMode mode) {
    Rounding rounding = Rounding.of(mode, new BigDecimal("0.05"));
    ExactMoney a = ExactMoney.of(USD, amount.dividedBy(Ratio.of(1_000_000)));
    ExactMoney l = ExactMoney.of(USD, limit.dividedBy(Ratio.of(1_000_000)));

    assertThat(rounding.compareRounded(a, l)).isEqualTo(Integer.signum(ExactMoney.of(rounding.round(a)).compareTo(l)));
  }

  @Test
  void roundedLineAgainstItsCapIsComparedAsMoney() {
    Rounding halfUp = Rounding.of(RoundingMode.HALF_UP);
    ExactMoney share = ExactMoney.of(USD, Ratio.of(140, 31)); // 4.516... rounds half-up to 4.52
    ExactMoney limit = ExactMoney.of(USD, Ratio.of(4515, 1000)); // 4.515

    assertThat(halfUp.compareRounded(share, limit)).isEqualTo(1); // 4.52 > 4.515
    assertThat(halfUp.compareRounded(share, ExactMoney.of(USD, Ratio.of(452, 100)))).isZero(); // 4.52 = 4.52
    assertThat(Rounding.of(RoundingMode.DOWN).compareRounded(share, limit)).isEqualTo(-1); // 4.51 < 4.515
  }

  @Test
  void roundedComparedWithALimitInAnotherCurrencyIsRefused() {
    Rounding halfUp = Rounding.of(RoundingMode.HALF_UP);

    assertThatThrownBy(() -> halfUp.compareRounded(ExactMoney.of(USD, Ratio.ONE), ExactMoney.of(JPY, Ratio.ONE)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("currency");
  }

  @Test
  void theInternalsAreRegisteredOnceAndRefuseAScaleOutOfRange() {
    Ratio third = Ratio.of(1, 3); // Ratio is initialised: the implementation is registered

    assertThatThrownBy(() -> MoneyInternals.register(new InternalOps()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("registered already");
    assertThatThrownBy(() -> MoneyInternals.appendHalfUp(third, 2, 3, new StringBuilder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minScale 3 must lie in 0..2");
    assertThatThrownBy(() -> MoneyInternals.appendHalfUp(third, 2, -1, new StringBuilder()))
        .isInstanceOf(IllegalArgumentException.class);
    StringBuilder text = new StringBuilder();
    assertThat(MoneyInternals.appendHalfUp(third, 4, 0, text)).isTrue();
    assertThat(text).hasToString("0.3333");
  }

  // ---------------------------------------------------------------- display

  @Property(tries = 3000)
  void displayMatchesTheExactPath(@ForAll("ratios") Ratio amount, @ForAll("currencies") CurrencyUnit currency,
      @ForAll("extraDigits") int extraDigits) {
    ExactMoney m = ExactMoney.of(currency, amount);

    assertThat(m.toDisplay(extraDigits)).isEqualTo(m.toDisplayExactly(extraDigits));
  }

  @Property(tries = 3000)
  void halfUpTextMatchesTheDecimalsText(@ForAll("ratios") Ratio value, @ForAll("scales") int scale,
      @ForAll("scales") int anyMinScale) {
    int minScale = Math.min(anyMinScale, scale);
    StringBuilder text = new StringBuilder("> ");
    BigDecimal stripped = value.toBigDecimal(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    BigDecimal expected = stripped.scale() < minScale ? stripped.setScale(minScale, RoundingMode.UNNECESSARY) : stripped;

    if (value.appendHalfUp(scale, minScale, text)) {
      assertThat(text).hasToString("> " + expected.toPlainString());
    } else {
      assertThat(text).hasToString("> "); // nothing appended: the caller takes the exact path
    }
    StringBuilder through = new StringBuilder();
    assertThat(MoneyInternals.appendHalfUp(value, scale, minScale, through)).isEqualTo(!through.isEmpty());
  }

  @Test
  void displayTrimsZerosBeyondTheCurrencysScaleOnly() {
    assertThat(ExactMoney.of(USD, Ratio.of(25, 8)).toDisplay(4)).isEqualTo("USD 3.125");
    assertThat(ExactMoney.of(USD, Ratio.of(140, 31)).toDisplay(4)).isEqualTo("USD 4.516129"); // 4.51612903...
    assertThat(ExactMoney.of(USD, Ratio.of(-1, 20)).toDisplay(4)).isEqualTo("USD -0.05");
    assertThat(ExactMoney.of(USD, Ratio.of(-1, 200_000)).toDisplay(4)).isEqualTo("USD -0.000005");
    assertThat(ExactMoney.zero(USD).toDisplay(4)).isEqualTo("USD 0.00");
    assertThat(ExactMoney.of(JPY, Ratio.of(1000)).toDisplay(2)).isEqualTo("JPY 1000");
    assertThat(ExactMoney.of(BHD, Ratio.of(1, 3)).toDisplay(0)).isEqualTo("BHD 0.333");
  }

  // ---------------------------------------------------------------- sums from zero

  @Property(tries = 2000)
  void sumsWithZeroAreTheOtherTerm(@ForAll("ratios") Ratio r) {
    assertThat(Ratio.ZERO.plus(r)).isEqualTo(r).isSameAs(r);
    assertThat(r.plus(Ratio.ZERO)).isEqualTo(r).isSameAs(r);
    assertThat(r.minus(Ratio.ZERO)).isEqualTo(r).isSameAs(r);
    assertThat(Ratio.ZERO.minus(r)).isEqualTo(r.negated());
    ExactMoney m = ExactMoney.of(USD, r);
    assertThat(ExactMoney.zero(USD).plus(m)).isEqualTo(m);
    assertThat(m.plus(ExactMoney.zero(USD))).isEqualTo(m);
  }

  @Property(tries = 2000)
  void sumsMatchTheBigIntegerSum(@ForAll("ratios") Ratio a, @ForAll("ratios") Ratio b) {
    // a/b + c/d = (ad + cb)/bd, in BigIntegers, as the reference.
    BigInteger n = a.numerator().multiply(b.denominator()).add(b.numerator().multiply(a.denominator()));
    Ratio expected = Ratio.of(n, a.denominator().multiply(b.denominator()));

    assertThat(a.plus(b)).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(a.minus(b.negated())).isEqualTo(expected);
  }

  @Test
  void zeroIsSharedPerCurrency() {
    assertThat(ExactMoney.zero(USD)).isSameAs(ExactMoney.zero(USD)).isEqualTo(ExactMoney.of(USD, Ratio.ZERO));
    assertThat(ExactMoney.zero(JPY)).isNotEqualTo(ExactMoney.zero(USD));
    assertThat(ExactMoney.zero(USD).plus(ExactMoney.of(USD, Ratio.of(3, 4))).rounded(Rounding.of(RoundingMode.HALF_UP)))
        .isEqualTo(Money.of(USD, new BigDecimal("0.75")));
    assertThatThrownBy(() -> ExactMoney.zero(null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("currency");
    assertThatThrownBy(() -> ExactMoney.zero(USD).plus(ExactMoney.of(JPY, Ratio.ONE)))
        .isInstanceOf(InvalidInputException.class);
  }

  // ---------------------------------------------------------------- arbitraries

  @Provide
  Arbitrary<Ratio> ratios() {
    Arbitrary<Long> numerators = Arbitraries.oneOf(
        Arbitraries.longs().between(-100_000, 100_000),
        Arbitraries.longs(),
        Arbitraries.longs().between(Long.MAX_VALUE - 1000, Long.MAX_VALUE),
        Arbitraries.longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 1000),
        Arbitraries.longs().between(-(1L << 40), 1L << 40));
    Arbitrary<Long> denominators = Arbitraries.oneOf(
        Arbitraries.longs().between(1, 1000),
        Arbitraries.of(1L, 2L, 3L, 7L, 31L, 100L, 1000L, 10_000L),
        Arbitraries.longs().between(1, Long.MAX_VALUE),
        Arbitraries.longs().between(Long.MAX_VALUE - 1000, Long.MAX_VALUE));
    Arbitrary<Ratio> longs = Combinators.combine(numerators, denominators).as(Ratio::of);
    // Beyond longs: held as BigIntegers.
    Arbitrary<Ratio> big = Combinators.combine(numerators, denominators, Arbitraries.integers().between(1, 3))
        .as((n, d, k) -> Ratio.of(BigInteger.valueOf(n).shiftLeft(64 * k).add(BigInteger.ONE), BigInteger.valueOf(d)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, longs), net.jqwik.api.Tuple.of(1, big), net.jqwik.api.Tuple.of(1,
            Arbitraries.of(Ratio.ZERO, Ratio.ONE, Ratio.ONE.negated(), Ratio.of(1, 2), Ratio.of(-1, 2),
                Ratio.of(5, 1000), Ratio.of(-5, 1000), Ratio.of(Long.MAX_VALUE), Ratio.of(-Long.MAX_VALUE))));
  }

  @Provide
  Arbitrary<Ratio> nudges() {
    return Arbitraries.of(List.of(Ratio.ZERO, Ratio.of(1, 1_000_000_007L), Ratio.of(-1, 1_000_000_007L),
        Ratio.of(1, Long.MAX_VALUE), Ratio.of(-1, Long.MAX_VALUE), Ratio.of(1, 1000), Ratio.of(-1, 1000)));
  }

  @Provide
  Arbitrary<RoundingMode> modes() {
    return Arbitraries.of(RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR,
        RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN);
  }

  @Provide
  Arbitrary<CurrencyUnit> currencies() {
    return Arbitraries.of(USD, JPY, BHD, CLF);
  }

  @Provide
  Arbitrary<Integer> scales() {
    return Arbitraries.integers().between(0, 20);
  }

  @Provide
  Arbitrary<Integer> extraDigits() {
    return Arbitraries.integers().between(-1, 20);
  }
}
