package dev.amends.rules;

/**
 * A test on a {@link RuleContext}, used by {@link Rules#when(String, Condition, RuleNode,
 * RuleNode)}. Standard conditions come from {@link Conditions}; implement this to add your own.
 *
 * <p>Like rules, conditions are pure: same context, same result, no side effects.
 */
public interface Condition {
  /**
   * Tests the context.
   *
   * @param context the facts, not null
   * @return whether it holds, with what was observed and what it was compared to, not null
   */
  ConditionResult test(RuleContext context);

  /** A canonical description for the policy digest, such as {@code plan-in[grid,pro]}. */
  String canonical();
}
