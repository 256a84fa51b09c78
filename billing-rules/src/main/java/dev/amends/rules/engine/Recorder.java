package dev.amends.rules.engine;

import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import dev.amends.rules.Cap;
import dev.amends.rules.Combinator;
import dev.amends.rules.Condition;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.MostGenerous;
import dev.amends.rules.PerOutage;
import dev.amends.rules.Outcome;
import dev.amends.rules.RequiresClaim;
import dev.amends.rules.RuleContext;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.Sum;
import dev.amends.rules.TraceNode;
import dev.amends.rules.TraceValue;
import dev.amends.rules.Verdict;
import dev.amends.rules.When;
import dev.amends.rules.engine.Evaluation.PendingLine;
import dev.amends.rules.internal.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;

/**
 * What the one evaluation path records of what it did: {@link #ON} builds the typed {@link
 * TraceNode}s of a decision's trace, with their summaries and values; {@link #OFF} builds
 * nothing and returns null where a trace would be. The path ({@link Evaluator}, {@link
 * Combinators}) hands every trace-only fact to a recorder method, so it holds no branch on
 * whether traces are on, and no text or value that only a trace reads is computed when they are
 * off. Stateless; one instance of each serves every thread.
 */
abstract sealed class Recorder {
  /** Records every trace node. */
  static final Recorder ON = new On();
  /** Records nothing. */
  static final Recorder OFF = new Off();

  private Recorder() {}

  /** Whether this recorder builds traces. */
  abstract boolean on();

  /** A list to gather children's traces in, or null. */
  abstract List<TraceNode> list();

  /** Adds a child's trace to a list from {@link #list()}. */
  abstract void add(List<TraceNode> traces, TraceNode trace);

  /** A node that was not evaluated. */
  abstract TraceNode skipped(RuleNode node, String parentPath, String why);

  /** A child of a first match after the one that matched. */
  abstract TraceNode skippedAfterMatch(RuleNode node, String parentPath, String matchId);

  /** A leaf's outcome. */
  abstract TraceNode leaf(String path, String kind, Verdict verdict, Outcome outcome);

  /** A combinator none of whose children gave a credit. */
  abstract TraceNode noCredit(Combinator node, String path, List<TraceNode> traces);

  /** A sum of its children's lines. */
  abstract TraceNode sum(Sum node, String path, List<PendingLine> lines, CurrencyUnit currency, List<TraceNode> traces);

  /** Adds a most-generous child's trace, as lost to the winner when it matched but lost. */
  abstract void ranked(List<TraceNode> traces, Evaluation child, boolean lost, String winnerId, ExactMoney best,
      ExactMoney zero);

  /** A most generous with its winner. */
  abstract TraceNode mostGenerous(MostGenerous node, String path, String winnerId, ExactMoney best,
      List<TraceNode> traces);

  /** A first match or exactly one, passing on the lines of its match; {@code prefix} names which. */
  abstract TraceNode matched(Combinator node, String path, String prefix, String matchId, Evaluation match,
      List<TraceNode> traces);

  /**
   * Tests a condition for the node at {@code path}: in full when recording, since the trace
   * shows what was compared; else, for a condition on the subscription alone, without building
   * the texts of its result (the same answer).
   */
  abstract ConditionResult condition(Evaluator evaluator, Condition condition, String path, RuleContext context);

  /** A when without an otherwise whose condition is not met. */
  abstract TraceNode whenNotMet(When node, String path, ConditionResult r, List<TraceNode> traces);

  /** A when that took a branch. */
  abstract TraceNode when(When node, String path, boolean met, ConditionResult r, Evaluation taken,
      List<TraceNode> traces);

  /** A requires-claim without a claim in time. */
  abstract TraceNode noClaim(RequiresClaim node, String path, ConditionResult r);

  /** A requires-claim with a claim in time. */
  abstract TraceNode claimed(RequiresClaim node, String path, ConditionResult r, Evaluation child);

