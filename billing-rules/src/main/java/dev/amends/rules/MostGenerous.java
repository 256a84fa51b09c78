package dev.amends.rules;

import java.util.List;

/**
 * The child whose lines are worth the most, valued in the fee's currency before rounding; ties
 * go to the first in the order written. The others stay in the trace as {@link Verdict#LOST},
 * with their amounts.
 *
 * @param id the node id
 * @param children the children, in the order written; not empty
 */
public record MostGenerous(String id, List<RuleNode> children) implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.children} (with the index of a null child) for missing children
   */
  public MostGenerous {
    Rules.checkId(id);
    children = Rules.checkChildren(id, children);
  }

  /** {@code most-generous}. */
  @Override
  public String kind() {
    return "most-generous";
  }
}
