package dev.amends.rules;

import java.util.List;

/**
 * The first child, in the order written, that gives a credit (a positive amount or days); a
 * child that gives no credit or a zero credit is not a match. Later children are not evaluated
 * and are traced as {@link Verdict#SKIPPED}.
 *
 * @param id the node id
 * @param children the children, in the order written; not empty
 */
public record FirstMatch(String id, List<RuleNode> children) implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.children} (with the index of a null child) for missing children
   */
  public FirstMatch {
    Rules.checkId(id);
    children = Rules.checkChildren(id, children);
  }

  /** {@code first-match}. */
  @Override
  public String kind() {
    return "first-match";
  }
}
