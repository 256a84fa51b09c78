package dev.amends.rules;

import dev.amends.rules.internal.Decimals;
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
public record ProratedMultipleRule(String id, BigDecimal multiple, Allowance allowance) implements StandardRule {
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
}
