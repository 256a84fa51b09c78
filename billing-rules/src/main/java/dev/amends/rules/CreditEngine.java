package dev.amends.rules;

import dev.amends.rules.engine.BatchRun;
import dev.amends.rules.engine.CapRounding;
import dev.amends.rules.engine.CompiledPolicy;
import dev.amends.rules.engine.Definitions;
import dev.amends.rules.engine.Evaluation.PendingLine;
import dev.amends.rules.engine.Keys;
import dev.amends.rules.engine.Pipeline;
import dev.amends.rules.engine.StandardRules;
import dev.amends.rules.internal.QuickTest;
import dev.amends.core.account.Account;
import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.Subscription;
import dev.amends.core.internal.Checks;
import dev.amends.core.measure.Measurement;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Decides what an account is owed for a billing period.
 *
 * <pre>{@code
 * CreditEngine engine = CreditEngine.builder()
 *     .policies(PolicyBook.of(sla, goodwill))
 *     .outages(outageLog)
 *     .build();
 * CreditDecision d = engine.decide(account, december);
 * d.lines();      // what to credit, each rounded once, each with its reason and key
 * d.explain();    // plain text for support staff
 * }</pre>
 *
 * <p>For each policy in force at the period's start (by policy id), and each subscription
 * active in the period (by subscription id): the fee for the period, the downtime measured under
 * the policy's rules, the rule tree evaluated on that context, caps applied, and each line
 * rounded once with the policy's rounding. Lines at or below the policy's minimum credit are
 * dropped with a warning. Given the credits already issued ({@link DecisionRequest#issued()}),
 * the engine returns only the difference: nothing on a plain re-run, a top-up when a corrected
 * outage lengthens downtime, and a clawback when it shortens it and the policy allows
 * clawbacks (otherwise a flag and a warning). A subscription measured from telemetry with
 * time missing that its policy does not say how to count ({@link
 * dev.amends.core.measure.TelemetryRules.MissingData#NOT_ALLOWED}, the default) gets no line
 * under that policy: the decision carries {@link DecisionFlag#MISSING_TELEMETRY}, a warning
 * naming the subscription, the policy and the missing time, and a trace saying why.
 *
 * <p>{@link #decideAll(java.util.Iterator, BatchOptions)} runs the same function over a stream
 * of requests: results in input order, each request decided or rejected with its reason, on all
 * cores, with a bounded number of requests in flight.
 *
 * <p>Built once, immutable, safe to share across threads; no reflection and no clock.
 */
public final class CreditEngine {
  static {
    // The engine's narrow way in to what the definitions keep package-private (see Definitions).
    Definitions.install(new Definitions.Access() {
      @Override
      public QuickTest quickTest(Condition condition, RuleContext context) {
        return Conditions.quickTest(condition, context);
      }

      @Override
      public ConditionResult claimInTime(ClaimDeadline deadline, RuleContext context) {
        return deadline.check(context);
      }

      @Override
      public Outcome libraryOutcome(ExactMoney amount, Ratio days, String reason, String[] names,
          TraceValue[] values, int count, List<String> outageIds) {
        return Outcome.library(amount, days, reason, names, values, count, outageIds);
      }

      @Override
      public CreditDecision decision(String accountId, BillingPeriod period, Instant evaluatedAt,
          List<CreditLine> lines, Set<DecisionFlag> flags, List<String> warnings, List<SubscriptionTrace> traces,
          List<CarriedCredit> carriedForward) {
        return new CreditDecision(accountId, period, evaluatedAt, lines, flags, warnings, traces, carriedForward);
      }

      @Override
      public String plansText(Policy policy) {
        return policy.plansText();
      }

      @Override
      public Policy campaignPolicy(Campaign campaign) {
        return campaign.policy();
      }

      @Override
      public Condition eligible(Campaign campaign) {
        return campaign.eligible();
      }

      @Override
      public String eligibleCanonical(Campaign campaign) {
        return campaign.eligibleCanonical();
      }

      @Override
      public String notEligible(Campaign campaign) {
        return campaign.notEligible();
      }

      @Override
      public Measurement figures(RuleContext context) {
        return context instanceof DeferredContext d ? d.figures() : context.measurement();
      }

      @Override
      public RuleContext context(Account account, Subscription subscription, BillingPeriod period,
          Instant evaluatedAt, Definitions.Source source) {
        return new SourcedContext(account, subscription, period, evaluatedAt, source);
      }
    });
  }

  /** The engine's {@link DeferredContext}: reads each part from the engine's facts, once. */
  private static final class SourcedContext extends DeferredContext {
    private final Definitions.Source source;

    SourcedContext(Account account, Subscription subscription, BillingPeriod period, Instant evaluatedAt,
        Definitions.Source source) {
      super(account, subscription, period, evaluatedAt);
      this.source = source;
    }

    @Override
    PeriodFee computeFee() {
      return source.fee();
    }

    @Override
    Measurement computeFigures() {
      return source.figures();
    }

    @Override
    List<Outage> computeOutages(Measurement figures) {
      return source.outages(figures);
    }

    @Override
    Optional<Claim> computeClaim() {
      return source.claim();
    }

    @Override
    List<CarriedCredit> computeCarriedIn() {
      return source.carriedIn();
    }
  }

  private final PolicyBook policies;
  private final OutageLog outages;
  private final boolean traces;
  // The decision pipeline, in the engine package; this class is its front door.
  private final Pipeline pipeline;

  private CreditEngine(Builder b) {
    this.traces = b.traces;
    this.policies = b.policies;
    this.outages = b.outages;
    this.pipeline = new Pipeline(b.policies, b.outages, b.telemetry, b.reviewAbove,
        b.campaigns.values().stream().toList(), b.traces);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The policies applied. */
  public PolicyBook policies() {
    return policies;
  }

  /** The outage records measured. */
  public OutageLog outages() {
    return outages;
  }

  /** Whether decisions record traces; see {@link Builder#traces(boolean)}. */
  public boolean traces() {
    return traces;
  }

  /**
   * Decides an account's credits for a period, with no claims and nothing issued before,
   * evaluated at the period's end.
   *
   * @param account the account, not null
   * @param period the billing period, not null
   * @return the decision, not null
   */
  public CreditDecision decide(Account account, BillingPeriod period) {
    Checks.notNull("account", account);
    Checks.notNull("period", period);
    return decide(DecisionRequest.of(account, period));
  }

  /**
   * Decides an account's credits for a period, given claims and credits already issued.
   *
   * @param request the request, not null
   * @return the decision, not null
   * @throws RuleEvaluationException if a rule fails; the message names its path
   * @throws dev.amends.core.InvalidInputException if an issued or carried credit is in another
   *     currency than the account's ({@code request.issued[2].amount}), or an issued credit's key
   *     is not one this engine gives for its account, period, subscription, policy and rule path
   *     ({@code request.issued[0].key} "is an unknown key"), or two claims have the same id
   *     ({@code request.claims[1].id} "repeats the id of request.claims[0]")
   */
  public CreditDecision decide(DecisionRequest request) {
    return pipeline.decide(request, null, null);
  }

  /**
   * Decides every request of a batch, in parallel, handing the results out in input order.
   *
   * <pre>{@code
   * Iterator<BatchResult> results = engine.decideAll(requests, BatchOptions.defaults());
   * while (results.hasNext()) {
   *   switch (results.next()) {
   *     case BatchResult.Decided d -> billing.apply(d.decision().lines());
   *     case BatchResult.Rejected r -> log.warn("request " + r.index() + ": " + r.reason());
   *   }
   * }
   * }</pre>
   *
   * <p>Every request comes out exactly once, as the decision {@link #decide(DecisionRequest)}
   * gives or as a {@link BatchResult.Rejected rejection} naming the reason; a bad request never
   * stops the batch. The input is read lazily on the reader's thread, at most {@link
   * BatchOptions#window()} requests ahead of the results handed out, so memory does not grow
   * with the number of accounts and the input may be endless. Results and their content are the
   * same for any number of threads. Subscriptions with the same placements, active window,
   * period and measurement rules share one measurement (see {@link
   * BatchOptions#shareMeasurements()}).
   *
   * <p>An exception thrown by the input itself ends the batch: the results of the requests read
   * before it are handed out first, then it is thrown from {@code hasNext()}. The iterator is
   * for one reader thread. The batch's threads are daemons; they have ended when the results run
   * out and when the batch throws (an {@link Error} is thrown as it is), or a second after a
   * reader stops reading.
   *
   * @param requests the requests, not null; a null element is rejected, not thrown
   * @param options how many threads and how many requests in flight, not null
   * @return the results in input order, not null
   */
  public java.util.Iterator<BatchResult> decideAll(java.util.Iterator<? extends DecisionRequest> requests,
      BatchOptions options) {
    Checks.notNull("requests", requests);
    Checks.notNull("options", options);
    return new BatchRun(pipeline::decide, requests, options);
  }

  /**
   * Decides every request of a stream, as {@link #decideAll(java.util.Iterator, BatchOptions)}
   * does: a sequential stream of results in input order, one per request. Closing it closes the
   * input stream and ends the batch's threads.
   *
   * <pre>{@code
   * try (Stream<BatchResult> results = engine.decideAll(accounts.map(a -> DecisionRequest.of(a, december)),
   *     BatchOptions.defaults().threads(4))) {
   *   results.forEach(billing::apply);
   * }
   * }</pre>
   *
   * @param requests the requests, not null; it is read once, lazily, in its encounter order
   * @param options how many threads and how many requests in flight, not null
   * @return the results in input order, not null
   */
  public java.util.stream.Stream<BatchResult> decideAll(java.util.stream.Stream<? extends DecisionRequest> requests,
      BatchOptions options) {
    Checks.notNull("requests", requests);
    Checks.notNull("options", options);
    BatchRun run = new BatchRun(pipeline::decide, requests.iterator(), options);
    return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(run,
            java.util.Spliterator.ORDERED | java.util.Spliterator.NONNULL), false)
        .onClose(run::close)
        .onClose(requests::close);
  }

  /**
   * Decides an account's credits for the billing period of its own schedule that starts in a
   * month: {@code decide(account, YearMonth.of(2007, 12))} is the December 2007 bill, a calendar
   * month, an anniversary month or a quarter as the account's {@link Account#billing()} says.
   *
   * @param account the account, not null
   * @param month the month in which the period starts, not null
   * @return the decision, not null
   * @throws dev.amends.core.InvalidInputException naming {@code period.month} if no period of the
   *     account's schedule starts in that month
   */
  public CreditDecision decide(Account account, YearMonth month) {
    Checks.notNull("account", account);
    return decide(DecisionRequest.of(account, account.billing().periodStartingIn(month)));
  }

  /** See {@link CapRounding#roundWithinCaps}. */
  static List<Money> roundWithinCaps(List<PendingLine> lines, Rounding rounding, boolean[] regrouped) {
    return CapRounding.roundWithinCaps(lines, rounding, regrouped);
  }

  /**
   * Evaluates a standard rule alone on a context, as inside a policy, with nothing compiled in
   * advance: what {@link StandardRule#evaluate(RuleContext)} does.
   */
  static Outcome evaluate(StandardRule rule, RuleContext context) {
    return StandardRules.evaluate(rule, context, CompiledPolicy.EMPTY);
  }

  /** A stable key from what identifies a credit; amounts and outages are not part of it. See {@link Keys}. */
  static String key(String accountId, String subscriptionId, BillingPeriod period, String policyId, String path) {
    return Keys.key(accountId, subscriptionId, period, policyId, path);
  }

  /** Builds a {@link CreditEngine}. */
  public static final class Builder {
    private PolicyBook policies;
    private OutageLog outages = OutageLog.empty();
    private TelemetryLog telemetry = TelemetryLog.empty();
    private final Map<CurrencyUnit, Money> reviewAbove = new LinkedHashMap<>();
    private final Map<String, Campaign> campaigns = new java.util.TreeMap<>();
    private boolean traces = true;

    private Builder() {}

    /**
     * Whether decisions record traces: on by default, so that {@link CreditDecision#explain()}
     * says how every rule looked at judged every subscription. Off, the engine builds no trace,
     * summary or trace value at all, which makes large batches cheaper; the lines (amounts,
     * reasons, keys, paths, outages), flags, warnings, carried-forward credits and totals are
     * exactly the same, {@link CreditDecision#traces()} is empty and {@link
     * CreditDecision#explain()} says that traces were not recorded. A policy made only of the
     * library's rules and conditions is then measured without the per-outage breakdown, which
     * only a trace shows; a policy with a rule or condition of your own is measured in full, so
     * {@link Measurement#breakdown()} is there for it either way.
     *
     * @param traces whether to record traces
     * @return this builder
     */
    public Builder traces(boolean traces) {
      this.traces = traces;
      return this;
    }

    /**
     * One-off goodwill grants, each landing in the billing period that contains its eligibility
     * instant; none by default.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code engine.campaigns[i]} if one is
     *     null or its id is given twice
     */
    public Builder campaigns(Campaign... campaigns) {
      Checks.notNull("engine.campaigns", campaigns);
      for (int i = 0; i < campaigns.length; i++) {
        Campaign c = Checks.notNull("engine.campaigns[" + i + "]", campaigns[i]);
        if (this.campaigns.putIfAbsent(c.id(), c) != null) {
          throw dev.amends.core.InvalidInputException.of("engine.campaigns[" + i + "].id", "is given twice", c.id());
        }
      }
      return this;
    }

    /**
     * The policies to apply; required unless {@link #campaigns(Campaign...)} are given (a
     * campaign-only engine needs no policy book).
     */
    public Builder policies(PolicyBook policies) {
      this.policies = Checks.notNull("engine.policies", policies);
      return this;
    }

    /** The outage records; empty by default. */
    public Builder outages(OutageLog outages) {
      this.outages = Checks.notNull("engine.outages", outages);
      return this;
    }

    /**
     * Telemetry samples, for policies whose measurement rules take downtime from telemetry;
     * empty by default.
     */
    public Builder telemetry(TelemetryLog telemetry) {
      this.telemetry = Checks.notNull("engine.telemetry", telemetry);
      return this;
    }

    /** Flags decisions whose new credits in a currency total more than this for review. */
    public Builder reviewAbove(Money threshold) {
      Checks.notNull("engine.reviewAbove", threshold);
      reviewAbove.put(threshold.getCurrencyUnit(), threshold);
      return this;
    }

    /**
     * Builds the engine.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code engine.policies} if neither a
     *     policy nor a campaign was given (no book, or an empty one): such an engine would decide
     *     nothing for every account without a word
     */
    public CreditEngine build() {
      if (policies == null && !campaigns.isEmpty()) {
        policies = PolicyBook.of(List.of());
      }
      Checks.notNull("engine.policies", policies);
      if (policies.policies().isEmpty() && campaigns.isEmpty()) {
        throw dev.amends.core.InvalidInputException.of("engine.policies",
            "must hold at least one policy, or the engine must have campaigns: an engine over an empty policy book "
                + "decides nothing", "an empty policy book");
      }
      for (Campaign c : campaigns.values()) {
        if (!policies.versions(c.id()).isEmpty()) {
          throw dev.amends.core.InvalidInputException.of("engine.campaigns", "must not share an id with a policy",
              c.id());
        }
      }
      return new CreditEngine(this);
    }
  }
}
