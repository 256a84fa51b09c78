package dev.amends.rules.engine;

import dev.amends.core.account.Account;
import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.outage.Outage;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.CarriedCredit;
import dev.amends.rules.Claim;
import dev.amends.rules.RuleContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one subscription is decided on under one policy: its fee and its measurement, each computed
 * the first time the pipeline, a rule or a condition asks for it, and the one {@link RuleContext}
 * through which a campaign's eligibility and then the rule tree read them. So the fee and the
 * measurement of an eligible subscription are computed once, and those of a subscription its
 * campaign rules out on its placement or plan not at all. For one decision on one thread.
 *
 * <p>The measurement is computed as <em>figures</em> that a batch may share between
 * subscriptions (their {@link Measurement#subscriptionId()} may be another subscription's): the
 * pipeline and the standard rules read them as they are ({@link #figures()}, {@link
 * #figures(RuleContext)}); only what a user's rule or condition, or a trace, sees is the copy with
 * this subscription's id ({@link #measurement()}, the context's), made once, when first asked for.
 */
final class Facts {
  private final Once<PeriodFee> fee;
  private final Once<Measurement> measurement;
  private final RuleContext context;

  /**
   * Facts computed by the functions given, on first use.
   *
   * @param period the period the rules see (the period decided, or the longer window measured)
   * @param measurement the figures, whose subscription id may be another subscription's
   * @param outages the outage records a measurement names
   */
  Facts(Account account, Subscription subscription, BillingPeriod period, Instant evaluatedAt,
      Supplier<PeriodFee> fee, Supplier<Measurement> measurement, Function<Measurement, List<Outage>> outages,
      Supplier<Optional<Claim>> claim, Supplier<List<CarriedCredit>> carriedIn) {
    this.fee = new Once<>(fee);
    this.measurement = new Once<>(measurement);
    this.context = Definitions.access().context(account, subscription, period, evaluatedAt, this.fee,
        this.measurement, outages, claim, carriedIn);
  }

  /** The fee for the period, computed now if no one asked for it yet. */
  PeriodFee fee() {
    return fee.get();
  }

  /**
   * The measured figures, computed now if no one asked for them yet; their subscription id may be
   * another subscription's. Not for a trace or a user: see {@link #measurement()}.
   */
  Measurement figures() {
    return measurement.get();
  }

  /** The subscription's measurement, with its id (the context's), computed now if no one asked for it yet. */
  Measurement measurement() {
    return context.measurement();
  }

  /**
   * What the engine's own readers read of a context's measurement: the figures of a context the
   * pipeline made, without the copy with the subscription's id; any other context's measurement.
   */
  static Measurement figures(RuleContext context) {
    return Definitions.access().figures(context);
  }

  /** The fee if someone asked for it, else empty. */
  Optional<PeriodFee> feeIfComputed() {
    return fee.ifComputed();
  }

  /** The subscription's measurement, with its id, if someone asked for it or its figures, else empty. */
  Optional<Measurement> measurementIfComputed() {
    return measurement.ifComputed().isPresent() ? Optional.of(context.measurement()) : Optional.empty();
  }

  /** The context rules and conditions read these facts through. */
  RuleContext context() {
    return context;
  }
}
