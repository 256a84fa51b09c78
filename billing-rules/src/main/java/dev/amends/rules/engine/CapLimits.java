package dev.amends.rules.engine;

import dev.amends.rules.CapLimit;
import dev.amends.rules.RuleContext;
import dev.amends.rules.internal.Texts;
import dev.amends.core.InvalidInputException;
import dev.amends.core.account.PeriodFee;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingPeriod;

/** How a {@link CapLimit} is evaluated: its amount and days for a context, and its description. */
public final class CapLimits {
  private CapLimits() {}

  /** The limit in money for a context. */
  public static ExactMoney money(CapLimit limit, RuleContext context) {
    return money(limit, context, percentOf(limit));
  }

  /** A percentage limit's percentage as a fraction, converted now; null for a limit of another kind. */
  static Ratio percentOf(CapLimit limit) {
    return switch (limit) {
      case CapLimit.PercentOfFee p -> Ratio.percent(p.percent());
      case CapLimit.PercentOfLandingFee l -> Ratio.percent(l.percent());
      case CapLimit.Amount a -> null;
      case CapLimit.Days d -> null;
    };
  }

  /**
   * The limit in money for a context, with a percentage limit's percentage already converted to
   * a fraction ({@code percent}; null for a limit of another kind).
   */
  static ExactMoney money(CapLimit limit, RuleContext context, Ratio percent) {
    return switch (limit) {
      // 100 % of the fee (the usual cap) is the fee itself: no product to reduce
      case CapLimit.PercentOfFee p -> percent.equals(Ratio.ONE) ? context.fee().fee()
          : context.fee().fee().multipliedBy(percent);
      case CapLimit.Amount a -> a.amounts().stream()
          .filter(m -> m.getCurrencyUnit().equals(context.account().currency()))
          .findFirst()
          .map(ExactMoney::of)
          .orElseThrow(() -> InvalidInputException.of(
              "cap.amount", "has no amount in " + context.account().currency(), a.amounts()));
      case CapLimit.Days d -> d.dayCount().dailyRate(context.fee().fullFee(), context.period())
          .multipliedBy(Ratio.of(d.days()));
      case CapLimit.PercentOfLandingFee l -> landingFee(l, context).fee().multipliedBy(percent);
    };
  }

  /** The subscription's fee for the period the credit lands on, {@code periodsLater} after the one decided. */
  public static PeriodFee landingFee(CapLimit.PercentOfLandingFee limit, RuleContext context) {
    BillingPeriod landing = context.account().billing().after(context.period(), limit.periodsLater());
    return PeriodFee.of(context.account(), context.subscription(), landing, context.fee().proration());
  }

  /** The limit in days, for day limits only; else null. */
  public static Ratio days(CapLimit limit) {
    return limit instanceof CapLimit.Days d ? Ratio.of(d.days()) : null;
  }

  /** Such as {@code 100 % of fee USD 20.00}. */
  public static String describe(CapLimit limit, RuleContext context) {
    return switch (limit) {
      case CapLimit.PercentOfFee p -> Texts.percent(p.percent()) + " of fee " + Texts.money(context.fee().fee());
      case CapLimit.Amount a -> Texts.money(money(limit, context));
      case CapLimit.Days d -> d.days().toPlainString() + " days at " + d.dayCount() + " = "
          + Texts.money(money(limit, context));
      case CapLimit.PercentOfLandingFee l -> {
        PeriodFee landing = landingFee(l, context);
        yield Texts.percent(l.percent()) + " of fee " + Texts.money(landing.fee()) + " on the invoice it lands on, "
            + landing.period().label();
      }
    };
  }
}
