package dev.amends.rules;

import dev.amends.core.money.ExactMoney;
import java.math.BigDecimal;

/**
 * A fixed percentage of the (prorated) fee for the period, whenever it is evaluated: "10 % of the
 * monthly fee". Usually sits under {@link Rules#when} so that a condition decides whether it
 * applies.
 */
final class PercentOfFeeRule implements CreditRule {
  private final String id;
  private final BigDecimal percent;

  PercentOfFeeRule(String id, BigDecimal percent) {
    this.id = Rules.checkId(id);
    this.percent = Rules.notNegative(id + ".percent", percent);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "percent-of-fee";
  }

  /** Such as {@code percent-of-fee(goodwill,10)}: {@code 10} and {@code 10.00} are the same rule. */
  @Override
  public String canonical() {
    return kind() + "(" + id + "," + Tier.plain(percent) + ")";
  }

  @Override
  public Outcome evaluate(RuleContext context) {
    ExactMoney fee = context.fee().fee();
    ExactMoney credit = fee.percent(percent);
    return Outcome.credit(credit,
            Tier.plain(percent) + " % of " + Texts.money(fee) + " = " + Texts.money(credit))
        .withValue("percent", Tier.plain(percent))
        .withValue("fee", Texts.money(fee))
        .withOutages(Rules.countedIds(context));
  }

  @Override
  public String toString() {
    return canonical();
  }
}
