package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JsonGenerator;

/** The shapes money is written in ({@link MoneyJson}), each pinned to the character. */
class MoneyJsonTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "USD | 12.5   | {\"amount\":\"12.50\",\"currency\":\"USD\"}",
      "USD | -2     | {\"amount\":\"-2.00\",\"currency\":\"USD\"}",
      "JPY | 1500   | {\"amount\":\"1500\",\"currency\":\"JPY\"}",
      "BHD | 1.234  | {\"amount\":\"1.234\",\"currency\":\"BHD\"}",
      "EUR | 0      | {\"amount\":\"0.00\",\"currency\":\"EUR\"}",
  })
  void writesMoneyAtTheCurrencysScaleWithTheAmountAString(String currency, String amount, String json) {
    Money money = Money.of(CurrencyUnit.of(currency), new BigDecimal(amount));

    assertThat(MoneyJson.text(money)).isEqualTo(json);
    assertThat(DecisionJson.toJson(money)).isEqualTo(json);
    assertThat(MoneyJson.node(money).toString()).isEqualTo(json);
    assertThat(generated(g -> MoneyJson.write(g, money))).isEqualTo(json);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "USD | 21 | 2 | {\"amount\":\"21/2\",\"currency\":\"USD\"}",
      "USD | 20 | 1 | {\"amount\":\"20\",\"currency\":\"USD\"}",
      "JPY | -1 | 3 | {\"amount\":\"-1/3\",\"currency\":\"JPY\"}",
  })
  void writesExactMoneyWithTheAmountAFraction(String currency, long numerator, long denominator, String json) {
    ExactMoney money = ExactMoney.of(CurrencyUnit.of(currency), Ratio.of(numerator, denominator));

    assertThat(generated(g -> MoneyJson.write(g, money))).isEqualTo(json);
  }

  /**
   * Every currency, any amount at its scale (claw-backs too): the text written is the one the
   * Joda-Money module (which reads it back) writes.
   */
  @Property(tries = 500)
  void streamedMoneyIsTheModulesTextForEveryCurrency(
      @ForAll("currencies") CurrencyUnit currency, @ForAll @LongRange(min = -999_999_999_999L, max = 999_999_999_999L) long units) {
    Money money = Money.of(currency, BigDecimal.valueOf(units, Math.max(0, currency.getDecimalPlaces())));

    assertThat(generated(g -> MoneyJson.write(g, money))).isEqualTo(Json.MAPPER.writeValueAsString(money));
    assertThat(MoneyJson.text(money)).isEqualTo(Json.MAPPER.writeValueAsString(money));
  }

  @Provide
  Arbitrary<CurrencyUnit> currencies() {
    return Arbitraries.of(CurrencyUnit.registeredCurrencies());
  }

  private static String generated(java.util.function.Consumer<JsonGenerator> write) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      write.accept(g);
    }
    return out.toString();
  }
}
