package dev.amends.rules;

import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A multiple of the prorated fee for the downtime beyond an allowance: "10x the fee for the
 * time down beyond 99.9 %". The fee per unit of time is the full fee for the period divided by
 * the period's length; the allowance is either a share of the measurement's denominator or a
 * fixed duration.
 */
final class ProratedMultipleRule implements CreditRule {
  private final String id;
  private final BigDecimal multiple;
  private final BigDecimal availabilityPercent; // allowance as availability, or null
  private final Duration allowance; // allowance as a duration, or null

  ProratedMultipleRule(String id, BigDecimal multiple, BigDecimal availabilityPercent, Duration allowance) {
    this.id = Rules.checkId(id);
    this.multiple = Rules.notNegative(id + ".multiple", multiple);
    this.availabilityPercent = availabilityPercent;
    this.allowance = allowance;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "prorated-multiple";
  }

  @Override
  public String canonical() {
    return kind() + "(" + id + ",multiple=" + Tier.plain(multiple) + ",allowance="
        + (allowance != null ? allowance.toString() : Tier.plain(availabilityPercent) + "%") + ")";
  }

  @Override
  public Outcome evaluate(RuleContext context) {
    Measurement m = context.measurement();
    Ratio downNanos = Ratio.of(m.downtime(), Duration.ofNanos(1));
    Ratio allowedNanos = allowance != null
        ? Ratio.of(allowance, Duration.ofNanos(1))
        : Ratio.of(m.denominator(), Duration.ofNanos(1)).multipliedBy(Ratio.percent(availabilityPercent).complement());
    String allowanceText = allowance != null ? allowance.toString()
        : "(100 % - " + Tier.plain(availabilityPercent) + " %) of " + Texts.minutes(m.denominator());
    Ratio excess = downNanos.minus(allowedNanos);
    String allowedMin = Texts.number(allowedNanos.dividedBy(Ratio.of(60_000_000_000L))) + " min";
    if (excess.signum() <= 0) {
      return Outcome.noCredit(Texts.minutes(m.downtime()) + " down <= allowance " + allowedMin + " = " + allowanceText)
          .withValue("downtime", Texts.minutes(m.downtime()))
          .withValue("allowance", allowedMin);
    }
    ExactMoney fullFee = context.fee().fullFee();
    Ratio periodNanos = Ratio.of(context.period().length(), Duration.ofNanos(1));
    ExactMoney prorated = fullFee.multipliedBy(excess.dividedBy(periodNanos));
    ExactMoney credit = prorated.multipliedBy(Ratio.of(multiple));
    String excessMin = Texts.number(excess.dividedBy(Ratio.of(60_000_000_000L))) + " min";
    return Outcome.credit(credit,
            Tier.plain(multiple) + " x the fee for " + excessMin + " down beyond the allowance of " + allowedMin
                + " (" + Texts.money(fullFee) + " x " + excessMin + " / " + Texts.minutes(context.period().length())
                + " = " + Texts.money(prorated) + ")")
        .withValue("downtime", Texts.minutes(m.downtime()))
        .withValue("allowance", allowedMin)
        .withValue("excess", excessMin)
        .withValue("proratedFee", Texts.money(prorated))
        .withOutages(Rules.countedIds(context));
  }

  @Override
  public String toString() {
    return canonical();
  }
}
