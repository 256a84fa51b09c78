package dev.amends.rules;

import java.math.BigDecimal;

/**
 * A fixed percentage of the (prorated) fee for the period, whenever it is evaluated: "10 % of the
 * monthly fee". Usually sits under {@link Rules#when} so that a condition decides whether it
 * applies.
 *
 * @param id the node id
 * @param percent the percentage, not negative
 */
public record PercentOfFeeRule(String id, BigDecimal percent) implements StandardRule {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.percent} when null or negative
   */
  public PercentOfFeeRule {
    Rules.checkId(id);
    Rules.notNegative(id + ".percent", percent);
  }

  /** {@code percent-of-fee}. */
  @Override
  public String kind() {
    return "percent-of-fee";
  }
}
