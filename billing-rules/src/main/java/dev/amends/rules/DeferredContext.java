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
import org.joda.money.Money;

/**
 * The {@link RuleContext} the engine decides on: its fee, measurement, outages, claim and carried
 * credits are computed (by the subclass, the engine's) the first time a rule or condition asks
 * for them, then kept, and never if none does. The engine tests a campaign's eligibility and then evaluates the rule tree on the
 * same one, so that a subscription its condition rules out pays neither for its fee nor for its
 * measurement, and an eligible one pays for each once. The values are those a context built with
 * {@link RuleContext#builder()} would hold: the same computations on the same inputs; so are {@link
 * #toString()} and the currency check of the fee. For one decision on one thread.
 *
 * <p>The measurement is given as <em>figures</em>: a measurement a batch may share between
 * subscriptions, so its {@link Measurement#subscriptionId()} may be another subscription's. The
 * engine's own readers (the standard rules) read the figures ({@link #figures()}); what a user's
 * rule or condition, or a trace, sees through {@link #measurement()} is a copy with this
 * subscription's id, made the first time it is asked for.
 */
abstract class DeferredContext extends RuleContext {
  private final Account account;
  private final Subscription subscription;
  private final BillingPeriod period;
  private final Instant evaluatedAt;
  private Optional<Claim> claim;
  private List<CarriedCredit> carriedIn;
  private PeriodFee fee;
  private Measurement figures;
  private Measurement measurement;
  private List<Outage> outages;
  private List<Outage> countedOutages;

  DeferredContext(Account account, Subscription subscription, BillingPeriod period, Instant evaluatedAt) {
    this.account = account;
    this.subscription = subscription;
    this.period = period;
    this.evaluatedAt = evaluatedAt;
  }

  /** The fee, unchecked; asked for at most once. */
  abstract PeriodFee computeFee();

  /** The measured figures, whose subscription id may be another's; asked for at most once. */
  abstract Measurement computeFigures();

  /** The outage records the figures name, in their order; asked for at most once. */
  abstract List<Outage> computeOutages(Measurement figures);

  /** The claim decided on, if any; asked for at most once. */
  abstract Optional<Claim> computeClaim();

  /** The credits carried into the policy's caps; asked for at most once. */
  abstract List<CarriedCredit> computeCarriedIn();

  @Override
  public Account account() {
    return account;
  }

  @Override
  public Subscription subscription() {
    return subscription;
  }

  @Override
  public BillingPeriod period() {
    return period;
  }

  /** Computes the fee the first time; checked like an eager context's (same currency as the account). */
  @Override
  public PeriodFee fee() {
    if (fee == null) {
      PeriodFee f = computeFee();
      Checks.sameCurrency("ruleContext.fee", account.currency(), f.fee().currency());
      fee = f;
    }
    return fee;
  }

  /** The subscription's measurement: the figures with this subscription's id, copied once, when first asked for. */
  @Override
  public Measurement measurement() {
    if (measurement == null) {
      measurement = figures().withSubscriptionId(subscription.id());
    }
    return measurement;
  }

  /**
   * The measured figures, computed the first time: {@link #measurement()} but for its {@link
   * Measurement#subscriptionId()}, which may be another subscription's that shares them. For the
   * engine's own readers, which read no id; never handed to a user.
   */
  Measurement figures() {
    if (figures == null) {
      figures = computeFigures();
    }
    return figures;
  }

  @Override
  public List<Outage> outages() {
    if (outages == null) {
      // the records of the ids the figures name (the copy names the same ids)
      outages = List.copyOf(computeOutages(figures()));
    }
    return outages;
  }

  @Override
  public Optional<Claim> claim() {
    if (claim == null) {
      claim = computeClaim();
    }
    return claim;
  }

  @Override
  public Instant evaluatedAt() {
    return evaluatedAt;
  }

  @Override
  public List<CarriedCredit> carriedIn() {
    if (carriedIn == null) {
      carriedIn = List.copyOf(computeCarriedIn());
    }
    return carriedIn;
  }

  /** As {@link RuleContext#carriedIn(String)}, without a stream when nothing was carried in (the usual case). */
  @Override
  public Optional<Money> carriedIn(String capPath) {
    return carriedIn().isEmpty() ? Optional.empty() : super.carriedIn(capPath);
  }

  @Override
  public List<Outage> countedOutages() {
    if (countedOutages == null) {
      countedOutages = super.countedOutages();
    }
    return countedOutages;
  }

  /** What a built context with the same values shows; computes every part not computed yet. */
  @Override
  public String toString() {
    return RuleContext.builder().from(this).build().toString();
  }
}
