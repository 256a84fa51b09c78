package dev.amends.rules;

import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;

/**
 * A multiple of the prorated fee for the downtime beyond an allowance: "10x the fee for the
 * time down beyond 99.9 %". The fee per unit of time is the full fee for the period divided by
 * the period's length; the allowance is either a share of the measurement's denominator or a
 * fixed duration.
 *
 * @param id the node id
 * @param multiple the multiple of the prorated fee, not negative
 * @param availabilityPercent the availability promised, when the allowance is a share of the
 *     measurement's denominator
 * @param allowance the allowance as a fixed duration, otherwise
 */
public record ProratedMultipleRule(
    String id, BigDecimal multiple, Optional<BigDecimal> availabilityPercent, Optional<Duration> allowance)
    implements CreditRule {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /**
   * Checks the node: exactly one of the availability and the fixed allowance is given.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, {@code
   *     <id>.multiple} (negative), {@code <id>.availabilityPercent} (outside [0, 100]) or {@code
   *     <id>.allowance} (negative, or given with an availability)
   */
  public ProratedMultipleRule {
    Rules.checkId(id);
    Checks.notNull(id + ".availabilityPercent", availabilityPercent);
    Checks.notNull(id + ".allowance", allowance);
    availabilityPercent.ifPresent(p -> {
      Decimals.check(id + ".availabilityPercent", p);
      if (p.signum() < 0 || p.compareTo(HUNDRED) > 0) {
        throw InvalidInputException.of(id + ".availabilityPercent", "must be in [0, 100]", p);
      }
    });
    allowance.ifPresent(a -> Checks.notNegative(id + ".allowance", a));
    if (availabilityPercent.isPresent() == allowance.isPresent()) {
      throw InvalidInputException.of(id + ".allowance", "needs exactly one of availabilityPercent and allowance",
          allowance.map(Object::toString).orElse("none"));
    }
    Rules.notNegative(id + ".multiple", multiple);
  }

  /** {@code prorated-multiple}. */
  @Override
  public String kind() {
    return "prorated-multiple";
  }

  /** Decides the credit; see {@link Rules} for the behaviour. */
  @Override
  public Outcome evaluate(RuleContext context) {
    Measurement m = context.measurement();
    Ratio downNanos = Ratio.of(m.downtime(), Duration.ofNanos(1));
    Ratio allowedNanos = allowance.isPresent()
        ? Ratio.of(allowance.get(), Duration.ofNanos(1))
        : Ratio.of(m.denominator(), Duration.ofNanos(1))
            .multipliedBy(Ratio.percent(availabilityPercent.orElseThrow()).complement());
    String allowanceText = allowance.isPresent() ? allowance.get().toString()
        : "(100 % - " + Tier.plain(availabilityPercent.orElseThrow()) + " %) of " + Texts.minutes(m.denominator());
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
}
