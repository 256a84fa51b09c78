package dev.amends.rules.internal;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.math.BigDecimal;

/**
 * The decimals a policy states: percentages, availability thresholds and tier bounds, multiples,
 * numbers of days or periods. Each must have at most {@value #MAX_INTEGER_DIGITS} integer digits
 * and at most {@value #MAX_FRACTION_DIGITS} fraction digits (trailing zeros do not count), so
 * {@code 99.999999999999} is fine and {@code 1E-100000000} is refused when the rule is built
 * rather than making a decision compute for hours. Money amounts are limited by their currency.
 */
public final class Decimals {
  /** The most digits before the point. */
  public static final int MAX_INTEGER_DIGITS = 18;
  /** The most digits after the point, trailing zeros aside. */
  public static final int MAX_FRACTION_DIGITS = 12;

  private Decimals() {}

  /**
   * Parses a decimal written as text, such as {@code "99.9"}: digits, an optional sign, point and
   * exponent, nothing else (no spaces, no comma, no {@code NaN}).
   *
   * @throws InvalidInputException naming the field and the text if it is null, not a decimal, or
   *     beyond the limits
   */
  public static BigDecimal parse(String field, String text) {
    Checks.notNull(field, text);
    if (text.length() > 1000) { // parsing a huge decimal takes time quadratic in its digits: count first
      long digits = significantDigits(text);
      if (digits > 1000) {
        throw InvalidInputException.of(field, "has more than 1000 digits", "a decimal of " + digits + " digits");
      }
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(field, "is not a decimal", "\"" + Checks.escaped(text) + "\"");
    }
    return check(field, value);
  }

  /** The digits of a decimal's text before any exponent, leading zeros left out; cheap on any length. */
  private static long significantDigits(String text) {
    long digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        break;
      }
      if (c >= '1' && c <= '9' || c == '0' && digits > 0) {
        digits++;
      }
    }
    return digits;
  }

  /**
   * Checks a decimal against the limits.
   *
   * @throws InvalidInputException naming the field and the value if it is null or beyond them
   */
  public static BigDecimal check(String field, BigDecimal value) {
    Checks.notNull(field, value);
    if (value.precision() > 1000) { // before stripping zeros, which takes time quadratic in the digits
      throw InvalidInputException.of(
          field, "has more than 1000 digits", "a decimal of " + value.precision() + " digits");
    }
    BigDecimal s = value.stripTrailingZeros();
    if (s.scale() > MAX_FRACTION_DIGITS) {
      throw InvalidInputException.of(field, "has more than " + MAX_FRACTION_DIGITS + " decimals", shown(value));
    }
    if ((long) s.precision() - s.scale() > MAX_INTEGER_DIGITS) {
      throw InvalidInputException.of(field, "has more than " + MAX_INTEGER_DIGITS + " integer digits", shown(value));
    }
    return value;
  }

  /** The plain form of a decimal of sane size, else its scientific form (never a million digits). */
  public static String shown(BigDecimal d) {
    return Math.abs((long) d.scale()) <= 100 ? d.toPlainString() : d.toString();
  }

  /**
   * The decimal without trailing zeros and, for a whole number of sane size, without an exponent
   * ({@code 10.0} and {@code 1E+1} become {@code 10}), so equal numbers are equal decimals. A
   * decimal of more than 1000 digits, or with an exponent beyond 100, is kept as it is rather than
   * expanded.
   */
  public static BigDecimal normalized(BigDecimal d) {
    if (d.precision() > 1000) {
      return d;
    }
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 && s.scale() >= -100 ? s.setScale(0) : s;
  }
}
