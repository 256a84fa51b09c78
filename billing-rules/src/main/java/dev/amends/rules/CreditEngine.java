package dev.amends.rules;

import dev.amends.core.account.Account;
import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.Subscription;
import dev.amends.core.internal.Checks;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.money.Allocation;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.rules.Evaluation.CapMark;
import dev.amends.rules.Evaluation.PendingLine;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
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
 * <p>Built once, immutable, safe to share across threads; no reflection and no clock.
 */
public final class CreditEngine {
  private final PolicyBook policies;
  private final OutageLog outages;
  private final TelemetryLog telemetry;
  private final Map<CurrencyUnit, Money> reviewAbove;
  private final Map<Policy, Measurer> measurers;

  private CreditEngine(Builder b) {
    this.policies = b.policies;
    this.outages = b.outages;
    this.telemetry = b.telemetry;
    this.reviewAbove = Map.copyOf(b.reviewAbove);
    Map<Policy, Measurer> m = new HashMap<>();
    for (Policy p : policies.policies()) {
      m.put(p, Measurer.of(p.measurementRules()));
    }
    this.measurers = Map.copyOf(m);
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

  /**
   * Decides an account's credits for a period, with no claims and nothing issued before,
   * evaluated at the period's end.
   *
   * @param account the account, not null
   * @param period the billing period, not null
   * @return the decision, not null
   */
  public CreditDecision decide(Account account, BillingPeriod period) {
    return decide(DecisionRequest.of(account, period));
  }

  /**
   * Decides an account's credits for a period, given claims and credits already issued.
   *
   * @param request the request, not null
   * @return the decision, not null
   * @throws RuleEvaluationException if a rule fails; the message names its path
   */
  public CreditDecision decide(DecisionRequest request) {
    Checks.notNull("request", request);
    Account account = request.account();
    BillingPeriod period = request.period();
    Instant evaluatedAt = request.evaluatedAt().orElse(period.end());
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    List<String> warnings = new ArrayList<>();
    List<SubscriptionTrace> traces = new ArrayList<>();
    List<CreditLine> computed = new ArrayList<>();
    List<CarriedCredit> carriedForward = new ArrayList<>();
    Map<String, Policy> policyById = new HashMap<>();

    List<Subscription> subs = new ArrayList<>(account.subscriptions());
    subs.sort(Comparator.comparing(Subscription::id));
    List<Policy> inForce = policies.inForce(period.start());
    for (Policy policy : inForce) {
      policyById.put(policy.id(), policy);
    }
    // Lines come by subscription id, then policy id, then position in the tree (see CreditDecision).
    for (Subscription sub : subs) {
      for (Policy policy : inForce) {
        Measurer measurer = measurers.get(policy);
        PeriodFee fee = PeriodFee.of(account, sub, period, policy.proration());
        if (!fee.isActive()) {
          continue;
        }
        Measurement measurement = policy.measurementRules().source() == Measurement.Source.TELEMETRY
            ? measurer.measureTelemetry(sub, period, telemetry, outages)
            : measurer.measure(sub, period, outages);
        if (!measurement.isComplete()) {
          // Missing telemetry the policy does not say how to count: guess nothing, credit nothing.
          String missing = measurement.describeMissingTelemetry();
          flags.add(DecisionFlag.MISSING_TELEMETRY);
          warnings.add("no credit for " + sub.id() + " under " + policy.label() + ": " + missing);
          traces.add(new SubscriptionTrace(sub.id(), policy.id(), policy.version(), policy.digest(), fee, measurement,
              new TraceNode(policy.rule().id(), "missing-telemetry", Verdict.NOT_MET, "not evaluated: " + missing,
                  Map.of("missing", measurement.missingTelemetry().totalLength().toString()), Optional.empty(),
                  List.of())));
          continue;
        }
        List<Outage> involved = new ArrayList<>();
        for (String id : measurement.outageIds()) {
          outages.byId(id).ifPresent(involved::add);
        }
        RuleContext context = RuleContext.builder()
            .account(account)
            .subscription(sub)
            .period(period)
            .fee(fee)
            .measurement(measurement)
            .outages(involved)
            .claim(claimFor(request, sub))
            .evaluatedAt(evaluatedAt)
            .carriedIn(request.carriedIn().stream()
                .filter(c -> c.subscriptionId().equals(sub.id()) && c.policyId().equals(policy.id()))
                .toList())
            .build();
        Evaluation e = Evaluator.INSTANCE.evaluate(policy.rule(), "", context);
        flags.addAll(e.flags());
        for (Evaluation.Carry carry : e.carried()) {
          Money carriedAmount = carry.amount().rounded(policy.rounding());
          if (carriedAmount.isPositive()) {
            carriedForward.add(new CarriedCredit(sub.id(), policy.id(), carry.capPath(), carriedAmount));
          }
        }
        traces.add(new SubscriptionTrace(sub.id(), policy.id(), policy.version(), policy.digest(), fee,
            measurement, e.trace()));
        List<PendingLine> pendings = e.lines();
        boolean[] regrouped = new boolean[pendings.size()];
        List<Money> amounts = roundWithinCaps(pendings, policy.rounding(), regrouped);
        for (int i = 0; i < pendings.size(); i++) {
          PendingLine pending = pendings.get(i);
          Money amount = amounts.get(i);
          boolean hasDays = pending.days() != null && pending.days().signum() > 0;
          if (amount.isZero() && !hasDays) {
            warnings.add(pending.path() + " for " + sub.id() + " rounds to " + amount + " (" +
                Texts.money(pending.amount()) + "); no line");
            continue;
          }
          Optional<Money> minimum = policy.minimumCredit(amount.getCurrencyUnit());
          if (minimum.isPresent() && !amount.isGreaterThan(minimum.get()) && !hasDays) {
            warnings.add(pending.path() + " for " + sub.id() + " gives " + amount + ", not above the minimum credit "
                + minimum.get() + "; no line");
            continue;
          }
          computed.add(new CreditLine(
              key(account.id(), sub.id(), period, policy.id(), pending.path()),
              CreditLine.Kind.CREDIT, amount, Optional.ofNullable(pending.days()), account.id(), sub.id(), period,
              policy.id(), policy.version(), policy.digest(), pending.path(), pending.outageIds(),
              regrouped[i] ? pending.reason() + "; rounded with its cap group so the cents stay within the cap"
                  : pending.reason()));
        }
      }
    }

    List<CreditLine> lines = reconcile(account.id(), period, computed, request.issued(), policyById, flags, warnings);
    Map<CurrencyUnit, Money> positive = new LinkedHashMap<>();
    for (CreditLine l : lines) {
      if (l.amount().isPositive()) {
        positive.merge(l.amount().getCurrencyUnit(), l.amount(), Money::plus);
      }
    }
    positive.forEach((currency, total) -> {
      Money threshold = reviewAbove.get(currency);
      if (threshold != null && total.isGreaterThan(threshold)) {
        flags.add(DecisionFlag.NEEDS_REVIEW);
        warnings.add("total " + total + " is above the review threshold " + threshold);
      }
    });
    return new CreditDecision(account.id(), period, evaluatedAt, lines, flags, warnings, traces, carriedForward);
  }

  /**
   * Rounds each line once with the policy's rounding. Where the rounded lines of a cap group
   * would sum to more than the cap, the group's exact total is rounded once instead (down, if
   * the policy's mode would take it over the limit) and split over its lines by their exact
   * amounts with {@link Allocation} (largest remainder, in the currency's minor unit, so a
   * coarser rounding increment holds for the group's total but not for each of its lines), so
   * that the cents never exceed the cap.
   * Inner groups are settled before the outer groups that contain them.
   */
  static List<Money> roundWithinCaps(List<PendingLine> lines, Rounding rounding, boolean[] regrouped) {
    Money[] out = new Money[lines.size()];
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    Map<String, ExactMoney> limits = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      out[i] = lines.get(i).amount().rounded(rounding);
      for (CapMark mark : lines.get(i).caps()) {
        groups.computeIfAbsent(mark.group(), k -> new ArrayList<>()).add(i);
        limits.put(mark.group(), mark.limit());
      }
    }
    List<String> order = new ArrayList<>(groups.keySet());
    order.sort(Comparator.comparingInt(g -> groups.get(g).size())); // inner groups are subsets: smaller first
    for (String group : order) {
      List<Integer> members = groups.get(group);
      ExactMoney limit = limits.get(group);
      Money sum = Money.zero(limit.currency());
      ExactMoney exact = ExactMoney.zero(limit.currency());
      List<Ratio> weights = new ArrayList<>();
      for (int i : members) {
        sum = sum.plus(out[i]);
        exact = exact.plus(lines.get(i).amount());
        weights.add(lines.get(i).amount().amount());
      }
      if (ExactMoney.of(sum).compareTo(limit) <= 0 || exact.isZero()) {
        continue;
      }
      Money total = exact.rounded(rounding);
      if (ExactMoney.of(total).compareTo(limit) > 0) {
        total = exact.rounded(rounding.increment()
            .map(step -> Rounding.of(RoundingMode.DOWN, step))
            .orElse(Rounding.of(RoundingMode.DOWN)));
      }
      List<Money> parts = Allocation.allocate(total, weights);
      for (int k = 0; k < members.size(); k++) {
        out[members.get(k)] = parts.get(k);
        regrouped[members.get(k)] = true;
      }
    }
    return List.of(out);
  }

