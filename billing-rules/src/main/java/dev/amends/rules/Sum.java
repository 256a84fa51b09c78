package dev.amends.rules;

import java.util.List;

/**
 * Every child's lines, kept as separate lines.
 *
 * @param id the node id
 * @param children the children, in the order written; not empty
 */
public record Sum(String id, List<RuleNode> children) implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.children} (with the index of a null child) for missing children
   */
  public Sum {
    Rules.checkId(id);
    children = Rules.checkChildren(id, children);
  }

  /** {@code sum}. */
  @Override
  public String kind() {
    return "sum";
  }
}
