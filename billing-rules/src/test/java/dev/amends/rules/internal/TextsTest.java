package dev.amends.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void aWholeNumberIsWrittenWithoutPointOrExponent() {
    assertThat(Texts.plain(new BigDecimal("1E+1"))).isEqualTo("10");
    assertThat(Texts.plain(new BigDecimal("10.000"))).isEqualTo("10");
    assertThat(Texts.plain(new BigDecimal("7"))).isEqualTo("7");
    assertThat(Texts.plain(new BigDecimal("99.90"))).isEqualTo("99.9");
    assertThat(Texts.number(Ratio.of(100))).isEqualTo("100");
    assertThat(Texts.number(Ratio.of(7))).isEqualTo("7");
  }

  @Test
  void aRatioIsRoundedHalfUpToFourDecimalsWithoutTrailingZeros() {
    assertThat(Texts.number(Ratio.of(2, 3))).isEqualTo("0.6667"); // 0.66666… rounds up
    assertThat(Texts.number(Ratio.of(1, 3))).isEqualTo("0.3333");
    assertThat(Texts.number(Ratio.of(5, 2))).isEqualTo("2.5");
    assertThat(Texts.number(Ratio.of(1, 20000))).isEqualTo("0.0001"); // 0.00005, half up
  }
}
