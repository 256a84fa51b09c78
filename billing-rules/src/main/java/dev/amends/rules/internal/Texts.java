package dev.amends.rules.internal;

import dev.amends.core.money.internal.MoneyInternals;
import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;

/** Renders numbers for reasons and traces. */
public final class Texts {
  private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

  private Texts() {}

  /** Availability truncated to 4 decimals: {@code 99.0591 %}. */
  public static String percent(Measurement m) {
    return m.availabilityPercent(4).stripTrailingZeros().toPlainString() + " %";
  }

  public static String percent(BigDecimal p) {
    return p.stripTrailingZeros().toPlainString() + " %";
  }

  /** Money with up to four digits past the currency's scale: {@code USD 4.516129}. */
  public static String money(ExactMoney m) {
    return m.toDisplay(4);
  }

  public static String number(Ratio r) {
    return appendNumber(r, new StringBuilder(24)).toString();
  }

  /**
   * Appends {@link #number}'s text: in longs when the ratio and its rounding fit (the same digits,
   * without the BigDecimals), else exactly.
   */
  private static StringBuilder appendNumber(Ratio r, StringBuilder text) {
    return MoneyInternals.appendHalfUp(r, 4, 0, text) ? text : text.append(numberExactly(r));
  }

  /** {@link #number} through {@link BigDecimal}, always; the reference its fast path is tested against. */
  static String numberExactly(Ratio r) {
    BigDecimal d = r.toBigDecimal(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
  }

  /**
   * An integer's digits, as {@link BigInteger#toString()} writes them: through {@link
   * Long#toString(long)} when it fits a long (most counts), which is several times quicker.
   */
  public static String integer(BigInteger n) {
    return n.bitLength() < Long.SIZE ? Long.toString(n.longValue()) : n.toString();
  }

  /** A decimal without trailing zeros, in plain form: {@code 99.9}, {@code 10}. */
  public static String plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /** Minutes, exact when whole: {@code 420 min}. */
  public static String minutes(Duration d) {
    if (d.getNano() == 0 && d.getSeconds() % 60 == 0) {
      // whole minutes: number() of an integer is its digits; no fraction to reduce and round
      return d.getSeconds() / 60 + " min";
    }
    return appendNumber(Ratio.of(d, ONE_MINUTE), new StringBuilder(24)).append(" min").toString();
  }
}
