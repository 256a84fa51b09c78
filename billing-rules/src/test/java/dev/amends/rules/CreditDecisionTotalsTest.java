package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** A decision's totals per currency: the sum of its lines, whatever the number of currencies. */
class CreditDecisionTotalsTest {
  private static final CurrencyUnit USD = CurrencyUnit.USD;
  private static final CurrencyUnit EUR = CurrencyUnit.EUR;

  private static CreditDecision decisionOf(String... amounts) {
    List<CreditLine> lines = new ArrayList<>();
    for (int i = 0; i < amounts.length; i++) {
      lines.add(LiabilitySummaryTest.line("a1", "s" + i, "r/" + i, CreditLine.Kind.CREDIT, amounts[i]));
    }
    return LiabilitySummaryTest.decision("a1", Set.of(), lines.toArray(CreditLine[]::new));
  }

  @Test
  void linesInOneCurrencySumToOneTotal() {
    // 12.50 + 0.25 + 7.10 = 19.85
    CreditDecision d = decisionOf("USD 12.50", "USD 0.25", "USD 7.10");
    assertThat(d.totals()).containsExactly(entry(USD, Money.parse("USD 19.85")));
    assertThat(d.total(USD)).isEqualTo(Money.parse("USD 19.85"));
    assertThat(d.total(EUR)).isEqualTo(Money.parse("EUR 0.00"));
    assertThat(d.totals().get(null)).isNull();
    assertThat(d.totals()).hasToString("{USD=USD 19.85}");
  }

  @Test
  void linesInTwoCurrenciesSumPerCurrencyInTheOrderTheyFirstAppear() {
    // USD: 12.50 + 1.00 = 13.50; EUR: 4.33
    CreditDecision d = decisionOf("USD 12.50", "EUR 4.33", "USD 1.00");
    assertThat(d.totals()).containsExactly(entry(USD, Money.parse("USD 13.50")), entry(EUR, Money.parse("EUR 4.33")));
    assertThat(d.totals().get(null)).isNull();
  }

  @Test
  void aDecisionWithoutLinesHasNoTotals() {
    CreditDecision d = decisionOf();
    assertThat(d.totals()).isEmpty();
    assertThat(d.total(USD)).isEqualTo(Money.parse("USD 0.00"));
  }

  @Test
  void totalsCannotBeChanged() {
    CreditDecision one = decisionOf("USD 1.00");
    CreditDecision two = decisionOf("USD 1.00", "EUR 2.00");
    assertThatThrownBy(() -> one.totals().put(EUR, Money.parse("EUR 1.00")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> two.totals().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(one.totals()).containsExactly(entry(USD, Money.parse("USD 1.00")));
  }

  @Property(tries = 200)
  void totalsAreTheLinesSummedPerCurrencyInFirstAppearanceOrder(
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 2) Integer> currencies,
      @ForAll @Size(min = 6, max = 6) List<@IntRange(min = 1, max = 1_000_000) Integer> cents) {
    CurrencyUnit[] units = {USD, EUR, CurrencyUnit.JPY};
    String[] amounts = new String[currencies.size()];
    Map<CurrencyUnit, Long> minor = new LinkedHashMap<>();
    for (int i = 0; i < amounts.length; i++) {
      CurrencyUnit unit = units[currencies.get(i)];
      Money m = Money.ofMinor(unit, cents.get(i));
      amounts[i] = m.toString();
      minor.merge(unit, (long) cents.get(i), Long::sum);
    }
    Map<CurrencyUnit, Money> expected = new LinkedHashMap<>();
    minor.forEach((unit, sum) -> expected.put(unit, Money.ofMinor(unit, sum)));
    assertThat(decisionOf(amounts).totals()).containsExactlyEntriesOf(expected);
  }
}
