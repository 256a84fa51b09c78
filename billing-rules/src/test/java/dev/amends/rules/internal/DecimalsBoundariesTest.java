package dev.amends.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Each limit of {@link Decimals}, exactly on it and one past it. */
class DecimalsBoundariesTest {
  /** "1." and then {@code zeros} zeros: the value 1 written with 1 + zeros significant digits. */
  private static String oneWithZeros(int zeros) {
    return "1." + "0".repeat(zeros);
  }

  private static void refused(Runnable call, String field, String rule, String value) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.rule()).isEqualTo(rule);
          assertThat(e.value()).isEqualTo(value);
        });
  }

  @Test
  void eighteenIntegerDigitsAreAcceptedAndNineteenRefused() {
    assertThat(Decimals.parse("tier.value", "123456789012345678")).isEqualTo(new BigDecimal("123456789012345678"));
    refused(() -> Decimals.parse("tier.value", "1234567890123456789"),
        "tier.value", "has more than 18 integer digits", "1234567890123456789");
  }

  @Test
  void twelveFractionDigitsAreAcceptedAndThirteenRefusedTrailingZerosAside() {
    assertThat(Decimals.parse("tier.value", "0.123456789012")).isEqualTo(new BigDecimal("0.123456789012"));
    assertThat(Decimals.parse("tier.value", "0.123456789012000")).isEqualTo(new BigDecimal("0.123456789012000"));
    refused(() -> Decimals.parse("tier.value", "0.1234567890123"),
        "tier.value", "has more than 12 decimals", "0.1234567890123");
  }

  @Test
  void aTextOfExactlyAThousandDigitsIsParsedAndOneMoreRefused() {
    // 1 and 999 zeros after the point (1,001 characters, 1,000 digits): the value 1, within the limits
    assertThat(Decimals.parse("tier.value", oneWithZeros(999))).isEqualByComparingTo("1").satisfies(
        d -> assertThat(d.precision()).isEqualTo(1000));
    refused(() -> Decimals.parse("tier.value", oneWithZeros(1000)),
        "tier.value", "has more than 1000 digits", "a decimal of 1001 digits");
  }

  @Test
  void leadingZerosOfALongTextAreNotCountedAsDigits() {
    // 0.000…01 with 1,001 zeros after the point: one significant digit, so not refused for its
    // length but for its 1,002 decimals
    refused(() -> Decimals.parse("tier.value", "0." + "0".repeat(1001) + "1"),
        "tier.value", "has more than 12 decimals", "1E-1002");
  }

  @Test
  void anExponentsDigitsAreNotCountedInEitherCase() {
    // 1,000 digits before the exponent: 1.000…0E+5 is 100000
    assertThat(Decimals.parse("tier.value", oneWithZeros(999) + "E+5")).isEqualByComparingTo("100000");
    assertThat(Decimals.parse("tier.value", oneWithZeros(999) + "e+5")).isEqualByComparingTo("100000");
  }

  @Test
  void aMillionDigitsAreRefusedByTheirCountBeforeBeingParsed() {
    refused(() -> Decimals.parse("tier.value", "1".repeat(1_000_000)),
        "tier.value", "has more than 1000 digits", "a decimal of 1000000 digits");
    refused(() -> Decimals.parse("tier.value", "9".repeat(1_000_000)),
        "tier.value", "has more than 1000 digits", "a decimal of 1000000 digits");
    // the zeros after the first digit count: 1 and 999,999 zeros is a million digits
    refused(() -> Decimals.parse("tier.value", "1" + "0".repeat(999_999)),
        "tier.value", "has more than 1000 digits", "a decimal of 1000000 digits");
  }

  @Test
  void aCheckedDecimalOfExactlyAThousandDigitsIsAcceptedAndOneMoreRefused() {
    assertThat(Decimals.check("cap.multiple", new BigDecimal(oneWithZeros(999)))).isEqualByComparingTo("1");
    refused(() -> Decimals.check("cap.multiple", new BigDecimal(oneWithZeros(1000))),
        "cap.multiple", "has more than 1000 digits", "a decimal of 1001 digits");
  }

  @Test
  void normalizingStripsADecimalOfAThousandDigitsButKeepsOneOfMore() {
    assertThat(Decimals.normalized(new BigDecimal(oneWithZeros(999)))).isEqualTo(BigDecimal.ONE);
    BigDecimal longer = new BigDecimal(oneWithZeros(1000));
    assertThat(Decimals.normalized(longer)).isSameAs(longer);
  }

  @Test
  void normalizingWritesAWholeNumberWithoutExponentUpToAHundredZeros() {
    assertThat(Decimals.normalized(new BigDecimal("1E+1"))).isEqualTo(BigDecimal.TEN);
    assertThat(Decimals.normalized(new BigDecimal("10.0"))).isEqualTo(BigDecimal.TEN);
    assertThat(Decimals.normalized(new BigDecimal("1E+100"))).satisfies(d -> {
      assertThat(d.scale()).isZero();
      assertThat(d.toString()).isEqualTo("1" + "0".repeat(100));
    });
    assertThat(Decimals.normalized(new BigDecimal("1E+101"))).satisfies(d -> {
      assertThat(d.scale()).isEqualTo(-101);
      assertThat(d.toString()).isEqualTo("1E+101");
    });
    assertThat(Decimals.normalized(new BigDecimal("2.50"))).isEqualTo(new BigDecimal("2.5"));
  }

  @Test
  void showsAScaleOfAHundredPlainAndBeyondItScientific() {
    assertThat(Decimals.shown(new BigDecimal("1E-100"))).isEqualTo("0." + "0".repeat(99) + "1");
    assertThat(Decimals.shown(new BigDecimal("1E-101"))).isEqualTo("1E-101");
    assertThat(Decimals.shown(new BigDecimal("1E+100"))).isEqualTo("1" + "0".repeat(100));
    assertThat(Decimals.shown(new BigDecimal("1E+101"))).isEqualTo("1E+101");
  }
}
