package dev.amends.rules;

import dev.amends.rules.engine.CompiledPolicy;
import dev.amends.rules.internal.Decimals;
import dev.amends.rules.internal.Texts;
import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.time.Duration;
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
 * @param allowance the downtime allowed before the multiple applies
 */
public record ProratedMultipleRule(String id, BigDecimal multiple, Allowance allowance) implements CreditRule {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /** The downtime allowed: a share of the measurement's denominator, or a fixed duration. */
  public sealed interface Allowance {}

  /**
   * Downtime up to {@code (100 % - percent)} of the measurement's denominator is allowed.
   *
   * @param percent the availability promised, in [0, 100] (checked by the rule)
   */
  public record AvailabilityPercent(BigDecimal percent) implements Allowance {}

  /**
   * Downtime up to a fixed duration is allowed.
   *
   * @param duration the allowance, not negative (checked by the rule)
   */
  public record FixedAllowance(Duration duration) implements Allowance {}

  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, {@code
   *     <id>.allowance} (null), {@code <id>.availabilityPercent} (outside [0, 100]), {@code
   *     <id>.allowance} (a negative duration) or {@code <id>.multiple} (negative)
   */
  public ProratedMultipleRule {
    Rules.checkId(id);
    Checks.notNull(id + ".allowance", allowance);
    switch (allowance) {
      case AvailabilityPercent(BigDecimal p) -> {
        Decimals.check(id + ".availabilityPercent", p);
        if (p.signum() < 0 || p.compareTo(HUNDRED) > 0) {
          throw InvalidInputException.of(id + ".availabilityPercent", "must be in [0, 100]", p);
        }
      }
      case FixedAllowance(Duration d) -> Checks.notNegative(id + ".allowance", d);
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
    return evaluate(context, CompiledPolicy.EMPTY);
  }

  /** Evaluates with the multiple and the availability percentage converted once, in the {@link CompiledPolicy}. */
  public Outcome evaluate(RuleContext context, CompiledPolicy compiled) {
    Measurement m = context.measurement();
    Ratio downNanos = Ratio.of(m.downtime(), Duration.ofNanos(1));
    Ratio allowedNanos = switch (allowance) {
      case FixedAllowance(Duration d) -> Ratio.of(d, Duration.ofNanos(1));
      case AvailabilityPercent(BigDecimal p) ->
          Ratio.of(m.denominator(), Duration.ofNanos(1)).multipliedBy(compiled.percent(p).complement());
    };
    String allowanceText = switch (allowance) {
      case FixedAllowance(Duration d) -> d.toString();
      case AvailabilityPercent(BigDecimal p) -> "(100 % - " + Tier.plain(p) + " %) of " + Texts.minutes(m.denominator());
    };
    Ratio excess = downNanos.minus(allowedNanos);
    String allowedMin = Texts.number(allowedNanos.dividedBy(Ratio.of(60_000_000_000L))) + " min";
    if (excess.signum() <= 0) {
      return Outcome.noCredit(Texts.minutes(m.downtime()) + " down <= allowance " + allowedMin + " = " + allowanceText)
          .withValue("downtime", TraceValue.duration(m.downtime()))
          .withValue("allowance", lengthOf(allowedNanos));
    }
    ExactMoney fullFee = context.fee().fullFee();
    Ratio periodNanos = Ratio.of(context.period().length(), Duration.ofNanos(1));
    ExactMoney prorated = fullFee.multipliedBy(excess.dividedBy(periodNanos));
    ExactMoney credit = prorated.multipliedBy(compiled.value(multiple));
    String excessMin = Texts.number(excess.dividedBy(Ratio.of(60_000_000_000L))) + " min";
    return Outcome.credit(credit,
            Tier.plain(multiple) + " x the fee for " + excessMin + " down beyond the allowance of " + allowedMin
                + " (" + Texts.money(fullFee) + " x " + excessMin + " / " + Texts.minutes(context.period().length())
                + " = " + Texts.money(prorated) + ")")
        .withValue("downtime", TraceValue.duration(m.downtime()))
        .withValue("allowance", lengthOf(allowedNanos))
        .withValue("excess", lengthOf(excess))
        .withValue("proratedFee", TraceValue.money(prorated))
        .withOutages(Rules.countedIds(context));
  }

  /** A length in nanoseconds as a trace value, to the whole nanosecond below. */
  private static TraceValue lengthOf(Ratio nanos) {
    return TraceValue.duration(Duration.ofNanos(nanos.floor().longValueExact()));
  }
}
