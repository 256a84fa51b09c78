package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** The summary's running sums are the exact sums of the amounts added. */
class LiabilitySummarySumTest {
  @Property
  void aSumIsTheTotalOfItsAmounts(@ForAll List<@LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) Long> minors) {
    LiabilitySummary.Sum sum = new LiabilitySummary.Sum(CurrencyUnit.EUR);
    Money expected = Money.zero(CurrencyUnit.EUR);
    for (long m : minors) {
      sum.add(Money.ofMinor(CurrencyUnit.EUR, m));
      expected = expected.plus(Money.ofMinor(CurrencyUnit.EUR, m));
    }
    assertThat(sum.money()).isEqualTo(expected);
  }

  @Test
  void aSumPastTheLargestLongStaysExact() {
    LiabilitySummary.Sum sum = new LiabilitySummary.Sum(CurrencyUnit.USD);
    sum.add(Money.ofMinor(CurrencyUnit.USD, Long.MAX_VALUE));
    sum.add(Money.parse("USD 0.01"));
    sum.add(Money.parse("USD 1.00"));
    // 9,223,372,036,854,775,807 + 1 + 100 minor units = 9,223,372,036,854,775,908 cents
    assertThat(sum.money()).isEqualTo(Money.parse("USD 92233720368547759.08"));
  }

  @Test
  void aJapaneseYenSumHasNoDecimals() {
    LiabilitySummary.Sum sum = new LiabilitySummary.Sum(CurrencyUnit.JPY);
    sum.add(Money.parse("JPY 29600"));
    sum.add(Money.parse("JPY 400"));
    assertThat(sum.money()).isEqualTo(Money.parse("JPY 30000"));
    assertThat(sum.money().getAmount().scale()).isZero();
  }
}
