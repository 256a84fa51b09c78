package dev.amends.rules;

import dev.amends.core.account.Account;
import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.Subscription;
import dev.amends.core.internal.Checks;
import dev.amends.core.measure.Measurement;
import dev.amends.core.outage.Outage;
import dev.amends.core.time.BillingPeriod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * The read-only facts a rule decides on: the account, the subscription, the billing period, the
 * fee for it, the downtime measurement under the policy's rules, the outages involved, the
 * customer's claim if any, and the instant of evaluation.
 *
 * <p>The engine builds one per subscription, period and policy. The public builder lets a
 * rule's unit test state a context directly. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class RuleContext {
  RuleContext() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The account. */
  public abstract Account account();

  /** The subscription decided for. */
  public abstract Subscription subscription();

  /** The billing period decided for. */
  public abstract BillingPeriod period();

  /** The fee for the period, exact, prorated for partial activity. */
  public abstract PeriodFee fee();

  /** The downtime measurement under the policy's measurement rules. */
  public abstract Measurement measurement();

  /** The outage records that touched the subscription in the period, ordered by start. */
  public abstract List<Outage> outages();

  /** The customer's claim covering this subscription, if any. */
  public abstract Optional<Claim> claim();

  /** The instant of evaluation: "now" for deadlines, always given, never read from a clock. */
  public abstract Instant evaluatedAt();

  /** Amounts carried forward from earlier periods into caps of this policy, for this subscription. */
  public abstract List<CarriedCredit> carriedIn();

  /**
   * The amount carried into the cap at a path, if any (the sum when several are given).
   *
   * @param capPath the cap's path, such as {@code sla/cap}
   * @return the amount, empty if none
   */
  public Optional<Money> carriedIn(String capPath) {
    return carriedIn().stream()
        .filter(c -> c.capPath().equals(capPath))
        .map(CarriedCredit::amount)
        .reduce(Money::plus);
  }

  /** The outages that contributed counted downtime. */
  @Value.Lazy
  public List<Outage> countedOutages() {
    // A set of the contributing ids: linear in outages plus contributions, not their product.
    java.util.Set<String> counted = new java.util.HashSet<>();
    measurement().contributions().forEach(c -> counted.add(c.outageId()));
    return outages().stream().filter(o -> counted.contains(o.id())).toList();
  }

  @Value.Check
  void check() {
    Checks.sameCurrency("ruleContext.fee", account().currency(), fee().fee().currency());
  }

  /** Builds a {@link RuleContext}. */
  public static final class Builder extends ImmutableRuleContext.Builder {
    Builder() {}

    /**
     * Builds the {@link RuleContext}.
     *
     * @throws dev.amends.core.InvalidInputException if a required field is missing or null
     */
    @Override
    public RuleContext build() {
      return super.build();
    }
  }
}
