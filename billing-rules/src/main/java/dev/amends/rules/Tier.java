package dev.amends.rules;

import dev.amends.rules.internal.Decimals;
import dev.amends.rules.internal.Texts;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import dev.amends.core.InvalidInputException;

/**
 * One row of an availability table: a range of availability in percent, with each bound
 * inclusive or exclusive, and the value it maps to (a percentage of the fee, or a number of
 * days).
 *
 * <pre>{@code
 * Tier.range("99.0", "99.9", "10");   // 99.0 % <= availability < 99.9 %  ->  10
 * Tier.of("95.0", false, "99.0", true, "25");  // 95.0 % < availability <= 99.0 %  ->  25
 * }</pre>
 *
 * @param lower the lower bound in percent
 * @param lowerInclusive whether availability equal to {@code lower} is in the tier
 * @param upper the upper bound in percent
 * @param upperInclusive whether availability equal to {@code upper} is in the tier
 * @param value what the tier gives: a percentage of the fee, or days
 */
public record Tier(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive, BigDecimal value) {
  /**
   * Validates each part: not null, at most 18 integer digits and 12 decimals; ranges are checked
   * when the policy is built.
   *
   * @throws InvalidInputException naming {@code tier.lower}, {@code tier.upper} or {@code
   *     tier.value} and the value
   */
  public Tier {
    Decimals.check("tier.lower", lower);
    Decimals.check("tier.upper", upper);
    Decimals.check("tier.value", value);
  }

  /**
   * {@code lower <= availability < upper -> value}: the usual "less than X %" table row.
   *
   * @param lowerInclusive a decimal such as {@code "99.0"}: digits, an optional sign, point and
   *     exponent; no spaces, comma or {@code NaN}
   * @param upperExclusive likewise
   * @param value likewise
   * @return the tier, not null
   * @throws InvalidInputException naming the part, such as {@code tier.lower is not a decimal:
   *     "99,9"}
   */
  public static Tier range(String lowerInclusive, String upperExclusive, String value) {
    return new Tier(Decimals.parse("tier.lower", lowerInclusive), true, Decimals.parse("tier.upper", upperExclusive),
        false, Decimals.parse("tier.value", value));
  }

  /**
   * A row with explicit bounds; decimals are written as for {@link #range(String, String, String)}.
   *
   * @throws InvalidInputException naming the part that is not a decimal or is out of bounds
   */
  public static Tier of(String lower, boolean lowerInclusive, String upper, boolean upperInclusive, String value) {
    return new Tier(Decimals.parse("tier.lower", lower), lowerInclusive, Decimals.parse("tier.upper", upper),
        upperInclusive, Decimals.parse("tier.value", value));
  }

  /** True if the exact availability lies in this tier. */
  public boolean contains(Ratio availability) {
    int lo = availability.compareToPercent(lower);
    int hi = availability.compareToPercent(upper);
    return (lo > 0 || (lo == 0 && lowerInclusive)) && (hi < 0 || (hi == 0 && upperInclusive));
  }

  /** Such as {@code [99, 99.9)}. */
  public String range() {
    return (lowerInclusive ? "[" : "(") + plain(lower) + ", " + plain(upper) + (upperInclusive ? "]" : ")");
  }

  static String plain(BigDecimal d) {
    return Texts.plain(d);
  }

  @Override
  public String toString() {
    return range() + "=" + plain(value);
  }
}
