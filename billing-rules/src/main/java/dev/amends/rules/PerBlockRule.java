package dev.amends.rules;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A percentage of the fee per block of downtime, counting started or completed blocks.
 *
 * @param id the node id
 * @param block the block length, positive
 * @param percentPerBlock the percentage per block, not negative
 * @param count started or completed blocks
 */
public record PerBlockRule(String id, Duration block, BigDecimal percentPerBlock, Rules.BlockCount count)
    implements StandardRule {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.block} (not positive), {@code <id>.percentPerBlock} (negative) or {@code <id>.count}
   */
  public PerBlockRule {
    Rules.checkId(id);
    Rules.positive(id + ".block", block);
    Rules.notNegative(id + ".percentPerBlock", percentPerBlock);
    dev.amends.core.internal.Checks.notNull(id + ".count", count);
  }

  /** {@code per-block}. */
  @Override
  public String kind() {
    return "per-block";
  }
}
