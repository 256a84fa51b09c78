package dev.amends.rules;

import java.util.List;
import java.util.Optional;

/**
 * If the condition holds, the {@code then} branch; otherwise the {@code otherwise} branch, if any.
 *
 * @param id the node id
 * @param condition the condition tested
 * @param then the node evaluated when it holds
 * @param otherwise the node evaluated when it does not; empty for no credit
 */
public record When(String id, Condition condition, RuleNode then, Optional<RuleNode> otherwise)
    implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.child}, {@code <id>.otherwise} or {@code <id>.condition} when null
   */
  public When {
    Rules.checkId(id);
    Rules.checkChild(id, then);
    dev.amends.core.internal.Checks.notNull(id + ".otherwise", otherwise);
    Rules.checkCondition(id, condition);
  }

  /** {@code when}. */
  @Override
  public String kind() {
    return "when";
  }

  /** {@code then}, and {@code otherwise} if present. */
  @Override
  public List<RuleNode> children() {
    return otherwise.isPresent() ? List.of(then, otherwise.get()) : List.of(then);
  }
}
