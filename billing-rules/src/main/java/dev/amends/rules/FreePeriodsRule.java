package dev.amends.rules;

import dev.amends.rules.internal.Texts;
import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Price;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;

/**
 * A number of free months (or periods), valued by a named rule. Free months are valued at the
 * price in force at the start of the period or, for a subscription that started within the period
 * under a price that starts with it, at the price of its first active day.
 *
 * @param id the node id
 * @param count the number of months or periods, 0 to {@value #MAX_COUNT}
 * @param valuation how they are valued
 */
public record FreePeriodsRule(String id, BigDecimal count, Rules.FreePeriodValue valuation) implements CreditRule {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, {@code
   *     <id>.count} (negative or above {@value #MAX_COUNT}) or {@code <id>.valuation} (null)
   */
  public FreePeriodsRule {
    Rules.checkId(id);
    Rules.notNegative(id + ".count", count);
    if (count != null && count.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
      throw dev.amends.core.InvalidInputException.of(id + ".count",
          "must be at most " + MAX_COUNT + " (ten years of monthly periods)", count.toPlainString());
    }
    dev.amends.core.internal.Checks.notNull(id + ".valuation", valuation);
  }

  /** The most periods one rule may give free: 120, ten years of months. */
  public static final int MAX_COUNT = 120;

  /** {@code free-periods}. */
  @Override
  public String kind() {
    return "free-periods";
  }

  /** Decides the credit; see {@link Rules} for the behaviour. */
  @Override
  public Outcome evaluate(RuleContext context) {
    String n = Tier.plain(count);
    if (valuation == Rules.FreePeriodValue.FULL_PERIOD_FEE) {
      ExactMoney fee = context.fee().fullFee();
      ExactMoney credit = fee.multipliedBy(Ratio.of(count));
      return Outcome.credit(credit, n + " period(s) free at " + Texts.money(fee) + " a period = " + Texts.money(credit))
          .withValue("count", TraceValue.number(count))
          .withValue("periodFee", TraceValue.money(fee));
    }
    // The price in force at the start of the period; for a subscription that started within the
    // period under a price that starts with it, the price in force on its first active day.
    java.time.LocalDate on = context.period().startDate();
    if (context.subscription().prices().priceOn(on).isEmpty()) {
      on = context.fee().activeWindow()
          .map(w -> java.time.LocalDate.ofInstant(w.getStart(), context.period().zone()))
          .orElse(on);
    }
    java.time.LocalDate priceDate = on;
    Price price = context.subscription().prices().priceOn(priceDate)
        .orElseThrow(() -> InvalidInputException.of("subscription.prices",
            "has no price in force on " + priceDate, context.subscription().prices()));
    ExactMoney monthly = ExactMoney.of(price.amount())
        .multipliedBy(context.subscription().seats())
        .dividedBy(Ratio.of(price.per().months()));
    ExactMoney credit = monthly.multipliedBy(Ratio.of(count));
    String per = price.per().months() == 1 ? "" : " (" + price.amount() + " per " + price.per() + " / "
        + price.per().months() + ")";
    return Outcome.credit(credit,
            n + " month(s) free at " + Texts.money(monthly) + " a month" + per + " = " + Texts.money(credit))
        .withValue("count", TraceValue.number(count))
        .withValue("monthlyPrice", TraceValue.money(monthly));
  }
}
