package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.time.Duration;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** Trace values keep what they are and read as the reasons write the same numbers. */
class TraceValueTest {
  @Test
  void availabilityReadsTruncatedToFourDecimals() {
    // 7 h down in December 2007 (744 h): 737/744 = 99.05913978...% -> 99.0591 %
    assertThat(TraceValue.availability(Ratio.of(737, 744)).text()).isEqualTo("99.0591 %");
    assertThat(TraceValue.availability(Ratio.ONE).text()).isEqualTo("100 %");
    assertThat(TraceValue.availability(Ratio.of(99, 100)).text()).isEqualTo("99 %");
  }

  @Test
  void moneyReadsWithUpToFourExtraDigits() {
    // 20.00 x 7 / 31 = 4.516129032... -> USD 4.516129 (the currency's 2 digits and 4 more)
    assertThat(TraceValue.money(ExactMoney.of(CurrencyUnit.USD, Ratio.of(140, 31))).text()).isEqualTo("USD 4.516129");
    assertThat(TraceValue.money(ExactMoney.of(CurrencyUnit.USD, Ratio.of(20))).text()).isEqualTo("USD 20.00");
  }

  @Test
  void durationReadsInMinutes() {
    assertThat(TraceValue.duration(Duration.ofHours(7)).text()).isEqualTo("420 min");
    assertThat(TraceValue.duration(Duration.ofSeconds(2592)).text()).isEqualTo("43.2 min");
  }

  @Test
  void numbersReadPlainAndCompareByValue() {
    assertThat(TraceValue.percent(new BigDecimal("10.00")).text()).isEqualTo("10");
    assertThat(TraceValue.percent(new BigDecimal("10.00"))).isEqualTo(TraceValue.percent(new BigDecimal("1E+1")))
        .hasSameHashCodeAs(TraceValue.percent(BigDecimal.TEN));
    assertThat(TraceValue.number(new BigDecimal("1.50")).text()).isEqualTo("1.5");
    assertThat(TraceValue.count(3).text()).isEqualTo("3");
    // 7/2 = 3.5 days; 1/3 = 0.3333 days, to 4 decimals
    assertThat(TraceValue.days(Ratio.of(7, 2)).text()).isEqualTo("3.5");
    assertThat(TraceValue.days(Ratio.of(1, 3)).text()).isEqualTo("0.3333");
  }

  @Test
  void aHugeExponentIsNeverExpanded() {
    assertThat(TraceValue.percent(new BigDecimal("1E+100000000")).text()).isEqualTo("1E+100000000");
  }

  @Test
  void textIsEscapedToOneLine() {
    assertThat(TraceValue.text("a\nrule sla CREDITED").text()).isEqualTo("a\\u000arule sla CREDITED");
  }

  @Test
  void aMissingValueIsNamed() {
    assertThatThrownBy(() -> TraceValue.availability(null))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("traceValue.availability"));
    assertThatThrownBy(() -> TraceValue.money(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("traceValue.money"));
  }
}
