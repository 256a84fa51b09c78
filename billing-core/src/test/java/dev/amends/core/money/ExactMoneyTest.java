package dev.amends.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class ExactMoneyTest {
  private static final CurrencyUnit USD = CurrencyUnit.USD;
  private static final CurrencyUnit EUR = CurrencyUnit.EUR;
  private static final Money USD_20_00 = Money.parse("USD 20.00");
  private static final Rounding HALF_UP = Rounding.of(RoundingMode.HALF_UP);

  @Test
  void keepsSevenThirtyFirstsExactUntilRoundedOnce() {
    ExactMoney share = ExactMoney.of(USD_20_00).multipliedBy(Ratio.of(7, 31));

    // 20 × 7/31 = 140/31 = 4.516129032…
    assertThat(share.amount()).isEqualTo(Ratio.of(140, 31));
    assertThat(share).hasToString("USD 4.516129");
    assertThat(share.rounded(HALF_UP)).isEqualTo(Money.parse("USD 4.52"));
  }

  @Test
  void thirtyOneSharesOfAThirtyFirstAddBackToTheWholeExactly() {
    ExactMoney day = ExactMoney.of(USD_20_00).dividedBy(Ratio.of(31));
    ExactMoney sum = ExactMoney.zero(USD);
    for (int i = 0; i < 31; i++) {
      sum = sum.plus(day);
    }

    // Rounding each day first would give 31 × 0.65 = 20.15; exact fractions give back 20.
    assertThat(sum).isEqualTo(ExactMoney.of(USD_20_00));
    assertThat(day.rounded(HALF_UP).multipliedBy(31)).isEqualTo(Money.parse("USD 20.15"));
  }

  @Test
  void convertsMoneyAndBigMoneyExactly() {
    assertThat(ExactMoney.of(Money.parse("USD 20.00")).amount()).isEqualTo(Ratio.of(20));
    assertThat(ExactMoney.of(BigMoney.parse("USD 4.5161")).amount()).isEqualTo(Ratio.of(45_161, 10_000));
    assertThat(ExactMoney.of(Money.parse("JPY 1000")).amount()).isEqualTo(Ratio.of(1000));
    assertThat(ExactMoney.of(Money.parse("BHD 1.125")).amount()).isEqualTo(Ratio.of(9, 8));
    assertThat(ExactMoney.of(Money.parse("USD 20.00")).currency()).isEqualTo(USD);
  }

  @Test
  void addsSubtractsAndScales() {
    ExactMoney ten = ExactMoney.of(USD, Ratio.of(10));
    ExactMoney third = ExactMoney.of(USD, Ratio.of(1, 3));

    // 10 + 1/3 = 31/3; 10 − 1/3 = 29/3
    assertThat(ten.plus(third).amount()).isEqualTo(Ratio.of(31, 3));
    assertThat(ten.minus(third).amount()).isEqualTo(Ratio.of(29, 3));
    assertThat(third.multipliedBy(3).amount()).isEqualTo(Ratio.ONE);
    assertThat(ten.dividedBy(Ratio.of(4)).amount()).isEqualTo(Ratio.of(5, 2));
    assertThat(ten.negated().amount()).isEqualTo(Ratio.of(-10));
  }

  @Test
  void takesAPercentageOfItself() {
    // 10 % of USD 20.00 = USD 2; 12.5 % = USD 2.5
    assertThat(ExactMoney.of(USD_20_00).percent(new BigDecimal("10")).amount()).isEqualTo(Ratio.of(2));
    assertThat(ExactMoney.of(USD_20_00).percent(new BigDecimal("12.5")).amount()).isEqualTo(Ratio.of(5, 2));
  }

  @Test
  void rejectsMixedCurrenciesNamingTheCurrency() {
    ExactMoney usd = ExactMoney.of(USD, Ratio.ONE);
    ExactMoney eur = ExactMoney.of(EUR, Ratio.ONE);

    assertThatThrownBy(() -> usd.plus(eur))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("currency");
          assertThat(e.getMessage()).isEqualTo("currency must match USD: EUR");
        });
    assertThatThrownBy(() -> usd.minus(eur)).hasMessage("currency must match USD: EUR");
    assertThatThrownBy(() -> usd.compareTo(eur)).hasMessage("currency must match USD: EUR");
    assertThatThrownBy(() -> eur.max(usd)).hasMessage("currency must match EUR: USD");
    assertThatThrownBy(() -> eur.min(usd)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void comparesAndPicksTheFirstOnATie() {
    ExactMoney a = ExactMoney.of(USD, Ratio.of(1, 2));
    ExactMoney b = ExactMoney.of(USD, Ratio.of(2, 4));
    ExactMoney c = ExactMoney.of(USD, Ratio.of(3, 4));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(ExactMoney.of(EUR, Ratio.of(1, 2)));
    assertThat(a.min(b)).isSameAs(a);
    assertThat(a.max(b)).isSameAs(a);
    assertThat(a.max(c)).isSameAs(c);
    assertThat(c.min(a)).isSameAs(a);
    assertThat(a).isLessThan(c);
  }

  @Test
  void knowsItsSign() {
    assertThat(ExactMoney.zero(USD).isZero()).isTrue();
    assertThat(ExactMoney.of(USD, Ratio.of(1, 100)).isPositive()).isTrue();
    assertThat(ExactMoney.of(USD, Ratio.of(-1, 100)).isNegative()).isTrue();
    assertThat(ExactMoney.zero(USD).isPositive()).isFalse();
    assertThat(ExactMoney.zero(USD).isNegative()).isFalse();
  }

  @Test
  void displaysAtTheCurrencyScalePlusExtraDigits() {
    ExactMoney share = ExactMoney.of(USD, Ratio.of(140, 31));

    assertThat(share.toDisplay(0)).isEqualTo("USD 4.52");
    assertThat(share.toDisplay(2)).isEqualTo("USD 4.5161");
    // Trailing zeros beyond the currency's scale are trimmed, but not below it.
    assertThat(ExactMoney.of(USD, Ratio.of(25, 8)).toDisplay(4)).isEqualTo("USD 3.125");
    assertThat(ExactMoney.of(USD, Ratio.of(20)).toDisplay(4)).isEqualTo("USD 20.00");
    // JPY has no minor unit: 7000/31 = 225.806451…
    assertThat(ExactMoney.of(CurrencyUnit.JPY, Ratio.of(7000, 31)).toDisplay(2)).isEqualTo("JPY 225.81");
    assertThat(ExactMoney.of(CurrencyUnit.JPY, Ratio.of(1000)).toDisplay(4)).isEqualTo("JPY 1000");
  }

  @Test
  void rejectsNullPartsNamingThem() {
    assertThatThrownBy(() -> ExactMoney.of(null, Ratio.ONE)).hasMessage("currency is required: null");
    assertThatThrownBy(() -> ExactMoney.of(USD, null)).hasMessage("amount is required: null");
  }
}
