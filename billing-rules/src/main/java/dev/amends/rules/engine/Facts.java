package dev.amends.rules.engine;

import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.outage.Outage;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.CarriedCredit;
import dev.amends.rules.Claim;
import dev.amends.rules.Policy;
import dev.amends.rules.RuleContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one subscription is decided on under one policy: its fee and its measurement, each computed
 * the first time the pipeline, a rule or a condition asks for it, and the one {@link RuleContext}
 * through which a campaign's eligibility and then the rule tree read them (made when first asked
 * for, and reading its parts from these facts). So the fee and the measurement of an eligible
 * subscription are computed once, and those of a subscription its campaign rules out on its
 * placement or plan not at all. For one decision on one thread.
 *
 * <p>The facts compute their parts themselves, from the decision and the policy: no function is
 * made per subscription and policy. The fee is that of the period decided, or, for a fixed window
 * longer than the period, of the window measured; a rolling window keeps the fee of the period
 * decided, the one its credit lands on, while its measurement is of the window measured (without
 * the outages a credit issued earlier rests on). The fee read here is not checked; the context's
 * is, as a built context's (see {@code DeferredContext}).
 *
 * <p>The measurement is computed as <em>figures</em> that a batch may share between
 * subscriptions (their {@link Measurement#subscriptionId()} may be another subscription's): the
 * pipeline and the standard rules read them as they are ({@link #figures()}, {@link
 * #figures(RuleContext)}); only what a user's rule or condition, or a trace, sees is the copy with
 * this subscription's id ({@link #measurement()}, the context's), made once, when first asked for.
 */
final class Facts implements Definitions.Source {
  private final Pipeline pipeline;
  private final Policy policy;
  private final Subscription sub;
  private final Pipeline.Decided out;
  private final BillingPeriod measured;
  private final boolean rolling;
  private Optional<Claim> claim; // null until asked for
  private PeriodFee fee;
  private Measurement figures;
  private RuleContext context;

  /**
   * Facts of a subscription under a policy, computed on first use.
   *
   * @param measured the period measured: the period decided, or the longer window the policy measures
   * @param rolling whether {@code measured} is a rolling window (its fee is the period decided's)
   * @param claim the claim the subscription is decided on, or null to look it up when asked for
   */
  Facts(Pipeline pipeline, Policy policy, Subscription sub, Pipeline.Decided out, BillingPeriod measured,
      boolean rolling, Optional<Claim> claim) {
    this.pipeline = pipeline;
    this.policy = policy;
    this.sub = sub;
    this.out = out;
    this.measured = measured;
    this.rolling = rolling;
    this.claim = claim;
  }

  /** The fee for the period, computed now if no one asked for it yet; not checked. */
  @Override
  public PeriodFee fee() {
    if (fee == null) {
      fee = measured == out.period || rolling ? Pipeline.fee(out, sub, policy)
          : PeriodFee.of(out.account, sub, measured, policy.proration());
    }
    return fee;
  }

  /**
   * The measured figures, computed now if no one asked for them yet; their subscription id may be
   * another subscription's. Not for a trace or a user: see {@link #measurement()}.
   */
  @Override
  public Measurement figures() {
    if (figures == null) {
      // b. the downtime measured under the policy's rules
      Set<String> used = rolling ? MeasurementWindows.usedEarlier(out.request, sub.id(), policy.id()) : Set.of();
      figures = used.isEmpty() ? pipeline.figures(policy, sub, measured, out.shared)
          : pipeline.measureWithout(policy, sub, measured, used, out);
    }
    return figures;
  }

  @Override
  public List<Outage> outages(Measurement figures) {
    return pipeline.involved(figures, out.shared);
  }

  @Override
  public Optional<Claim> claim() {
    if (claim == null) {
      claim = Pipeline.claimFor(out.request, sub);
    }
    return claim;
  }

  @Override
  public List<CarriedCredit> carriedIn() {
    return Pipeline.carriedIn(out.request, sub, policy);
  }

  /** The subscription's measurement, with its id (the context's), computed now if no one asked for it yet. */
  Measurement measurement() {
    return context().measurement();
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
    return Optional.ofNullable(fee);
  }

  /** The subscription's measurement, with its id, if someone asked for it or its figures, else empty. */
  Optional<Measurement> measurementIfComputed() {
    return figures != null ? Optional.of(context().measurement()) : Optional.empty();
  }

  /** The context rules and conditions read these facts through, made the first time it is asked for. */
  RuleContext context() {
    if (context == null) {
      context = Definitions.access().context(out.account, sub, rolling ? out.period : measured, out.evaluatedAt,
          this);
    }
    return context;
  }
}
