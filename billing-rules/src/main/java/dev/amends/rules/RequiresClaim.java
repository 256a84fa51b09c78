package dev.amends.rules;

import java.util.List;

/**
 * Its child counts only if a claim covering the subscription was filed before the deadline.
 *
 * @param id the node id
 * @param deadline when the claim must be filed
 * @param child the node that counts only with a claim in time
 */
public record RequiresClaim(String id, ClaimDeadline deadline, RuleNode child) implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.deadline} or {@code <id>.child} when null
   */
  public RequiresClaim {
    Rules.checkId(id);
    dev.amends.core.internal.Checks.notNull(id + ".deadline", deadline);
    Rules.checkChild(id, child);
  }

  /** {@code requires-claim}. */
  @Override
  public String kind() {
    return "requires-claim";
  }

  /** The one child. */
  @Override
  public List<RuleNode> children() {
    return List.of(child);
  }
}
