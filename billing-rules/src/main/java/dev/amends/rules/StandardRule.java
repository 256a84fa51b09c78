package dev.amends.rules;

/**
 * The standard leaf rules, as data: {@link AvailabilityTiersRule}, {@link DaysOfServiceRule},
 * {@link FlatAmountRule}, {@link FreePeriodsRule}, {@link PerBlockRule}, {@link PercentOfFeeRule}
 * and {@link ProratedMultipleRule}. Each is a record whose components are its parameters and
 * whose constructor checks them; none carries its evaluation, which the engine gives each kind
 * in one exhaustive {@code switch}. Build them with {@link Rules} or their constructors.
 *
 * <pre>{@code
 * switch (standard) {
 *   case AvailabilityTiersRule a -> a.tiers();
 *   case PerBlockRule b -> b.block();
 *   // ... one arm per kind, no default: a new kind is a compile error here
 * }
 * }</pre>
 *
 * <p>They are {@link CreditRule}s too, so code that holds one as a {@code CreditRule} or asks
 * one for its {@link #evaluate(RuleContext) outcome} on a context (a rule's unit test) keeps
 * working; a rule of your own implements {@link CreditRule}, the open branch of {@link RuleNode}.
 * Immutable and thread-safe.
 */
public sealed interface StandardRule extends CreditRule
    permits AvailabilityTiersRule, DaysOfServiceRule, FlatAmountRule, FreePeriodsRule, PerBlockRule,
        PercentOfFeeRule, ProratedMultipleRule {
  /**
   * Decides the credit of this rule alone on one context, as the engine does inside a policy
   * (see {@link Rules} for each kind's behaviour): for a rule's unit test or a tool.
   *
   * @param context the facts, not null
   * @return the outcome, not null
   */
  @Override
  default Outcome evaluate(RuleContext context) {
    return CreditEngine.evaluate(this, context);
  }
}