  /** A cap with nothing to cap. */
  abstract TraceNode nothingToCap(Cap node, String path, TraceNode child);

  /** A cap, within its limit ({@code cuts} empty) or cutting. */
  abstract TraceNode cap(Cap node, String path, RuleContext context, ExactMoney before, ExactMoney after,
      ExactMoney cut, List<String> cuts, TraceNode child);

  /** One outage's evaluation under a per-outage node, named by the outage's path. */
  abstract TraceNode outage(String outagePath, String outageId, Measurement measurement, Evaluation child);

  /** A per-outage node, with one child trace per outage. */
  abstract TraceNode perOutage(PerOutage node, String path, List<PendingLine> lines, CurrencyUnit currency,
      List<TraceNode> traces);

  /** A condition's result in a trace: {@code observed} and {@code expected}, as text. */
  static Map<String, TraceValue> traceValues(ConditionResult r) {
    Map<String, TraceValue> values = new LinkedHashMap<>();
    values.put("observed", TraceValue.text(r.observed()));
    values.put("expected", TraceValue.text(r.expected()));
    return values;
  }

  private static final class On extends Recorder {
    @Override
    boolean on() {
      return true;
    }

    @Override
    List<TraceNode> list() {
      return new ArrayList<>();
    }

    @Override
    void add(List<TraceNode> traces, TraceNode trace) {
      traces.add(trace);
    }

    @Override
    TraceNode skipped(RuleNode node, String parentPath, String why) {
      return new TraceNode(Evaluator.pathOf(parentPath, node), node.kind(), Verdict.SKIPPED, why, Map.of(),
          Optional.empty(), List.of());
    }

    @Override
    TraceNode skippedAfterMatch(RuleNode node, String parentPath, String matchId) {
      return skipped(node, parentPath, "skipped: " + matchId + " matched first");
    }

    @Override
    TraceNode leaf(String path, String kind, Verdict verdict, Outcome outcome) {
      return new TraceNode(path, kind, verdict, outcome.reason(), outcome.values(),
          verdict == Verdict.NOT_MET ? Optional.empty() : outcome.amount(), List.of());
    }

    @Override
    TraceNode noCredit(Combinator node, String path, List<TraceNode> traces) {
      return new TraceNode(path, node.kind(), Verdict.NOT_MET, "no child gave a credit", Map.of(), Optional.empty(),
          traces);
    }

    @Override
    TraceNode sum(Sum node, String path, List<PendingLine> lines, CurrencyUnit currency, List<TraceNode> traces) {
      ExactMoney total = ExactMoney.zero(currency);
      for (PendingLine l : lines) {
        total = total.plus(l.amount());
      }
      Verdict verdict = lines.isEmpty() ? Verdict.NOT_MET : Verdict.CREDITED;
      String summary = lines.isEmpty()
          ? "no child gave a credit"
          : "sum of " + lines.size() + " line(s) = " + Texts.money(total);
      return new TraceNode(path, node.kind(), verdict, summary, Map.of(),
          lines.isEmpty() ? Optional.empty() : Optional.of(total), traces);
    }

    @Override
    void ranked(List<TraceNode> traces, Evaluation child, boolean lost, String winnerId, ExactMoney best,
        ExactMoney zero) {
      TraceNode t = child.trace();
      traces.add(lost
          ? new TraceNode(t.path(), t.kind(), Verdict.LOST, t.summary() + "; lost to " + winnerId + " ("
              + Texts.money(best) + " >= " + Texts.money(child.total(zero)) + ")", t.values(), t.amount(),
              t.children())
          : t);
    }

    @Override
    TraceNode mostGenerous(MostGenerous node, String path, String winnerId, ExactMoney best,
        List<TraceNode> traces) {
      return new TraceNode(path, node.kind(), Verdict.CREDITED, "most generous: " + winnerId + " with "
          + Texts.money(best), Map.of("winner", TraceValue.text(winnerId)), Optional.of(best), traces);
    }

