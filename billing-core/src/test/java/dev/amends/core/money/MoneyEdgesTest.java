package dev.amends.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The edges of the money types that the mutation run (README, "Mutation testing") found no test
 * for: the exact limits of a rounding increment, durations just past the nanoseconds a long holds,
 * zero tests and hash codes that spread.
 */
class MoneyEdgesTest {
  private static final CurrencyUnit USD = CurrencyUnit.USD;

  @Test
  void anIncrementOfFourDecimalsIsTakenAndOfFiveIsRefused() {
    assertThat(Rounding.of(RoundingMode.HALF_UP, new BigDecimal("0.0001")).increment())
        .contains(new BigDecimal("0.0001"));
    assertThatThrownBy(() -> Rounding.of(RoundingMode.HALF_UP, new BigDecimal("0.00001")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("rounding.increment");
          assertThat(e.rule()).isEqualTo("must have at most 4 decimals (no currency is finer)");
          assertThat(e.value()).isEqualTo("0.00001");
        });
  }

  @Test
  void anIncrementOfEighteenIntegerDigitsIsTakenAndOfNineteenIsRefused() {
    BigDecimal eighteen = new BigDecimal("100000000000000000"); // 1E17: 18 digits
    assertThat(Rounding.of(RoundingMode.DOWN, eighteen).increment())
        .hasValueSatisfying(i -> assertThat(i).isEqualByComparingTo(eighteen));
    assertThatThrownBy(() -> Rounding.of(RoundingMode.DOWN, new BigDecimal("1000000000000000000"))) // 1E18: 19
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("rounding.increment");
          assertThat(e.rule()).isEqualTo("must have at most 18 integer digits");
          assertThat(e.value()).isEqualTo("1000000000000000000");
        });
  }

  @Test
  void anIncrementOfExactlyOneIsAWholeNumberAndRoundsToWholeUnits() {
    Rounding whole = Rounding.of(RoundingMode.HALF_UP, BigDecimal.ONE);
    // 2550/100 = 25.50 -> 26 whole dollars, at the currency's scale
    assertThat(whole.round(ExactMoney.of(USD, Ratio.of(2550, 100)))).isEqualTo(Money.parse("USD 26.00"));
  }

  @Test
  void aRefusedIncrementIsQuotedPlainUpToAHundredDecimalsAndScientificBeyond() {
    BigDecimal hundred = BigDecimal.ONE.movePointLeft(100); // 1E-100
    assertThatThrownBy(() -> Rounding.of(RoundingMode.HALF_UP, hundred))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.value()).isEqualTo("0." + "0".repeat(99) + "1"));
    BigDecimal hundredAndOne = BigDecimal.ONE.movePointLeft(101);
    assertThatThrownBy(() -> Rounding.of(RoundingMode.HALF_UP, hundredAndOne))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.value()).isEqualTo("1E-101"));
  }

  @Test
  void roundingsThatDifferHashApart() {
    Set<Integer> hashes = new HashSet<>();
    for (RoundingMode mode : new RoundingMode[] {RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING,
        RoundingMode.FLOOR, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN}) {
      hashes.add(Rounding.of(mode).hashCode());
      hashes.add(Rounding.of(mode, new BigDecimal("0.05")).hashCode());
    }
    assertThat(hashes).hasSize(14);
    assertThat(Rounding.of(RoundingMode.HALF_UP, new BigDecimal("0.050")))
        .isEqualTo(Rounding.of(RoundingMode.HALF_UP, new BigDecimal("0.05")))
        .hasSameHashCodeAs(Rounding.of(RoundingMode.HALF_UP, new BigDecimal("0.05")));
  }

  @Test
  void aNonZeroAmountIsNotZero() {
    assertThat(ExactMoney.of(USD, Ratio.of(1, 3)).isZero()).isFalse();
    assertThat(ExactMoney.of(USD, Ratio.of(-1, 3)).isZero()).isFalse();
    assertThat(ExactMoney.zero(USD).isZero()).isTrue();
  }

  @Test
  void exactAmountsThatDifferHashApart() {
    Set<Integer> hashes = new HashSet<>();
    for (int i = 1; i <= 50; i++) {
      hashes.add(ExactMoney.of(USD, Ratio.of(i, 7)).hashCode());
      hashes.add(ExactMoney.of(CurrencyUnit.EUR, Ratio.of(i, 7)).hashCode());
    }
    assertThat(hashes).hasSize(100);
    assertThat(ExactMoney.of(Money.parse("USD 1.50"))).hasSameHashCodeAs(ExactMoney.of(USD, Ratio.of(3, 2)));
  }

  @Test
  void aDurationJustPastTheNanosecondsALongHoldsIsExact() {
    // 9,223,372,036 s = 9,223,372,036,000,000,000 ns fits in a long (max 9,223,372,036,854,775,807);
    // adding 999,999,999 ns overflows it, so the ratio must be computed on BigIntegers.
    Duration part = Duration.ofSeconds(9_223_372_036L, 999_999_999);
    Ratio r = Ratio.of(part, Duration.ofSeconds(1));
    assertThat(r.numerator()).isEqualTo(new BigInteger("9223372036999999999"));
    assertThat(r.denominator()).isEqualTo(BigInteger.valueOf(1_000_000_000L));
    // just inside: 854,775,807 ns more is exactly Long.MAX_VALUE nanoseconds
    Ratio inside = Ratio.of(Duration.ofSeconds(9_223_372_036L, 854_775_807), Duration.ofNanos(1));
    assertThat(inside.numerator()).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE));
    assertThat(inside.denominator()).isEqualTo(BigInteger.ONE);
    // one more nanosecond: past it
    Ratio past = Ratio.of(Duration.ofSeconds(9_223_372_036L, 854_775_808), Duration.ofNanos(1));
    assertThat(past.numerator()).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
  }

  @Test
  void aNegativeDurationPastTheLongRangeIsExact() {
    // -9,223,372,037 s + 145,224,191 ns = -9,223,372,036,854,775,809 ns: one below Long.MIN_VALUE
    Ratio r = Ratio.of(Duration.ofSeconds(-9_223_372_037L, 145_224_191), Duration.ofNanos(1));
    assertThat(r.numerator()).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE));
  }
}