  private static Optional<Claim> claimFor(DecisionRequest request, Subscription sub) {
    Optional<Claim> specific = request.claims().stream()
        .filter(c -> c.subscriptionId().map(sub.id()::equals).orElse(false))
        .min(EARLIEST_CLAIM);
    if (specific.isPresent()) {
      return specific;
    }
    return request.claims().stream()
        .filter(c -> c.subscriptionId().isEmpty())
        .min(EARLIEST_CLAIM);
  }

  /** The earliest claim; claims filed at the same instant by id, so the order given never matters. */
  private static final Comparator<Claim> EARLIEST_CLAIM =
      Comparator.comparing(Claim::filedAt).thenComparing(Claim::id);

  /** New lines minus what was issued, keyed by the original credit's key. */
  private static List<CreditLine> reconcile(
      String accountId, BillingPeriod period, List<CreditLine> computed, List<IssuedCredit> issued, Map<String, Policy> policyById,
      Set<DecisionFlag> flags, List<String> warnings) {
    if (issued.isEmpty()) {
      return computed;
    }
    // By key, so that what is left over comes out in the same order whatever the order given.
    Map<String, Money> issuedByKey = new java.util.TreeMap<>();
    Map<String, IssuedCredit> firstIssued = new HashMap<>();
    for (IssuedCredit c : issued) {
      issuedByKey.merge(c.baseKey(), c.amount(), Money::plus);
      firstIssued.putIfAbsent(c.baseKey(), c);
    }
    List<CreditLine> out = new ArrayList<>();
    for (CreditLine line : computed) {
      Money before = issuedByKey.remove(line.key());
      if (before == null) {
        out.add(line);
        continue;
      }
      Money diff = line.amount().minus(before);
      if (diff.isZero()) {
        continue;
      }
      Policy policy = policyById.get(line.policyId());
      if (diff.isPositive()) {
        out.add(adjust(line, CreditLine.Kind.TOP_UP, diff, before,
            "top-up: now " + line.amount() + ", issued " + before + "; " + line.reason()));
      } else if (policy != null && policy.allowsClawback()) {
        out.add(adjust(line, CreditLine.Kind.CLAWBACK, diff, before,
            "clawback: now " + line.amount() + ", issued " + before + "; " + line.reason()));
      } else {
        flags.add(DecisionFlag.OVERPAID_NO_CLAWBACK);
        warnings.add(line.key() + " issued " + before + " but now computes " + line.amount()
            + "; policy " + line.policyId() + " does not allow clawbacks");
      }
    }
    // Issued credits the re-run no longer computes at all.
    for (Map.Entry<String, Money> left : issuedByKey.entrySet()) {
      if (left.getValue().isZero()) {
        continue;
      }
      IssuedCredit first = firstIssued.get(left.getKey());
      Policy policy = policyById.get(first.policyId());
      if (policy != null && policy.allowsClawback() && left.getValue().isPositive()) {
        warnings.add(left.getKey() + " issued " + left.getValue() + " is no longer owed; clawed back in full");
        out.add(new CreditLine(left.getKey() + "/clawback-after-" + left.getValue().getAmountMinor().toPlainString(),
            CreditLine.Kind.CLAWBACK, left.getValue().negated(), Optional.empty(), accountId, first.subscriptionId(),
            period, policy.id(), policy.version(), policy.digest(), first.rulePath(), List.of(),
            "clawback: issued " + left.getValue() + ", now nothing is owed"));
      } else {
        flags.add(DecisionFlag.OVERPAID_NO_CLAWBACK);
        warnings.add(left.getKey() + " issued " + left.getValue() + " is no longer owed; "
            + (policy == null ? "its policy " + first.policyId() + " is not in force"
                : "policy " + policy.id() + " does not allow clawbacks"));
      }
    }
    return out;
  }