    @Override
    TraceNode matched(Combinator node, String path, String prefix, String matchId, Evaluation match,
        List<TraceNode> traces) {
      return new TraceNode(path, node.kind(), Verdict.CREDITED, prefix + matchId,
          Map.of("match", TraceValue.text(matchId)), match.trace().amount(), traces);
    }

    @Override
    ConditionResult condition(Evaluator evaluator, Condition condition, String path, RuleContext context) {
      return evaluator.test(condition, path, context);
    }

    @Override
    TraceNode whenNotMet(When node, String path, ConditionResult r, List<TraceNode> traces) {
      return new TraceNode(path, node.kind(), Verdict.NOT_MET, "condition not met: " + r.describe(), traceValues(r),
          Optional.empty(), traces);
    }

    @Override
    TraceNode when(When node, String path, boolean met, ConditionResult r, Evaluation taken,
        List<TraceNode> traces) {
      return new TraceNode(path, node.kind(), taken.matched() ? Verdict.CREDITED : Verdict.NOT_MET,
          "condition " + (met ? "met" : "not met") + ": " + r.describe(), traceValues(r), taken.trace().amount(),
          traces);
    }

    @Override
    TraceNode noClaim(RequiresClaim node, String path, ConditionResult r) {
      return new TraceNode(path, node.kind(), Verdict.NOT_MET, "no claim in time: " + r.describe(), traceValues(r),
          Optional.empty(), List.of(skipped(node.child(), path, "skipped: no claim in time")));
    }

    @Override
    TraceNode claimed(RequiresClaim node, String path, ConditionResult r, Evaluation child) {
      return new TraceNode(path, node.kind(), child.matched() ? Verdict.CREDITED : Verdict.NOT_MET,
          "claim in time: " + r.describe(), traceValues(r), child.trace().amount(), List.of(child.trace()));
    }

    @Override
    TraceNode outage(String outagePath, String outageId, Measurement measurement, Evaluation child) {
      Map<String, TraceValue> values = new LinkedHashMap<>();
      values.put("outage", TraceValue.text(outageId));
      values.put("downtime", TraceValue.duration(measurement.downtime()));
      return new TraceNode(outagePath, "outage", child.matched() ? Verdict.CREDITED : Verdict.NOT_MET,
          "outage " + outageId + ": " + Texts.minutes(measurement.downtime()) + " counted", values,
          child.matched() ? child.trace().amount() : Optional.empty(), List.of(child.trace()));
    }

    @Override
    TraceNode perOutage(PerOutage node, String path, List<PendingLine> lines, CurrencyUnit currency,
        List<TraceNode> traces) {
      ExactMoney total = ExactMoney.zero(currency);
      for (PendingLine l : lines) {
        total = total.plus(l.amount());
      }
      String summary = traces.isEmpty()
          ? "no outage counted downtime"
          : lines.isEmpty() ? "no credit for any of " + traces.size() + " outage(s)"
          : lines.size() + " line(s) for " + traces.size() + " outage(s) = " + Texts.money(total);
      return new TraceNode(path, node.kind(), lines.isEmpty() ? Verdict.NOT_MET : Verdict.CREDITED, summary, Map.of(),
          lines.isEmpty() ? Optional.empty() : Optional.of(total), traces);
    }

    @Override
    TraceNode nothingToCap(Cap node, String path, TraceNode child) {
      return new TraceNode(path, node.kind(), Verdict.NOT_MET, "nothing to cap", Map.of(), Optional.empty(),
          List.of(child));
    }

