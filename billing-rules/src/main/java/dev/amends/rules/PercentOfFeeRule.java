package dev.amends.rules;

import dev.amends.rules.engine.CompiledPolicy;
import dev.amends.rules.internal.Texts;
import dev.amends.core.money.ExactMoney;
import java.math.BigDecimal;

/**
 * A fixed percentage of the (prorated) fee for the period, whenever it is evaluated: "10 % of the
 * monthly fee". Usually sits under {@link Rules#when} so that a condition decides whether it
 * applies.
 *
 * @param id the node id
 * @param percent the percentage, not negative
 */
public record PercentOfFeeRule(String id, BigDecimal percent) implements CreditRule {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.percent} when null or negative
   */
  public PercentOfFeeRule {
    Rules.checkId(id);
    Rules.notNegative(id + ".percent", percent);
  }

  /** {@code percent-of-fee}. */
  @Override
  public String kind() {
    return "percent-of-fee";
  }

  /** Decides the credit; see {@link Rules} for the behaviour. */
  @Override
  public Outcome evaluate(RuleContext context) {
    return evaluate(context, CompiledPolicy.EMPTY);
  }

  /** Evaluates with the percentage converted once, in the policy's {@link CompiledPolicy}. */
  public Outcome evaluate(RuleContext context, CompiledPolicy compiled) {
    ExactMoney fee = context.fee().fee();
    ExactMoney credit = fee.multipliedBy(compiled.percent(percent));
    return Outcome.credit(credit,
            Tier.plain(percent) + " % of " + Texts.money(fee) + " = " + Texts.money(credit))
        .withValue("percent", TraceValue.percent(percent))
        .withValue("fee", TraceValue.money(fee))
        .withOutages(Rules.countedIds(context));
  }
}
