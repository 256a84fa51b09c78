package dev.amends.rules;

import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.OutageBreakdown;
import dev.amends.core.time.BillingPeriod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What an account is owed for one period, and why: the credit lines, totals per currency,
 * flags and warnings for a person to look at, and a trace of every rule looked at, including
 * those that gave nothing.
 *
 * <p>Lines come ordered by subscription id, then policy id, then the rule's position in the
 * tree; the decision is identical on every re-run of the same inputs, whatever their order.
 * {@link #explain()} renders it as plain text for support staff. Immutable and thread-safe.
 */
public final class CreditDecision {
  private final String accountId;
  private final BillingPeriod period;
  private final Instant evaluatedAt;
  private final List<CreditLine> lines;
  private final Map<CurrencyUnit, Money> totals;
  private final Set<DecisionFlag> flags;
  private final List<String> warnings;
  private final List<SubscriptionTrace> traces;
  private final List<CarriedCredit> carriedForward;
  private final boolean traced;

  /** A decision; {@code traces} is null when the engine did not record traces. */
  CreditDecision(
      String accountId, BillingPeriod period, Instant evaluatedAt, List<CreditLine> lines, Set<DecisionFlag> flags,
      List<String> warnings, List<SubscriptionTrace> traces, List<CarriedCredit> carriedForward) {
    this.accountId = accountId;
    this.period = period;
    this.evaluatedAt = evaluatedAt;
    // Most decisions have no warnings, nothing carried forward, and many no line: no copies of
    // empty lists, and no map for no totals.
    this.lines = lines.isEmpty() ? List.of() : List.copyOf(lines);
    if (lines.isEmpty()) {
      this.totals = Collections.emptyMap();
    } else {
      this.totals = totals(this.lines);
    }
    this.flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    this.warnings = warnings.isEmpty() ? List.of() : List.copyOf(warnings);
    this.traced = traces != null;
    this.traces = traced && !traces.isEmpty() ? List.copyOf(traces) : List.of();
    this.carriedForward = carriedForward.isEmpty() ? List.of() : List.copyOf(carriedForward);
  }

  /**
   * The sum of the lines per currency, in the order the currencies first appear. Lines in one
   * currency, the usual case, give a one-entry map without a hash table (the same sum, added in
   * line order).
   */
  private static Map<CurrencyUnit, Money> totals(List<CreditLine> lines) {
    CurrencyUnit first = lines.get(0).amount().getCurrencyUnit();
    Money sum = lines.get(0).amount();
    for (int i = 1; i < lines.size(); i++) {
      Money amount = lines.get(i).amount();
      if (!amount.getCurrencyUnit().equals(first)) {
        Map<CurrencyUnit, Money> sums = new LinkedHashMap<>();
        for (CreditLine l : lines) {
          sums.merge(l.amount().getCurrencyUnit(), l.amount(), Money::plus);
        }
        return Collections.unmodifiableMap(sums);
      }
      sum = sum.plus(amount);
    }
    return Collections.singletonMap(first, sum);
  }

  /**
   * What caps declared with {@link Rules.Excess#CARRIED_FORWARD} cut this period; pass it to
   * the next period's {@link DecisionRequest#carriedIn()}.
   */
  public List<CarriedCredit> carriedForward() {
    return carriedForward;
  }

  /** The account. */
  public String accountId() {
    return accountId;
  }

  /** The billing period. */
  public BillingPeriod period() {
    return period;
  }

  /** The instant of evaluation. */
  public Instant evaluatedAt() {
    return evaluatedAt;
  }

  /** The lines to issue: new credits, top-ups and clawbacks. Empty when nothing new is owed. */
  public List<CreditLine> lines() {
    return lines;
  }

  /** The sum of the lines per currency; currencies without lines are absent. */
  public Map<CurrencyUnit, Money> totals() {
    return totals;
  }

  /** The total in a currency, zero if none. */
  public Money total(CurrencyUnit currency) {
    return totals.getOrDefault(currency, Money.zero(currency));
  }

  /** Flags for a person: ambiguous boundaries, caps reached, review needed, overpayment. */
  public Set<DecisionFlag> flags() {
    return flags;
  }

  /** Warnings in plain words, such as a line below the policy's minimum credit. */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * For each subscription and policy, how it was judged; empty when the engine was built with
   * traces off ({@link #traced()}).
   */
  public List<SubscriptionTrace> traces() {
    return traces;
  }

  /**
   * Whether the engine recorded traces for this decision ({@link CreditEngine.Builder#traces(boolean)},
   * on by default). The lines, flags, warnings, carried-forward credits and totals are the same
   * either way.
   */
  public boolean traced() {
    return traced;
  }

  /** The trace of one subscription under one policy, if any. */
  public java.util.Optional<SubscriptionTrace> trace(String subscriptionId, String policyId) {
    return traces.stream()
        .filter(t -> t.subscriptionId().equals(subscriptionId) && t.policyId().equals(policyId))
        .findFirst();
  }

  /**
   * A plain-text explanation for support staff: lines, totals, flags, warnings, and the trace
   * (for an engine built with traces off, a line saying the trace was not recorded and how to
   * record it). Each trace node reads as its path, kind, verdict and summary; its typed values
   * ({@link TraceNode#values()}) are for code and read as {@link TraceValue#text()}.
   * Under each measurement, one line per outage says how its time was counted, so "it was down
   * 13 hours, why do you count 7?" has its answer:
   * <pre>
   * MAINT-2007-12-01: down 13h in period; counted 7h; excluded 6h: announced maintenance window
   * 2007-12-01T05:00Z–11:00Z (announced 10 days ahead, notice &gt;= 24h); overrun 7h counts
   * </pre>
   * and missing telemetry is named with its length and how it was counted. Past {@value
   * #EXPLAINED_OUTAGES} outages in one measurement, it describes those with the most time in the
   * period and says how many more there are and where to find them all.
   */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append("Credit decision for account ").append(accountId).append(", period ").append(period.label())
        .append(" (").append(period.zone()).append("), evaluated at ").append(evaluatedAt).append('\n');
    if (lines.isEmpty()) {
      sb.append("No new credit lines.\n");
    } else {
      sb.append("Lines:\n");
      for (CreditLine l : lines) {
        sb.append("  ").append(l.describe()).append('\n');
      }
    }
    List<String> t = new ArrayList<>();
    totals.values().forEach(m -> t.add(m.toString()));
    sb.append("Totals: ").append(t.isEmpty() ? "none" : String.join(", ", t)).append('\n');
    sb.append("Flags: ").append(flags.isEmpty() ? "none" : flags.toString()).append('\n');
    for (String w : warnings) {
      sb.append("Warning: ").append(w).append('\n');
    }
    for (CarriedCredit c : carriedForward) {
      sb.append("Carried forward: ").append(c.amount()).append(" for ").append(c.subscriptionId()).append(" under ")
          .append(c.policyId()).append(' ').append(c.capPath()).append('\n');
    }
    if (!traced) {
      sb.append("Trace: not recorded; the engine was built with traces off"
          + " (CreditEngine.builder().traces(true) records them)\n");
      return sb.toString();
    }
    sb.append("Trace:\n");
    for (SubscriptionTrace st : traces) {
      sb.append("  ").append(st.subscriptionId()).append(" under ").append(st.policyId()).append(" v")
          .append(st.policyVersion()).append(" (").append(st.policyDigest(), 0, Math.min(19, st.policyDigest().length()))
          .append("…)\n");
      sb.append("    fee: ").append(st.fee().map(Object::toString).orElse(NOT_NEEDED)).append('\n');
      sb.append("    measurement: ").append(st.measurement().map(Object::toString).orElse(NOT_NEEDED)).append('\n');
      st.measurement().ifPresent(m -> explainMeasurement(sb, st, m));
      st.root().render(sb, "    ");
    }
    return sb.toString();
  }

  /** What {@link #explain()} says for a fee or measurement that was never computed. */
  private static final String NOT_NEEDED = "not computed (not needed to decide)";

  /** The outages of a trace's measurement, most time first, and its missing telemetry. */
  private static void explainMeasurement(StringBuilder sb, SubscriptionTrace st, Measurement m) {
    List<OutageBreakdown> shown = mostTimeFirst(m.breakdown());
    for (OutageBreakdown b : shown) {
      sb.append("      ").append(b.describe()).append('\n');
    }
    int hidden = m.breakdown().size() - shown.size();
    if (hidden > 0) {
      sb.append("      … and ").append(hidden).append(" more outage(s) with less time in the period; all are in ")
          .append("trace(\"").append(st.subscriptionId()).append("\", \"").append(st.policyId())
          .append("\").measurement().orElseThrow().breakdown()\n");
    }
    if (!m.missingTelemetry().isEmpty()) {
      sb.append("      ").append(m.describeMissingTelemetry()).append('\n');
    }
  }

  /** How many outages {@link #explain()} describes per measurement, at most. */
  static final int EXPLAINED_OUTAGES = 50;

  /**
   * The outages with the most time in the period, at most {@link #EXPLAINED_OUTAGES}, in their
   * measurement's order; all of them when there are no more than that.
   */
  private static List<OutageBreakdown> mostTimeFirst(List<OutageBreakdown> all) {
    if (all.size() <= EXPLAINED_OUTAGES) {
      return all;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      order.add(i);
    }
    order.sort(java.util.Comparator.comparing((Integer i) -> all.get(i).inWindow()).reversed()
        .thenComparing(i -> i));
    List<Integer> kept = new ArrayList<>(order.subList(0, EXPLAINED_OUTAGES));
    java.util.Collections.sort(kept);
    List<OutageBreakdown> out = new ArrayList<>();
    for (int i : kept) {
      out.add(all.get(i));
    }
    return out;
  }

  @Override
  public String toString() {
    return "CreditDecision(" + accountId + " " + period.label() + ": " + lines.size() + " line(s), " + totals + ")";
  }
}
