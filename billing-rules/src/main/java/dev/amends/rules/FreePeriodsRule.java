package dev.amends.rules;

import dev.amends.core.InvalidInputException;
import java.math.BigDecimal;

/**
 * A number of free months (or periods), valued by a named rule. Free months are valued at the
 * price in force at the start of the period or, for a subscription that started within the period
 * under a price that starts with it, at the price of its first active day.
 *
 * @param id the node id
 * @param count the number of months or periods, 0 to {@value #MAX_COUNT}
 * @param valuation how they are valued
 */
public record FreePeriodsRule(String id, BigDecimal count, Rules.FreePeriodValue valuation) implements StandardRule {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, {@code
   *     <id>.count} (negative or above {@value #MAX_COUNT}) or {@code <id>.valuation} (null)
   */
  public FreePeriodsRule {
    Rules.checkId(id);
    Rules.notNegative(id + ".count", count);
    if (count != null && count.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
      throw dev.amends.core.InvalidInputException.of(id + ".count",
          "must be at most " + MAX_COUNT + " (ten years of monthly periods)", count.toPlainString());
    }
    dev.amends.core.internal.Checks.notNull(id + ".valuation", valuation);
  }

  /** The most periods one rule may give free: 120, ten years of months. */
  public static final int MAX_COUNT = 120;

  /** {@code free-periods}. */
  @Override
  public String kind() {
    return "free-periods";
  }
}
