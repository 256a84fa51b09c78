package dev.amends.rules;

/**
 * A test on a {@link RuleContext}, used by {@link Rules#when(String, Condition, RuleNode,
 * RuleNode)}. Standard conditions come from {@link Conditions}; implement this to add your own.
 *
 * <p>Like rules, conditions are pure: same context, same result, no side effects.
 *
 * <p>The standard conditions are records nested in {@link Conditions} ({@link Conditions.PlanIn},
 * {@link Conditions.All}, …): their components are their parameters, and the policy's digest is
 * derived from them. A condition you write as a record enters the digest the same way; any other
 * enters it by its {@link #canonical()} text.
 */
public interface Condition {
  /**
   * Tests the context.
   *
   * @param context the facts, not null
   * @return whether it holds, with what was observed and what it was compared to, not null
   */
  ConditionResult test(RuleContext context);

  /**
   * A short, one-line description for messages, such as {@code plan-in[grid, pro]}; for a
   * condition that is not a record, also what the policy's digest reads, so it must name every
   * parameter.
   */
  String canonical();
}
