package dev.amends.rules.engine;

import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import dev.amends.rules.Cap;
import dev.amends.rules.Condition;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.Outcome;
import dev.amends.rules.RuleContext;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.TraceNode;
import dev.amends.rules.TraceValue;
import dev.amends.rules.Verdict;
import dev.amends.rules.internal.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the one evaluation path records of what it did: {@link #ON} builds the typed {@link
 * TraceNode}s of a decision's trace, with their summaries and values; {@link #OFF} builds
 * nothing and returns null where a trace would be. The path (the {@link Step}s of a plan) hands
 * every trace-only fact to a recorder method, so it holds no branch on whether traces are on,
 * and no text or value that only a trace reads is computed when they are off. A step passes
 * itself and the {@link Acc accumulator} (with the mark where its child's lines start) rather
 * than anything computed for the trace. Stateless; one instance of each serves every thread.
 */
abstract sealed class Recorder {
  /** Records every trace node. */
  static final Recorder ON = new On();
  /** Records nothing. */
  static final Recorder OFF = new Off();

  private Recorder() {}

  /** Whether this recorder builds traces. */
  abstract boolean on();

  /** A list to gather children's traces (or other trace-only facts) in, or null. */
  abstract <T> List<T> list();

  /** Adds to a list from {@link #list()}. */
  abstract <T> void add(List<T> list, T item);

  /** Where a standard leaf writes what it decides: an outcome to trace, or straight into the lines. */
  abstract LeafOut leafOut(Acc acc);

  /** A node that was not evaluated, named by its parent's path. */
  abstract TraceNode skipped(RuleNode node, String parentPath, String why);

  /** A step that was not evaluated. */
  abstract TraceNode skipped(Step step, Acc acc, String why);

  /** A child of a first match after the one that matched. */
  abstract TraceNode skippedAfterMatch(Step step, Acc acc, String matchId);

  /** A leaf's outcome. */
  final TraceNode leaf(Step step, Acc acc, Verdict verdict, Outcome outcome) {
    return on() ? leaf(step, acc, verdict, outcome.reason(), outcome.values(), outcome.amount().orElse(null)) : null;
  }

  /**
   * A leaf that gave {@code amount} (null: no credit) for {@code reason}, with its named values;
   * the amount is shown unless the verdict is {@link Verdict#NOT_MET}.
   */
  abstract TraceNode leaf(Step step, Acc acc, Verdict verdict, String reason, Map<String, TraceValue> values,
      ExactMoney amount);

  /** A combinator none of whose children gave a credit. */
  abstract TraceNode noCredit(Step step, Acc acc, List<TraceNode> traces);

  /** A sum of its children's lines, those from {@code mark} on. */
  abstract TraceNode sum(Step step, Acc acc, int mark, List<TraceNode> traces);

  /**
   * A most generous with its winner; {@code totals} holds each child's total, null for a child
   * that gave nothing, and a child that gave something but not the most is shown as lost.
   */
  abstract TraceNode mostGenerous(Step step, Acc acc, int winner, String winnerId, ExactMoney best,
      List<TraceNode> traces, List<ExactMoney> totals);

  /** A first match or exactly one, passing on the lines of its match; {@code prefix} names which. */
  abstract TraceNode matched(Step step, Acc acc, String prefix, String matchId, TraceNode match,
      List<TraceNode> traces);

  /**
   * Tests a condition for a when: in full when recording, since the trace shows what was
   * compared; else, for a condition on the subscription alone, without building the texts of its
   * result (the same answer).
   */
  abstract ConditionResult condition(Condition condition, Step step, Acc acc, RuleContext context);

  /** A when without an otherwise whose condition is not met. */
  abstract TraceNode whenNotMet(Step step, Acc acc, ConditionResult r, List<TraceNode> traces);

  /** A when that took a branch, whose lines start at {@code mark}. */
  abstract TraceNode when(Step step, Acc acc, int mark, boolean met, ConditionResult r, TraceNode taken,
      List<TraceNode> traces);

  /** A requires-claim without a claim in time. */
  abstract TraceNode noClaim(Step.Claimed step, Acc acc, ConditionResult r);

  /** A requires-claim with a claim in time, whose child's lines start at {@code mark}. */
  abstract TraceNode claimed(Step step, Acc acc, int mark, ConditionResult r, TraceNode child);

  /** A cap with nothing to cap. */
  abstract TraceNode nothingToCap(Step step, Acc acc, TraceNode child);

  /** A cap, within its limit ({@code cuts} empty) or cutting. */
  abstract TraceNode cap(Step step, Cap node, Acc acc, RuleContext context, ExactMoney before, ExactMoney after,
      ExactMoney cut, List<String> cuts, TraceNode child);

  /** One outage's evaluation under a per-outage node, named by the outage's path; its lines start at {@code mark}. */
  abstract TraceNode outage(String outagePath, String outageId, Measurement measurement, Acc acc, int mark,
      TraceNode child);

  /** A per-outage node, with one child trace per outage, its lines from {@code mark} on. */
  abstract TraceNode perOutage(Step step, Acc acc, int mark, List<TraceNode> traces);

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
    <T> List<T> list() {
      return new ArrayList<>();
    }

    @Override
    <T> void add(List<T> list, T item) {
      list.add(item);
    }

    @Override
    LeafOut leafOut(Acc acc) {
      return new LeafOut.Made();
    }

    @Override
    TraceNode skipped(RuleNode node, String parentPath, String why) {
      return new TraceNode(Evaluator.pathOf(parentPath, node), node.kind(), Verdict.SKIPPED, why, Map.of(),
          Optional.empty(), List.of());
    }

    @Override
    TraceNode skipped(Step step, Acc acc, String why) {
      return new TraceNode(step.path(acc), step.node.kind(), Verdict.SKIPPED, why, Map.of(), Optional.empty(),
          List.of());
    }

    @Override
    TraceNode skippedAfterMatch(Step step, Acc acc, String matchId) {
      return skipped(step, acc, "skipped: " + matchId + " matched first");
    }

    @Override
    TraceNode leaf(Step step, Acc acc, Verdict verdict, String reason, Map<String, TraceValue> values,
        ExactMoney amount) {
      return new TraceNode(step.path(acc), step.node.kind(), verdict, reason, values,
          verdict == Verdict.NOT_MET ? Optional.empty() : Optional.ofNullable(amount), List.of());
    }

    @Override
    TraceNode noCredit(Step step, Acc acc, List<TraceNode> traces) {
      return new TraceNode(step.path(acc), step.node.kind(), Verdict.NOT_MET, "no child gave a credit", Map.of(),
          Optional.empty(), traces);
    }

    @Override
    TraceNode sum(Step step, Acc acc, int mark, List<TraceNode> traces) {
      ExactMoney total = acc.total(mark);
      int lines = acc.size() - mark;
      Verdict verdict = lines == 0 ? Verdict.NOT_MET : Verdict.CREDITED;
      String summary = lines == 0
          ? "no child gave a credit"
          : "sum of " + lines + " line(s) = " + Texts.money(total);
      return new TraceNode(step.path(acc), step.node.kind(), verdict, summary, Map.of(),
          lines == 0 ? Optional.empty() : Optional.of(total), traces);
    }

    @Override
    TraceNode mostGenerous(Step step, Acc acc, int winner, String winnerId, ExactMoney best,
        List<TraceNode> traces, List<ExactMoney> totals) {
      List<TraceNode> ranked = new ArrayList<>(traces.size());
      for (int i = 0; i < traces.size(); i++) {
        TraceNode t = traces.get(i);
        ExactMoney total = totals.get(i);
        boolean lost = total != null && i != winner;
        ranked.add(lost
            ? new TraceNode(t.path(), t.kind(), Verdict.LOST, t.summary() + "; lost to " + winnerId + " ("
                + Texts.money(best) + " >= " + Texts.money(total) + ")", t.values(), t.amount(), t.children())
            : t);
      }
      return new TraceNode(step.path(acc), step.node.kind(), Verdict.CREDITED, "most generous: " + winnerId
          + " with " + Texts.money(best), Map.of("winner", TraceValue.text(winnerId)), Optional.of(best), ranked);
    }

    @Override
    TraceNode matched(Step step, Acc acc, String prefix, String matchId, TraceNode match,
        List<TraceNode> traces) {
      return new TraceNode(step.path(acc), step.node.kind(), Verdict.CREDITED, prefix + matchId,
          Map.of("match", TraceValue.text(matchId)), match.amount(), traces);
    }

    @Override
    ConditionResult condition(Condition condition, Step step, Acc acc, RuleContext context) {
      return Evaluator.check(condition, step.path(acc), context);
    }

    @Override
    TraceNode whenNotMet(Step step, Acc acc, ConditionResult r, List<TraceNode> traces) {
      return new TraceNode(step.path(acc), step.node.kind(), Verdict.NOT_MET, "condition not met: " + r.describe(),
          traceValues(r), Optional.empty(), traces);
    }

    @Override
    TraceNode when(Step step, Acc acc, int mark, boolean met, ConditionResult r, TraceNode taken,
        List<TraceNode> traces) {
      return new TraceNode(step.path(acc), step.node.kind(), acc.matched(mark) ? Verdict.CREDITED : Verdict.NOT_MET,
          "condition " + (met ? "met" : "not met") + ": " + r.describe(), traceValues(r), taken.amount(), traces);
    }

    @Override
    TraceNode noClaim(Step.Claimed step, Acc acc, ConditionResult r) {
      return new TraceNode(step.path(acc), step.node.kind(), Verdict.NOT_MET, "no claim in time: " + r.describe(),
          traceValues(r), Optional.empty(), List.of(skipped(step.child(), acc, "skipped: no claim in time")));
    }

    @Override
    TraceNode claimed(Step step, Acc acc, int mark, ConditionResult r, TraceNode child) {
      return new TraceNode(step.path(acc), step.node.kind(), acc.matched(mark) ? Verdict.CREDITED : Verdict.NOT_MET,
          "claim in time: " + r.describe(), traceValues(r), child.amount(), List.of(child));
    }

    @Override
    TraceNode outage(String outagePath, String outageId, Measurement measurement, Acc acc, int mark,
        TraceNode child) {
      Map<String, TraceValue> values = new LinkedHashMap<>();
      values.put("outage", TraceValue.text(outageId));
      values.put("downtime", TraceValue.duration(measurement.downtime()));
      boolean matched = acc.matched(mark);
      return new TraceNode(outagePath, "outage", matched ? Verdict.CREDITED : Verdict.NOT_MET,
          "outage " + outageId + ": " + Texts.minutes(measurement.downtime()) + " counted", values,
          matched ? child.amount() : Optional.empty(), List.of(child));
    }

    @Override
    TraceNode perOutage(Step step, Acc acc, int mark, List<TraceNode> traces) {
      ExactMoney total = acc.total(mark);
      int lines = acc.size() - mark;
      String summary = traces.isEmpty()
          ? "no outage counted downtime"
          : lines == 0 ? "no credit for any of " + traces.size() + " outage(s)"
          : lines + " line(s) for " + traces.size() + " outage(s) = " + Texts.money(total);
      return new TraceNode(step.path(acc), step.node.kind(), lines == 0 ? Verdict.NOT_MET : Verdict.CREDITED,
          summary, Map.of(), lines == 0 ? Optional.empty() : Optional.of(total), traces);
    }

    @Override
    TraceNode nothingToCap(Step step, Acc acc, TraceNode child) {
      return new TraceNode(step.path(acc), step.node.kind(), Verdict.NOT_MET, "nothing to cap", Map.of(),
          Optional.empty(), List.of(child));
    }

    @Override
    TraceNode cap(Step step, Cap node, Acc acc, RuleContext context, ExactMoney before, ExactMoney after,
        ExactMoney cut, List<String> cuts, TraceNode child) {
      String limit = CapLimits.describe(node.limit(), context);
      Map<String, TraceValue> values = new LinkedHashMap<>();
      values.put("before", TraceValue.money(before));
      values.put("limit", TraceValue.text(limit));
      values.put("after", TraceValue.money(after));
      if (cuts.isEmpty()) {
        return new TraceNode(step.path(acc), node.kind(), Verdict.CREDITED,
            "within cap: " + Texts.money(before) + " <= " + limit, values,
            Optional.of(before), List.of(child));
      }
      String summary = String.join("; ", cuts);
      if (node.excess() == Rules.Excess.CARRIED_FORWARD) {
        values.put("carriedForward", TraceValue.money(cut));
        summary += "; " + Texts.money(cut) + " carried forward";
      }
      return new TraceNode(step.path(acc), node.kind(), Verdict.CAPPED, summary, values, Optional.of(after),
          List.of(child));
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
    <T> List<T> list() {
      return null;
    }

    @Override
    <T> void add(List<T> list, T item) {}

    @Override
    LeafOut leafOut(Acc acc) {
      return acc.toLines();
    }

    @Override
    TraceNode skipped(RuleNode node, String parentPath, String why) {
      return null;
    }

    @Override
    TraceNode skipped(Step step, Acc acc, String why) {
      return null;
    }

    @Override
    TraceNode skippedAfterMatch(Step step, Acc acc, String matchId) {
      return null;
    }

    @Override
    TraceNode leaf(Step step, Acc acc, Verdict verdict, String reason, Map<String, TraceValue> values,
        ExactMoney amount) {
      return null;
    }

    @Override
    TraceNode noCredit(Step step, Acc acc, List<TraceNode> traces) {
      return null;
    }

    @Override
    TraceNode sum(Step step, Acc acc, int mark, List<TraceNode> traces) {
      return null;
    }

    @Override
    TraceNode mostGenerous(Step step, Acc acc, int winner, String winnerId, ExactMoney best,
        List<TraceNode> traces, List<ExactMoney> totals) {
      return null;
    }

    @Override
    TraceNode matched(Step step, Acc acc, String prefix, String matchId, TraceNode match,
        List<TraceNode> traces) {
      return null;
    }

    @Override
    ConditionResult condition(Condition condition, Step step, Acc acc, RuleContext context) {
      return switch (Definitions.access().quickTest(condition, context)) {
        case HOLDS -> MET;
        case FAILS -> NOT_MET;
        case NEEDS_FULL_TEST -> Evaluator.check(condition, step.path(acc), context);
      };
    }

    @Override
    TraceNode whenNotMet(Step step, Acc acc, ConditionResult r, List<TraceNode> traces) {
      return null;
    }

    @Override
    TraceNode when(Step step, Acc acc, int mark, boolean met, ConditionResult r, TraceNode taken,
        List<TraceNode> traces) {
      return null;
    }

    @Override
    TraceNode noClaim(Step.Claimed step, Acc acc, ConditionResult r) {
      return null;
    }

    @Override
    TraceNode claimed(Step step, Acc acc, int mark, ConditionResult r, TraceNode child) {
      return null;
    }

    @Override
    TraceNode nothingToCap(Step step, Acc acc, TraceNode child) {
      return null;
    }

    @Override
    TraceNode cap(Step step, Cap node, Acc acc, RuleContext context, ExactMoney before, ExactMoney after,
        ExactMoney cut, List<String> cuts, TraceNode child) {
      return null;
    }

    @Override
    TraceNode outage(String outagePath, String outageId, Measurement measurement, Acc acc, int mark,
        TraceNode child) {
      return null;
    }

    @Override
    TraceNode perOutage(Step step, Acc acc, int mark, List<TraceNode> traces) {
      return null;
    }
  }
}
