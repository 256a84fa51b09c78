package dev.amends.rules.engine;

import dev.amends.rules.Campaign;
import dev.amends.rules.CarriedCredit;
import dev.amends.rules.Claim;
import dev.amends.rules.Condition;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.MeasurementWindow;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.RuleContext;
import dev.amends.rules.SubscriptionTrace;
import dev.amends.rules.internal.QuickTest;
import dev.amends.rules.internal.Texts;
import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.Subscription;
import dev.amends.core.internal.Checks;
import dev.amends.core.internal.Intervals;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementKey;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Internal, not part of the API: the decision pipeline behind {@link dev.amends.rules.CreditEngine},
 * the front door, which builds one with what it was built with and hands every request to {@link
 * #decide}. Steps 1 to 3 of the data flow: the policy versions in force, then per subscription and
 * policy the fee, the measurement, the rule tree, caps and one rounding per line, then the
 * campaigns' grants, and last the reconciliation with what was issued, keys and review flags.
 * Immutable but for a thread-safe cache of the versions in force per period start; one instance
 * serves every thread.
 */
public final class Pipeline {
  private final PolicyBook policies;
  private final OutageLog outages;
  // The outage log's scopes numbered once for the engine, for the batches' shared measurements.
  private final ScopeSlots slots;
  private final TelemetryLog telemetry;
  private final Map<CurrencyUnit, Money> reviewAbove;
  // Each policy's measurer, by identity: a policy's equals and hashCode walk its whole tree.
  private final Map<Policy, Measurer> measurers;
  // Each policy's tree compiled once, by the instance (the book's and the campaigns' own).
  private final Map<Policy, Evaluator> evaluators;
  private final List<Campaign> campaigns; // by id
  private final Map<String, Campaign> campaignsById;
  private final boolean traces;
  // The versions in force by period start, filled as requests come (see inForce).
  private final FreshWhenFull<Instant, List<Policy>> inForceAt = new FreshWhenFull<>(IN_FORCE_KEPT, false);
  /** How a batch's shared measurements measure a key met the first time (no function made per subscription). */
  private final SharedMeasurements.Measure measureShared = this::measureKey;
  /** One instance per period met, see {@link #sameInstance}. */
  private final FreshWhenFull<BillingPeriod, BillingPeriod> periodsMet = new FreshWhenFull<>(IN_FORCE_KEPT, false);
  // What a decision records of each subscription: a trace, or nothing.
  private final SubscriptionRecorder recorder;

  /**
   * A pipeline over what the engine was built with.
   *
   * @param policies the policies applied
   * @param outages the outage records measured
   * @param telemetry the telemetry samples
   * @param reviewAbove the review threshold per currency
   * @param campaigns the campaigns, by id
   * @param traces whether decisions record traces
   */
  public Pipeline(PolicyBook policies, OutageLog outages, TelemetryLog telemetry, Map<CurrencyUnit, Money> reviewAbove,
      List<Campaign> campaigns, boolean traces) {
    this.traces = traces;
    this.recorder = SubscriptionRecorder.of(traces);
    this.policies = policies;
    this.outages = outages;
    this.slots = new ScopeSlots(outages);
    this.telemetry = telemetry;
    this.reviewAbove = Map.copyOf(reviewAbove);
    this.campaigns = List.copyOf(campaigns);
    Map<String, Campaign> byId = new HashMap<>();
    for (Campaign c : campaigns) {
      byId.put(c.id(), c);
    }
    this.campaignsById = Map.copyOf(byId);
    Map<Policy, Measurer> m = new IdentityHashMap<>();
    for (Policy p : policies.policies()) {
      m.put(p, measurer(p, traces));
    }
    for (Campaign c : campaigns) {
      Policy p = Definitions.access().campaignPolicy(c);
      m.put(p, measurer(p, traces));
    }
    this.measurers = Collections.unmodifiableMap(m);
    Map<Policy, Evaluator> e = new IdentityHashMap<>();
    for (Policy p : policies.policies()) {
      e.put(p, new Evaluator(CompiledPolicy.of(p.rule()), traces));
    }
    for (Campaign c : campaigns) {
      Policy p = Definitions.access().campaignPolicy(c);
      e.put(p, new Evaluator(CompiledPolicy.of(p.rule()), traces));
    }
    this.evaluators = Collections.unmodifiableMap(e);
  }

  /**
   * The versions in force at an instant, as {@link PolicyBook#inForce(Instant)} gives them, looked
   * up once per instant: a batch's requests share a few period starts. Once {@value
   * #IN_FORCE_KEPT} instants are kept, the next new one starts the cache afresh, so an engine
   * that lives through many periods keeps those it decides now.
   */
  private List<Policy> inForce(Instant at) {
    List<Policy> known = inForceAt.get(at);
    if (known == null) {
      known = List.copyOf(policies.inForce(at));
      inForceAt.put(at, known);
    }
    return known;
  }

  /**
   * The first instance met of a period equal to {@code period} (itself if none is kept): equal
   * in every part, so nothing decided changes, but the caches a batch keeps by period compare
   * identity first, and a caller may give each account a period of its own (the command line
   * makes one per account line). Kept like {@link #inForce}: at most {@value #IN_FORCE_KEPT}.
   */
  private BillingPeriod sameInstance(BillingPeriod period) {
    BillingPeriod kept = periodsMet.get(period);
    if (kept != null) {
      return kept;
    }
    periodsMet.put(period, period);
    return period;
  }

  /** How many instants {@link #inForce(Instant)} keeps the versions in force at. */
  static final int IN_FORCE_KEPT = 1024;

  /** How many instants the versions in force are kept at now: for tests. */
  int inForceKept() {
    return inForceAt.size();
  }

  /** The policy's measurer, built when the engine was built (or now, for a policy it does not know). */
  private Measurer measurer(Policy policy) {
    Measurer m = measurers.get(policy);
    return m != null ? m : measurer(policy, traces);
  }

  /** The policy's evaluator, compiled when the engine was built (or now, for a policy it does not know). */
  private Evaluator evaluator(Policy policy) {
    Evaluator e = evaluators.get(policy);
    return e != null ? e : new Evaluator(CompiledPolicy.of(policy.rule()), traces);
  }

  /**
   * The policy's measurer. Without traces, and when only the library's own rules and conditions
   * read the measurement (none of which reads the per-outage breakdown), one that builds no
   * breakdown; a policy with a rule or condition of your own always gets the full measurement,
   * so what it reads never depends on tracing.
   */
  private static Measurer measurer(Policy policy, boolean traces) {
    Measurer m = Measurer.of(policy.measurementRules());
    return traces || !LibraryNodes.only(policy.rule()) ? m : m.withoutBreakdowns();
  }

  /**
   * Decides a request, as {@link dev.amends.rules.CreditEngine#decide(DecisionRequest)} documents,
   * taking measurements from {@code shared} and fees from {@code fees} when not null.
   */
  public CreditDecision decide(DecisionRequest request, SharedMeasurements shared, SharedFees fees) {
    Checks.notNull("request", request);
    RequestChecks.check(request, campaignsById);
    Decided out = new Decided(request, sameInstance(request.period()), shared, fees, recorder.list());
    // 1. the version of each policy in force at the period's start; a switch-over inside the
    //    period is flagged, never silently skipped
    List<Policy> inForce = inForce(out.period.start());
    checkPlans(inForce, out);
    flagSwitchOvers(out.period, inForce, out);
    // 2. per subscription active in the period, and per policy in force: a. fee, b. measurement,
    //    c. rule tree, d. caps and one rounding per line. Lines come by subscription id, then
    //    policy id, then position in the tree (see CreditDecision).
    for (Subscription sub : out.subscriptions) {
      Policy crediting = null;
      for (Policy policy : inForce) {
        int before = out.linesSoFar().size();
        decideOne(policy, policy.digest(), sub, out, null, null);
        if (out.linesSoFar().size() > before) {
          if (crediting != null) {
            flagDoubleCover(sub, crediting, policy, out);
          } else {
            crediting = policy;
          }
        }
      }
    }
    //    then the one-off grants whose eligibility instant falls in this period, by campaign id
    for (Campaign campaign : campaigns) {
      if (out.period.window().contains(campaign.eligibleAt())) {
        grant(campaign, out);
      }
    }
    // 3. lines (only the difference from what was issued), unique keys, totals and review
    // (the policies deciding each id are only read against credits issued)
    // (with nothing issued, reconciling reads nothing more and adds no flag or warning)
    boolean issued = !request.issued().isEmpty();
    List<CreditLine> lines = Reconciliation.reconcile(out.account.id(), out.period, out.linesSoFar(),
        request.issued(), issued ? deciding(inForce) : Map.of(), issued ? out.flags() : out.flagsSoFar(),
        issued ? out.warnings() : out.warningsSoFar());
    if (lines.size() > 1) { // one line has a unique key
      Keys.checkUnique(lines);
    }
    flagForReview(lines, out);
    return Definitions.access().decision(out.account.id(), out.period, out.evaluatedAt, lines, out.flagsSoFar(),
        out.warningsSoFar(), out.traces, out.carriedForwardSoFar());
  }

  /**
   * Two policies in force both credit one subscription for the period: allowed (policies that
   * list disjoint plans never do), but never silent, since it usually means one subscription is
   * paid twice for one failure.
   */
  private static void flagDoubleCover(Subscription sub, Policy first, Policy second, Decided out) {
    out.flags().add(DecisionFlag.NEEDS_REVIEW);
    out.warnings().add(sub.id() + " (plan " + sub.plan() + ") is credited by two policies in force, " + first.label()
        + " and " + second.label() + ": if one subscription should be covered by one policy, give the policies"
        + " disjoint plans (Policy.plans); a one-off gesture is a Campaign");
  }

  /**
   * Rejects an account with a subscription active in the period on a plan that no policy in force
   * covers, when every policy in force lists the plans it covers: that plan is unknown, not owed
   * nothing.
   */
  private static void checkPlans(List<Policy> inForce, Decided out) {
    if (inForce.isEmpty()) {
      return;
    }
    for (Policy policy : inForce) {
      if (policy.plans().isEmpty()) {
        return;
      }
    }
    List<Subscription> subs = out.account.subscriptions();
    for (int i = 0; i < subs.size(); i++) {
      if (!subs.get(i).active().overlaps(out.period.window())) {
        continue; // a subscription ended before (or starting after) the period: its plan may be retired
      }
      String plan = subs.get(i).plan();
      boolean covered = false;
      for (Policy policy : inForce) {
        if (policy.covers(plan)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        List<String> known = new ArrayList<>();
        for (Policy policy : inForce) {
          known.add(policy.label() + " " + Definitions.access().plansText(policy));
        }
        throw InvalidInputException.of("request.account.subscriptions[" + i + "].plan",
            "must be a plan a policy in force covers: " + String.join(", ", known), plan);
      }
    }
  }

  /** The policy deciding each policy or campaign id: the versions in force, then the campaigns. */
  private Map<String, Policy> deciding(List<Policy> inForce) {
    Map<String, Policy> deciding = new HashMap<>();
    for (Policy policy : inForce) {
      deciding.put(policy.id(), policy);
    }
    for (Campaign campaign : campaigns) {
      deciding.putIfAbsent(campaign.id(), Definitions.access().campaignPolicy(campaign));
    }
    return deciding;
  }

  /** Flags a decision whose new credits in a currency total more than the review threshold. */
  private void flagForReview(List<CreditLine> lines, Decided out) {
    if (lines.isEmpty() || reviewAbove.isEmpty()) {
      return;
    }
    Map<CurrencyUnit, Money> positive = new LinkedHashMap<>();
    for (CreditLine l : lines) {
      if (l.amount().isPositive()) {
        positive.merge(l.amount().getCurrencyUnit(), l.amount(), Money::plus);
      }
    }
    positive.forEach((currency, total) -> {
      Money threshold = reviewAbove.get(currency);
      if (threshold != null && total.isGreaterThan(threshold)) {
        out.flags().add(DecisionFlag.NEEDS_REVIEW);
        out.warnings().add("total " + total + " is above the review threshold " + threshold);
      }
    });
  }

  /**


  /** What one decision has gathered so far. */
  static final class Decided {
    private static final Comparator<Subscription> BY_ID = Comparator.comparing(Subscription::id);

    final DecisionRequest request;
    /** Measurements shared with other decisions of a batch; null outside a batch. */
    final SharedMeasurements shared;
    /** Fees shared with other decisions of a batch; null outside a batch. */
    final SharedFees fees;
    final Account account;
    final BillingPeriod period;
    final Instant evaluatedAt;
    /** The account's subscriptions by id. */
    final List<Subscription> subscriptions;
    // The flags, warnings, lines and credits carried forward: each null until the first is added
    // (most decisions have no flag, no warning and nothing carried forward).
    private Set<DecisionFlag> flags;
    private List<String> warnings;
    /** The subscriptions' traces; null when traces are off. */
    final List<SubscriptionTrace> traces;
    private List<CreditLine> lines;
    private List<CarriedCredit> carriedForward;
    /**
     * Days of service already given per subscription in this decision, in line order; null
     * until a line gives days (most decisions give none).
     */
    Map<String, Ratio> daysGiven;

    Decided(DecisionRequest request, BillingPeriod period, SharedMeasurements shared, SharedFees fees,
        List<SubscriptionTrace> traces) {
      this.request = request;
      this.traces = traces;
      this.shared = shared;
      this.fees = fees;
      this.account = request.account();
      this.period = period; // the request's, or an equal one (see sameInstance)
      this.evaluatedAt = request.evaluatedAt().orElse(period.end());
      List<Subscription> given = account.subscriptions();
      if (given.size() < 2) {
        this.subscriptions = given; // nothing to sort (the account's list is immutable)
      } else {
        List<Subscription> subs = new ArrayList<>(given);
        subs.sort(BY_ID);
        this.subscriptions = subs;
      }
    }

    /** The flags, to add to. */
    Set<DecisionFlag> flags() {
      if (flags == null) {
        flags = EnumSet.noneOf(DecisionFlag.class);
      }
      return flags;
    }

    /** The warnings, to add to. */
    List<String> warnings() {
      if (warnings == null) {
        warnings = new ArrayList<>();
      }
      return warnings;
    }

    /** The lines, to add to. */
    List<CreditLine> lines() {
      if (lines == null) {
        lines = new ArrayList<>();
      }
      return lines;
    }

    /** The credits carried forward, to add to. */
    List<CarriedCredit> carriedForward() {
      if (carriedForward == null) {
        carriedForward = new ArrayList<>();
      }
      return carriedForward;
    }

    /** The flags so far, to read. */
    Set<DecisionFlag> flagsSoFar() {
      return flags == null ? Set.of() : flags;
    }

    /** The warnings so far, to read. */
    List<String> warningsSoFar() {
      return warnings == null ? List.of() : warnings;
    }

    /** The lines so far, to read. */
    List<CreditLine> linesSoFar() {
      return lines == null ? List.of() : lines;
    }

    /** The credits carried forward so far, to read. */
    List<CarriedCredit> carriedForwardSoFar() {
      return carriedForward == null ? List.of() : carriedForward;
    }
  }

  /** Flags every version whose effective window starts or ends strictly inside the period. */
  private void flagSwitchOvers(BillingPeriod period, List<Policy> inForce, Decided out) {
    for (Policy p : policies.policies()) {
      Instant from = p.effectiveFrom();
      if (from.isAfter(period.start()) && from.isBefore(period.end())) {
        out.flags().add(DecisionFlag.POLICY_CHANGED_IN_PERIOD);
        String decidedBy = inForce.stream().filter(q -> q.id().equals(p.id())).findFirst()
            .map(q -> q.label() + ", in force at the period's start, decided the whole period")
            .orElse("no version of " + p.id() + " was in force at the period's start, so it gave nothing for it");
        out.warnings().add("policy " + p.label() + " takes effect at " + from + ", inside " + period.label() + "; "
            + decidedBy);
      }
      Optional<Instant> until = p.effectiveUntil();
      if (until.isPresent() && until.get().isAfter(period.start()) && until.get().isBefore(period.end())
          && inForce.contains(p)) {
        out.flags().add(DecisionFlag.POLICY_CHANGED_IN_PERIOD);
        out.warnings().add("policy " + p.label() + " ends at " + until.get() + ", inside " + period.label()
            + "; it was in force at the period's start and decided the whole period");
      }
    }
  }

  /**
   * Steps a to d of the data flow for one subscription under one policy: fee, measurement, rule
   * tree, caps and one rounding per line. Returns whether any line was kept. {@code eligible} is
   * what a campaign's eligibility test read the subscription through (null for a policy): its fee
   * and measurement, if computed, are not computed again, and the tree reads the same context.
   * {@code keyOf} gives a kept line's key from its path; null for a policy's lines, keyed by
   * {@link Keys#key} (so that no function is made per subscription and policy).
   */
  private boolean decideOne(Policy policy, String digest, Subscription sub, Decided out,
      Function<String, String> keyOf, Facts eligible) {
    Account account = out.account;
    BillingPeriod period = out.period;
    DecisionRequest request = out.request;
    if (!policy.covers(sub.plan())) {
      Supplier<String> why = () -> "its plan " + sub.plan() + " is not one of " + policy.label() + "'s plans "
          + Definitions.access().plansText(policy);
      carryOn(policy, sub, out, why);
      recorder.notCovered(out.traces, sub, policy, digest, why);
      return false;
    }
    // a. the fee for the period, or for the longer window the policy measures and credits in it
    Optional<Claim> claim = claimFor(request, sub);
    BillingPeriod measured = MeasurementWindows.measured(policy, account, period, claim);
    if (measured == null) {
      Supplier<String> why = () -> "its policy " + MeasurementWindows.describe(policy.measurementWindow().orElseThrow())
          + (claim.isEmpty() && policy.measurementWindow().orElseThrow() instanceof MeasurementWindow.RollingDays
              ? ", and no claim covers it" : ", and none is credited in " + period.label());
      carryOn(policy, sub, out, why);
      recorder.notDecided(out.traces, sub, policy, digest, null, null, why);
      return false;
    }
    // (a rolling window keeps the fee of the period decided, the one its credit lands on)
    boolean rolling = measured != period
        && policy.measurementWindow().orElseThrow() instanceof MeasurementWindow.RollingDays;
    // a campaign's eligibility read the period decided, measured as here: the same facts
    // (the facts compute the fee and b. the downtime measured under the policy's rules)
    Facts facts = eligible != null && measured == period ? eligible
        : new Facts(this, policy, sub, out, measured, rolling, claim);
    PeriodFee fee = facts.fee();
    if (!fee.isActive()) {
      carryOn(policy, sub, out, () -> "it is not active in " + (rolling ? period : measured).label());
      return false;
    }
    Measurement figures = facts.figures();
    // What a trace shows carries the subscription's id: the copy, made only when traces are
    // recorded (without traces the recorder reads nothing, so nothing is copied).
    Measurement measurement = traces ? facts.measurement() : null;
    if (!figures.isComplete()) {
      // Missing telemetry the policy does not say how to count: guess nothing, credit nothing.
      String missing = figures.describeMissingTelemetry();
      out.flags().add(DecisionFlag.MISSING_TELEMETRY);
      out.warnings().add("no credit for " + sub.id() + " under " + policy.label() + ": " + missing);
      carryOn(policy, sub, out, () -> "its policy was not evaluated (missing telemetry)");
      recorder.missingTelemetry(out.traces, sub, policy, digest, fee, measurement, missing);
      return false;
    }
    if (rolling) {
      BillingPeriod eligibleIn = MeasurementWindows.eligibleCreditPeriod(account.billing(), figures);
      if (!period.equals(eligibleIn)) {
        Supplier<String> why = () -> "its policy "
            + MeasurementWindows.describe(policy.measurementWindow().orElseThrow()) + ", and "
            + (eligibleIn == null ? "no downtime is counted in " + measured.label()
                : "the latest downtime counted in " + measured.label() + " lies in " + eligibleIn.label());
        carryOn(policy, sub, out, why);
        recorder.notDecided(out.traces, sub, policy, digest, fee, measurement, why);
        return false;
      }
    }
    // c. the rule tree on that context, read straight from the evaluation's accumulator
    Acc acc = evaluator(policy).run(policy.rule(), "", facts.context());
    try {
      return settle(acc, account, sub, period, policy, digest, fee, measurement, keyOf, out);
    } finally {
      acc.release();
    }
  }

  /**
   * Steps c (what the rule tree gave, in {@code acc}) and d of {@link #decideOne}: flags, cap
   * warnings, carries and the trace, then one rounding per line within its caps, and the lines.
   */
  private boolean settle(Acc acc, Account account, Subscription sub, BillingPeriod period, Policy policy,
      String digest, PeriodFee fee, Measurement measurement, Function<String, String> keyOf, Decided out) {
    if (acc.flags != 0) {
      Acc.addFlags(acc.flags, out.flags());
    }
    for (int i = 0; i < acc.asidesSize(); i++) {
      switch (acc.aside(i)) {
        // caps that cut all their lines to nothing, once each
        case Evaluation.CapWarning w -> out.warnings().add(w.text());
        case Evaluation.Carry carry -> {
          Money carriedAmount = carry.amount().rounded(policy.rounding());
          if (carriedAmount.isPositive()) {
            out.carriedForward().add(new CarriedCredit(sub.id(), policy.id(), carry.capPath(), carriedAmount));
          }
        }
      }
    }
    recorder.evaluated(out.traces, sub, policy, digest, fee, measurement, acc.trace);
    // d. caps, then exactly one rounding per line
    checkOverFullFee(policy, sub, fee, acc, out);
    CapRounding.round(acc, policy.rounding());
    boolean kept = false;
    for (int i = 0; i < acc.size(); i++) {
      Money amount = acc.rounded(i);
      String path = acc.path(i);
      Ratio days = acc.days(i);
      boolean hasDays = days != null && days.signum() > 0;
      if (amount.isZero() && !hasDays) {
        out.warnings().add(path + " for " + sub.id() + " rounds to " + amount + " (" +
            Texts.money(acc.amount(i)) + "); no line");
        continue;
      }
      Optional<Money> minimum = policy.minimumCredit().isEmpty() ? Optional.empty()
          : policy.minimumCredit(amount.getCurrencyUnit());
      if (minimum.isPresent() && !amount.isGreaterThan(minimum.get()) && !hasDays) {
        out.warnings().add(path + " for " + sub.id() + " gives " + amount + ", not above the minimum credit "
            + minimum.get() + "; no line");
        continue;
      }
      String reason = acc.regrouped(i)
          ? acc.reason(i) + "; rounded with its cap group so the cents stay within the cap"
          : acc.reason(i);
      Optional<Instant> termEnd = Optional.empty();
      if (hasDays) {
        if (out.daysGiven == null) {
          out.daysGiven = new HashMap<>();
        }
        Ratio daysSoFar = out.daysGiven.getOrDefault(sub.id(), Ratio.ZERO);
        Instant paidThrough = TermExtension.paidThrough(account, sub, period);
        Instant from = TermExtension.extend(paidThrough, daysSoFar, account.zone(), path);
        Ratio daysNow = daysSoFar.plus(days);
        out.daysGiven.put(sub.id(), daysNow);
        termEnd = Optional.of(TermExtension.extend(paidThrough, daysNow, account.zone(), path));
        reason = reason + "; " + TermExtension.describe(from, days, termEnd.get(), account.zone());
      }
      out.lines().add(new CreditLine(
          keyOf == null ? Keys.key(account.id(), sub.id(), period, policy.id(), path)
              : keyOf.apply(path),
          CreditLine.Kind.CREDIT, amount, Optional.ofNullable(days), termEnd, account.id(), sub.id(),
          period, policy.id(), policy.version(), digest, path, acc.outageIds(i), reason));
      kept = true;
    }
    return kept;
  }

  /**
   * Carries the credits carried in for a subscription under a policy on, unchanged, when the
   * policy was not evaluated for it this period: they were not used, and must not be lost.
   */
  private static void carryOn(Policy policy, Subscription sub, Decided out, Supplier<String> why) {
    for (CarriedCredit c : out.request.carriedIn()) {
      if (c.subscriptionId().equals(sub.id()) && c.policyId().equals(policy.id())) {
        out.carriedForward().add(c);
        out.warnings().add(c.amount() + " carried in for " + sub.id() + " under " + policy.label() + " cap "
            + c.capPath() + " is carried on unused: " + why.get());
      }
    }
  }

  /** The subscription's fee for the period under the policy's proration. */
  static PeriodFee fee(Decided out, Subscription sub, Policy policy) {
    return out.fees == null
        ? PeriodFee.of(out.account, sub, out.period, policy.proration())
        : out.fees.fee(out.account, sub, out.period, policy.proration());
  }

  /**
   * The subscription's downtime in the period under the policy's measurement rules, as figures: in
   * a batch, the measurement shared with the subscriptions of the same key, whose subscription id
   * may be another's (see {@link Facts}).
   */
  Measurement figures(Policy policy, Subscription sub, BillingPeriod period, SharedMeasurements shared) {
    Measurer measurer = measurer(policy);
    if (shared != null) {
      return shared.figures(measurer, sub, period, slots, outages, measureShared);
    }
    return policy.measurementRules().source() == Measurement.Source.TELEMETRY
        ? measurer.measureTelemetry(sub, period, telemetry, outages)
        : measurer.measure(sub, period, outages);
  }

  /** A key measured for a subscription, from telemetry or from the outage records as the measurer's rules say. */
  private Measurement measureKey(Measurer measurer, MeasurementKey key, Subscription sub) {
    return measurer.rules().source() == Measurement.Source.TELEMETRY
        ? measurer.measureTelemetry(key, sub.id(), telemetry, outages)
        : measurer.measure(key, sub.id(), outages);
  }

  /**
   * The downtime measured as {@link #figures} does, without the outages {@code used} by credits
   * issued earlier, each named in a warning: a rolling window does not count them again.
   */
  Measurement measureWithout(Policy policy, Subscription sub, BillingPeriod period, Set<String> used,
      Decided out) {
    List<Outage> kept = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (Outage o : outages.all()) {
      if (!used.contains(o.id())) {
        kept.add(o);
      } else if (Intervals.overlap(o.window(), period.window()).isPresent()) {
        left.add(o.id());
      }
    }
    if (!left.isEmpty()) {
      out.warnings().add("outage(s) " + String.join(", ", left) + " in " + period.label() + " not counted again for "
          + sub.id() + " under " + policy.label() + ": a credit issued earlier rests on them");
    }
    OutageLog log = OutageLog.of(kept);
    Measurer measurer = measurer(policy);
    return policy.measurementRules().source() == Measurement.Source.TELEMETRY
        ? measurer.measureTelemetry(sub, period, telemetry, log)
        : measurer.measure(sub, period, log);
  }

  /**
   * A campaign's grant for one account: per subscription, every eligible subscription by id; per
   * account, the first eligible subscription by id, the others traced as skipped.
   */
  private void grant(Campaign campaign, Decided out) {
    Policy policy = Definitions.access().campaignPolicy(campaign);
    String givenWith = null;
    for (Subscription sub : out.subscriptions) {
      if (givenWith != null) {
        // the skipped subscription's fee and measurement are only for its trace
        recorder.grantSkipped(out.traces, sub, campaign, policy, () -> fee(out, sub, policy),
            () -> figures(policy, sub, out.period, out.shared).withSubscriptionId(sub.id()), givenWith);
        continue;
      }
      if (!traces && quicklyRuledOut(campaign, policy, sub, out)) {
        continue; // as ruledOut would, with nothing to record: no facts built for it
      }
      Facts facts = new Facts(this, policy, sub, out, out.period, false, null);
      if (ruledOut(campaign, sub, out, facts)) {
        continue;
      }
      String unitPart = campaign.unit() == Campaign.Unit.PER_SUBSCRIPTION ? sub.id() : "";
      int before = out.linesSoFar().size();
      boolean given = decideOne(policy, campaign.digest(), sub, out,
          path -> Keys.grantKey(campaign.id(), out.account.id(), unitPart, path), facts);
      flagAboveCampaignLimit(campaign, out, before);
      if (given && campaign.unit() == Campaign.Unit.PER_ACCOUNT) {
        givenWith = sub.id();
      }
    }
  }

  /** Flags each grant line from {@code from} on above the campaign's review limit in its currency. */
  private static void flagAboveCampaignLimit(Campaign campaign, Decided out, int from) {
    if (campaign.reviewAbove().isEmpty()) {
      return;
    }
    for (int i = from; i < out.linesSoFar().size(); i++) {
      CreditLine l = out.linesSoFar().get(i);
      for (Money limit : campaign.reviewAbove()) {
        if (limit.getCurrencyUnit().equals(l.amount().getCurrencyUnit()) && l.amount().isGreaterThan(limit)) {
          out.flags().add(DecisionFlag.NEEDS_REVIEW);
          out.warnings().add("campaign " + campaign.id() + " grants " + l.amount() + " to " + l.subscriptionId()
              + ", above its review limit " + limit);
        }
      }
    }
  }

  /**
   * Tests a campaign's eligibility before its fee and measurement, on the subscription's facts,
   * which compute them only if the condition asks (a placement or plan condition never does), so
   * that the many subscriptions a campaign is not for cost almost nothing. Returns true if the
   * subscription is not eligible, recorded as {@link #decideOne} would trace it but with "not
   * eligible: " and the condition (its canonical form when the quick test on the subscription
   * alone, such as a placement, a plan or the active window, answers without building any text;
   * else its result), and with only the fee or measurement the condition needed. Returns false
   * if it must be decided in full, on the same facts, so that what the condition computed is not
   * computed again: for the eligible, and for a subscription not active in the period, nothing
   * changes. A campaign measured from telemetry is always decided in full, so that missing
   * telemetry is flagged as before.
   */
  private boolean ruledOut(Campaign campaign, Subscription sub, Decided out, Facts facts) {
    Policy policy = Definitions.access().campaignPolicy(campaign);
    if (policy.measurementRules().source() == Measurement.Source.TELEMETRY) {
      return false;
    }
    if (Intervals.overlap(out.period.window(), sub.active()).isEmpty()) {
      return false; // not active in the period: decideOne says so (and carries carried-in credits on)
    }
    Condition eligible = Definitions.access().eligible(campaign);
    return switch (Definitions.access().quickTest(eligible, facts.context())) {
      case HOLDS -> false;
      case FAILS -> {
        recorder.notEligible(out.traces, sub, campaign, policy, facts, null, evaluator(policy));
        yield true;
      }
      case NEEDS_FULL_TEST -> {
        ConditionResult r = evaluator(policy).test(eligible, campaign.id(), facts.context());
        if (r.met()) {
          yield false;
        }
        recorder.notEligible(out.traces, sub, campaign, policy, facts, r, evaluator(policy));
        yield true;
      }
    };
  }

  /**
   * Whether {@link #ruledOut} would rule the subscription out on the quick test alone: the usual
   * answer for the many subscriptions a campaign is not for, found on a context that holds only
   * the account, the subscription and the period (the quick test reads nothing else), without the
   * facts a full test or a trace would need.
   */
  private static boolean quicklyRuledOut(Campaign campaign, Policy policy, Subscription sub, Decided out) {
    if (policy.measurementRules().source() == Measurement.Source.TELEMETRY
        || Intervals.overlap(out.period.window(), sub.active()).isEmpty()) {
      return false;
    }
    RuleContext alone = Definitions.access().context(out.account, sub, out.period, out.evaluatedAt, NOT_READ);
    return Definitions.access().quickTest(Definitions.access().eligible(campaign), alone) == QuickTest.FAILS;
  }

  /** What the quick test's context gives for anything but the subscription: never read. */
  private static final Definitions.Source NOT_READ = new Definitions.Source() {
    @Override
    public PeriodFee fee() {
      return notRead();
    }

    @Override
    public Measurement figures() {
      return notRead();
    }

    @Override
    public List<Outage> outages(Measurement figures) {
      return notRead();
    }

    @Override
    public Optional<Claim> claim() {
      return notRead();
    }

    @Override
    public List<CarriedCredit> carriedIn() {
      return notRead();
    }

    private static <T> T notRead() {
      throw new IllegalStateException("a quick test reads only the account, the subscription and the period");
    }
  };

  /** {@link #involved(Measurement)}, looked up once per shared measurement when {@code shared} is not null. */
  List<Outage> involved(Measurement measurement, SharedMeasurements shared) {
    return shared == null ? involved(measurement) : shared.involved(measurement, this::involved);
  }

  /** The outage records a measurement names, in its order. */
  private List<Outage> involved(Measurement measurement) {
    List<Outage> involved = new ArrayList<>();
    for (String id : measurement.outageIds()) {
      outages.byId(id).ifPresent(involved::add);
    }
    return involved;
  }

  /** The credits carried into this policy's caps for this subscription. */
  static List<CarriedCredit> carriedIn(DecisionRequest request, Subscription sub, Policy policy) {
    if (request.carriedIn().isEmpty()) {
      return List.of();
    }
    return request.carriedIn().stream()
        .filter(c -> c.subscriptionId().equals(sub.id()) && c.policyId().equals(policy.id()))
        .toList();
  }

  /**
   * Flags a subscription whose lines under a policy are worth more than its fee for the period,
   * valued before rounding, unless the policy allows it.
   */
  private static void checkOverFullFee(
      Policy policy, Subscription sub, PeriodFee fee, Acc lines, Decided out) {
    if (policy.allowsOverFullFee() || lines.size() == 0) {
      return;
    }
    ExactMoney total = ExactMoney.zero(fee.fee().currency());
    for (int i = 0; i < lines.size(); i++) {
      total = total.plus(lines.amount(i));
    }
    if (total.compareTo(fee.fee()) > 0) {
      out.flags().add(DecisionFlag.OVER_FULL_FEE);
      out.warnings().add(sub.id() + " is credited " + Texts.money(total) + " under " + policy.label()
          + ", more than its fee of " + Texts.money(fee.fee()) + " for the period; the policy does not allow"
          + " credits over the full fee");
    }
  }



  static Optional<Claim> claimFor(DecisionRequest request, Subscription sub) {
    List<Claim> claims = request.claims();
    if (claims.isEmpty()) {
      return Optional.empty();
    }
    Claim specific = null;
    Claim general = null;
    for (Claim c : claims) {
      if (c.subscriptionId().isEmpty()) {
        general = general == null || EARLIEST_CLAIM.compare(c, general) < 0 ? c : general;
      } else if (c.subscriptionId().get().equals(sub.id())) {
        specific = specific == null || EARLIEST_CLAIM.compare(c, specific) < 0 ? c : specific;
      }
    }
    return Optional.ofNullable(specific != null ? specific : general);
  }

  /** The earliest claim; claims filed at the same instant by id, so the order given never matters. */
  private static final Comparator<Claim> EARLIEST_CLAIM =
      Comparator.comparing(Claim::filedAt).thenComparing(Claim::id);
}
