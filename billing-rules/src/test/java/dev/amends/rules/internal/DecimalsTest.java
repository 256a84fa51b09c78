package dev.amends.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {
  @ParameterizedTest
  @ValueSource(strings = {"99.999999999999", "999999999999999999", "999999999999999999.999999999999",
      "1.50000000000000000000", "1E+17", "-0.5", "0"})
  void acceptsUpToEighteenIntegerDigitsAndTwelveDecimalsTrailingZerosAside(String text) {
    assertThat(Decimals.parse("f", text)).isEqualByComparingTo(new BigDecimal(text));
  }

  @ParameterizedTest
  @CsvSource({
      "99.9999999999999, has more than 12 decimals",
      "1000000000000000000, has more than 18 integer digits",
      "1E+18, has more than 18 integer digits",
      "1E-13, has more than 12 decimals"})
  void refusesDigitsBeyondTheLimitsNamingTheRule(String text, String rule) {
    assertThatThrownBy(() -> Decimals.parse("tier.value", text))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("tier.value");
          assertThat(e.rule()).isEqualTo(rule);
        });
  }

  @Test
  void showsTheTextThatIsNotADecimalWithControlCharactersEscaped() {
    assertThatThrownBy(() -> Decimals.parse("tier.lower", "99.9\n"))
        .hasMessage("tier.lower is not a decimal: \"99.9\\u000a\"");
  }
}