  private static CreditLine adjust(CreditLine line, CreditLine.Kind kind, Money diff, Money before, String reason) {
    String key = line.key() + "/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-after-"
        + before.getAmountMinor().toPlainString();
    return new CreditLine(key, kind, diff, line.days(), line.accountId(), line.subscriptionId(), line.period(),
        line.policyId(), line.policyVersion(), line.policyDigest(), line.rulePath(), line.outageIds(), reason);
  }

  /** A stable key from what identifies a credit; amounts and outages are not part of it. */
  static String key(String accountId, String subscriptionId, BillingPeriod period, String policyId, String path) {
    String text = String.join("\u001f", "amends-credit-v1", accountId, subscriptionId,
        period.startDate().toString(), period.endDate().toString(), period.zone().getId(), policyId, path);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "cr-" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** Builds a {@link CreditEngine}. */
  public static final class Builder {
    private PolicyBook policies;
    private OutageLog outages = OutageLog.empty();
    private TelemetryLog telemetry = TelemetryLog.empty();
    private final Map<CurrencyUnit, Money> reviewAbove = new LinkedHashMap<>();

    private Builder() {}

    /** The policies to apply; required. */
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
     * @throws dev.amends.core.InvalidInputException if no policies were given
     */
    public CreditEngine build() {
      Checks.notNull("engine.policies", policies);
      return new CreditEngine(this);
    }
  }
}