    @Override
    TraceNode cap(Cap node, String path, RuleContext context, ExactMoney before, ExactMoney after, ExactMoney cut,
        List<String> cuts, TraceNode child) {
      Map<String, TraceValue> values = new LinkedHashMap<>();
      values.put("before", TraceValue.money(before));
      values.put("limit", TraceValue.text(CapLimits.describe(node.limit(), context)));
      values.put("after", TraceValue.money(after));
      if (cuts.isEmpty()) {
        return new TraceNode(path, node.kind(), Verdict.CREDITED,
            "within cap: " + Texts.money(before) + " <= " + CapLimits.describe(node.limit(), context), values,
            Optional.of(before), List.of(child));
      }
      String summary = String.join("; ", cuts);
      if (node.excess() == Rules.Excess.CARRIED_FORWARD) {
        values.put("carriedForward", TraceValue.money(cut));
        summary += "; " + Texts.money(cut) + " carried forward";
      }
      return new TraceNode(path, node.kind(), Verdict.CAPPED, summary, values, Optional.of(after), List.of(child));
    }
  }

  private static final class Off extends Recorder {
    // Stand-ins for a condition on the subscription alone answered without texts: never shown,
    // since nothing is recorded.
    private static final ConditionResult MET = new ConditionResult(true, "not recorded", "not recorded");
    private static final ConditionResult NOT_MET = new ConditionResult(false, "not recorded", "not recorded");

    @Override
    boolean on() {
      return false;
    }

    @Override
    List<TraceNode> list() {
      return null;
    }

    @Override
    void add(List<TraceNode> traces, TraceNode trace) {}

    @Override
    TraceNode outage(String outagePath, String outageId, Measurement measurement, Evaluation child) {
      return null;
    }

    @Override
    TraceNode perOutage(PerOutage node, String path, List<PendingLine> lines, CurrencyUnit currency,
        List<TraceNode> traces) {
      return null;
    }

    @Override
    TraceNode skipped(RuleNode node, String parentPath, String why) {
      return null;
    }

    @Override
    TraceNode skippedAfterMatch(RuleNode node, String parentPath, String matchId) {
      return null;
    }

    @Override
    TraceNode leaf(String path, String kind, Verdict verdict, Outcome outcome) {
      return null;
    }

    @Override
    TraceNode noCredit(Combinator node, String path, List<TraceNode> traces) {
      return null;
    }

    @Override
    TraceNode sum(Sum node, String path, List<PendingLine> lines, CurrencyUnit currency, List<TraceNode> traces) {
      return null;
    }

    @Override
    void ranked(List<TraceNode> traces, Evaluation child, boolean lost, String winnerId, ExactMoney best,
        ExactMoney zero) {}

    @Override
    TraceNode mostGenerous(MostGenerous node, String path, String winnerId, ExactMoney best,
        List<TraceNode> traces) {
      return null;
    }

    @Override
    TraceNode matched(Combinator node, String path, String prefix, String matchId, Evaluation match,
        List<TraceNode> traces) {
      return null;
    }

    @Override
    ConditionResult condition(Evaluator evaluator, Condition condition, String path, RuleContext context) {
      return switch (Definitions.access().quickTest(condition, context)) {
        case HOLDS -> MET;
        case FAILS -> NOT_MET;
        case NEEDS_FULL_TEST -> evaluator.test(condition, path, context);
      };
    }

    @Override
    TraceNode whenNotMet(When node, String path, ConditionResult r, List<TraceNode> traces) {
      return null;
    }

    @Override
    TraceNode when(When node, String path, boolean met, ConditionResult r, Evaluation taken,
        List<TraceNode> traces) {
      return null;
    }

    @Override
    TraceNode noClaim(RequiresClaim node, String path, ConditionResult r) {
      return null;
    }

    @Override
    TraceNode claimed(RequiresClaim node, String path, ConditionResult r, Evaluation child) {
      return null;
    }

    @Override
    TraceNode nothingToCap(Cap node, String path, TraceNode child) {
      return null;
    }

    @Override
    TraceNode cap(Cap node, String path, RuleContext context, ExactMoney before, ExactMoney after, ExactMoney cut,
        List<String> cuts, TraceNode child) {
      return null;
    }
  }
}
