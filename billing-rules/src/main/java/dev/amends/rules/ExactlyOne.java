package dev.amends.rules;

import java.util.List;

/**
 * Every child is evaluated; at most one may give a credit. Two or more credits are an error
 * that names the first two: the policy's author promised they exclude each other.
 *
 * @param id the node id
 * @param children the children, in the order written; not empty
 */
public record ExactlyOne(String id, List<RuleNode> children) implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.children} (with the index of a null child) for missing children
   */
  public ExactlyOne {
    Rules.checkId(id);
    children = Rules.checkChildren(id, children);
  }

  /** {@code exactly-one}. */
  @Override
  public String kind() {
    return "exactly-one";
  }
}
