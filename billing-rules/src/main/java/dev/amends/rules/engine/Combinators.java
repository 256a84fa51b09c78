package dev.amends.rules.engine;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.rules.Cap;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.ExactlyOne;
import dev.amends.rules.FirstMatch;
import dev.amends.rules.MostGenerous;
import dev.amends.rules.RequiresClaim;
import dev.amends.rules.RuleContext;
import dev.amends.rules.RuleEvaluationException;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.Sum;
import dev.amends.rules.TraceNode;
import dev.amends.rules.TraceValue;
import dev.amends.rules.Verdict;
import dev.amends.rules.When;
import dev.amends.rules.engine.Evaluation.CapMark;
import dev.amends.rules.engine.Evaluation.PendingLine;
import dev.amends.rules.internal.Texts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each combinator means ({@link Sum}, {@link MostGenerous}, {@link FirstMatch}, {@link
 * ExactlyOne}, {@link Cap}, {@link When}, {@link RequiresClaim}): one method per kind, chosen by
 * the exhaustive {@code switch} of {@link Evaluator}; children are evaluated through the
 * evaluator. The records themselves are data.
 */
final class Combinators {
  private Combinators() {}

  static Evaluation sum(Sum node, Evaluator evaluator, String path, RuleContext context) {
    List<TraceNode> traces = evaluator.traces();
    List<PendingLine> lines = new ArrayList<>();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    List<Evaluation.Carry> carried = new ArrayList<>();
    for (RuleNode child : node.children()) {
      Evaluation e = evaluator.evaluate(child, path, context);
      evaluator.add(traces, e.trace());
      lines.addAll(e.lines());
      flags.addAll(e.flags());
      carried.addAll(e.carried());
    }
    if (!evaluator.tracing()) {
      return new Evaluation(null, lines, flags, carried);
    }
    ExactMoney total = ExactMoney.zero(context.account().currency());
    for (PendingLine l : lines) {
      total = total.plus(l.amount());
    }
    Verdict verdict = lines.isEmpty() ? Verdict.NOT_MET : Verdict.CREDITED;
    String summary = lines.isEmpty()
        ? "no child gave a credit"
        : "sum of " + lines.size() + " line(s) = " + Texts.money(total);
    return new Evaluation(
        new TraceNode(path, node.kind(), verdict, summary, Map.of(), lines.isEmpty() ? Optional.empty() : Optional.of(total),
            traces),
        lines, flags, carried);
  }

  static Evaluation mostGenerous(MostGenerous node, Evaluator evaluator, String path, RuleContext context) {
    ExactMoney zero = ExactMoney.zero(context.account().currency());
    List<Evaluation> evals = new ArrayList<>();
    int winner = -1;
    ExactMoney best = null;
    for (RuleNode child : node.children()) {
      Evaluation e = evaluator.evaluate(child, path, context);
      evals.add(e);
      if (e.matched()) {
        ExactMoney total = e.total(zero);
        if (best == null || total.compareTo(best) > 0) {
          best = total;
          winner = evals.size() - 1;
        }
      }
    }
    List<TraceNode> traces = evaluator.traces();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    for (int i = 0; i < evals.size(); i++) {
      Evaluation e = evals.get(i);
      if (evaluator.tracing()) {
        traces.add(i != winner && e.matched()
            ? lost(e.trace(), e.trace().summary() + "; lost to " + node.children().get(winner).id() + " ("
                + Texts.money(best) + " >= " + Texts.money(e.total(zero)) + ")")
            : e.trace());
      }
      if (i == winner || winner < 0) {
        flags.addAll(e.flags());
      } else if (e.flags().contains(DecisionFlag.AMBIGUOUS_BOUNDARY)) {
        flags.add(DecisionFlag.AMBIGUOUS_BOUNDARY); // a person should still look at an unmapped boundary
      }
    }
    if (winner < 0) {
      return evaluator.noCredit(node, path, traces, flags);
    }
    if (!evaluator.tracing()) {
      return Evaluation.untraced(evals.get(winner), flags);
    }
    String summary = "most generous: " + node.children().get(winner).id() + " with " + Texts.money(best);
    return new Evaluation(
        new TraceNode(path, node.kind(), Verdict.CREDITED, summary,
            Map.of("winner", TraceValue.text(node.children().get(winner).id())), Optional.of(best), traces),
        evals.get(winner).lines(), flags, evals.get(winner).carried());
  }

  static Evaluation firstMatch(FirstMatch node, Evaluator evaluator, String path, RuleContext context) {
    List<TraceNode> traces = evaluator.traces();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    Evaluation match = null;
    String matchId = null;
    for (RuleNode child : node.children()) {
      if (match != null) {
        if (!evaluator.tracing()) {
          break;
        }
        traces.add(evaluator.skipped(child, path, "skipped: " + matchId + " matched first"));
        continue;
      }
      Evaluation e = evaluator.evaluate(child, path, context);
      evaluator.add(traces, e.trace());
      flags.addAll(e.flags());
      if (e.matched()) {
        match = e;
        matchId = child.id();
      }
    }
    if (match == null) {
      return evaluator.noCredit(node, path, traces, flags);
    }
    if (!evaluator.tracing()) {
      return Evaluation.untraced(match, flags);
    }
    return evaluator.passOn(node, path, Verdict.CREDITED, "first match: " + matchId,
        Map.of("match", TraceValue.text(matchId)), match, traces, flags);
  }

  static Evaluation exactlyOne(ExactlyOne node, Evaluator evaluator, String path, RuleContext context) {
    List<TraceNode> traces = evaluator.traces();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    Evaluation match = null;
    String matchId = null;
    for (RuleNode child : node.children()) {
      Evaluation e = evaluator.evaluate(child, path, context);
      evaluator.add(traces, e.trace());
      flags.addAll(e.flags());
      if (e.matched()) {
        if (match != null) {
          throw new RuleEvaluationException(path,
              "expects exactly one match but both " + path + "/" + matchId
                  + " and " + Evaluator.pathOf(path, child) + " gave a credit", null);
        }
        match = e;
        matchId = child.id();
      }
    }
    if (match == null) {
      return evaluator.noCredit(node, path, traces, flags);
    }
    if (!evaluator.tracing()) {
      return Evaluation.untraced(match, flags);
    }
    return evaluator.passOn(node, path, Verdict.CREDITED, "the one match: " + matchId,
        Map.of("match", TraceValue.text(matchId)), match, traces, flags);
  }

  static Evaluation cap(Cap cap, Evaluator evaluator, String path, RuleContext context) {
    Evaluation e = evaluator.evaluate(cap.child(), path, context);
    List<PendingLine> all = new ArrayList<>(e.lines());
    Optional<org.joda.money.Money> carriedIn = context.carriedIn(path);
    if (carriedIn.isPresent() && carriedIn.get().isPositive()) {
      all.add(new PendingLine(path + "/" + Cap.CARRIED_IN, ExactMoney.of(carriedIn.get()), null,
          "carried forward from an earlier period: " + carriedIn.get(), List.of(), List.of()));
    }
    List<Evaluation.Carry> carried = new ArrayList<>(e.carried());
    if (all.stream().noneMatch(PendingLine::isPositive)) {
      return new Evaluation(
          evaluator.tracing()
              ? new TraceNode(path, cap.kind(), Verdict.NOT_MET, "nothing to cap", Map.of(), Optional.empty(),
                  List.of(e.trace()))
              : null,
          List.of(), e.flags(), carried);
    }
    ExactMoney zero = ExactMoney.zero(context.account().currency());
    ExactMoney limitMoney = CapLimits.money(cap.limit(), context, evaluator.compiled());
    Ratio limitDays = CapLimits.days(cap.limit());

    // By the list of outage ids itself, so ids holding a comma cannot merge two incidents.
    Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      PendingLine l = all.get(i);
      List<String> key = cap.scope() == Rules.CapScope.PER_INCIDENT ? l.outageIds() : List.of();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    // Lines keep the order written, whichever group they fall in; a line cut to nothing is null.
    PendingLine[] out = all.toArray(new PendingLine[0]);
    List<String> cuts = new ArrayList<>(); // the notes of the groups cut
    ExactMoney before = zero;
    ExactMoney after = zero;
    ExactMoney cut = zero;
    for (Map.Entry<List<String>, List<Integer>> g : groups.entrySet()) {
      List<Integer> lines = g.getValue();
      String incident = String.join(",", g.getKey());
      ExactMoney sum = zero;
      Ratio days = Ratio.ZERO;
      for (int i : lines) {
        PendingLine l = all.get(i);
        sum = sum.plus(l.amount());
        days = l.days() == null ? days : days.plus(l.days());
      }
      before = before.plus(sum);
      Ratio factor = Ratio.ONE;
      if (sum.compareTo(limitMoney) > 0) {
        factor = limitMoney.amount().dividedBy(sum.amount());
      }
      if (limitDays != null && days.compareTo(limitDays) > 0) {
        factor = factor.min(limitDays.dividedBy(days));
      }
      // Outage ids cannot hold control characters, so U+001F separates them unambiguously.
      String group = path + "#" + String.join("\u001f", g.getKey());
      if (factor.equals(Ratio.ONE)) {
        after = after.plus(sum);
        CapMark mark = new CapMark(group, limitMoney, false);
        for (int i : lines) {
          out[i] = all.get(i).withCap(mark);
        }
        continue;
      }
      CapMark mark = new CapMark(group, limitMoney, true);
      ExactMoney capped;
      String note;
      if (cap.spread() == Rules.Spread.PRO_RATA) {
        capped = sum.multipliedBy(factor);
        note = note(cap, sum, capped, context, incident);
        for (int i : lines) {
          out[i] = all.get(i).scaled(factor, note).withCap(mark);
        }
      } else {
        Ratio[] shares = inOrderShares(all, lines, limitMoney.amount(), limitDays);
        capped = zero;
        for (int k = 0; k < lines.size(); k++) {
          capped = capped.plus(all.get(lines.get(k)).amount().multipliedBy(shares[k]));
        }
        note = note(cap, sum, capped, context, incident);
        for (int k = 0; k < lines.size(); k++) {
          PendingLine l = all.get(lines.get(k));
          PendingLine kept = shares[k].equals(Ratio.ONE) ? l : l.scaled(shares[k], note);
          out[lines.get(k)] = kept.isPositive() ? kept.withCap(mark) : null;
        }
      }
      after = after.plus(capped);
      cut = cut.plus(sum.minus(capped));
      cuts.add(note);
    }
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    flags.addAll(e.flags());
    if (!cuts.isEmpty()) {
      flags.add(DecisionFlag.CAP_REACHED);
      if (cap.excess() == Rules.Excess.CARRIED_FORWARD) {
        carried.add(new Evaluation.Carry(path, cut));
      }
    }
    if (!evaluator.tracing()) {
      return new Evaluation(null, present(out), flags, carried);
    }
    Map<String, TraceValue> values = new LinkedHashMap<>();
    values.put("before", TraceValue.money(before));
    values.put("limit", TraceValue.text(CapLimits.describe(cap.limit(), context)));
    values.put("after", TraceValue.money(after));
    if (cuts.isEmpty()) {
      return new Evaluation(
          new TraceNode(path, cap.kind(), Verdict.CREDITED,
              "within cap: " + Texts.money(before) + " <= " + CapLimits.describe(cap.limit(), context), values, Optional.of(before),
              List.of(e.trace())),
          present(out), flags, carried);
    }
    String summary = String.join("; ", cuts);
    if (cap.excess() == Rules.Excess.CARRIED_FORWARD) {
      values.put("carriedForward", TraceValue.money(cut));
      summary += "; " + Texts.money(cut) + " carried forward";
    }
    return new Evaluation(
        new TraceNode(path, cap.kind(), Verdict.CAPPED, summary, values, Optional.of(after), List.of(e.trace())),
        present(out), flags, carried);
  }

  private static String note(Cap cap, ExactMoney sum, ExactMoney capped, RuleContext context, String incident) {
    return "capped from " + Texts.money(sum) + " to " + Texts.money(capped) + " (limit "
        + CapLimits.describe(cap.limit(), context) + (incident.isEmpty() ? "" : ", incident " + incident) + ")";
  }

  /**
   * The share of each line of a group that it keeps, in order: the largest share of its amount
   * and its days that fits in what the money limit and the day limit (if any) leave.
   */
  static Ratio[] inOrderShares(List<PendingLine> all, List<Integer> lines, Ratio moneyLimit, Ratio dayLimit) {
    Ratio[] shares = new Ratio[lines.size()];
    Ratio moneyLeft = moneyLimit;
    Ratio daysLeft = dayLimit;
    for (int k = 0; k < lines.size(); k++) {
      PendingLine l = all.get(lines.get(k));
      Ratio share = Ratio.ONE;
      Ratio amount = l.amount().amount();
      if (amount.signum() > 0) {
        share = share.min(moneyLeft.max(Ratio.ZERO).dividedBy(amount));
      }
      if (daysLeft != null && l.days() != null && l.days().signum() > 0) {
        share = share.min(daysLeft.max(Ratio.ZERO).dividedBy(l.days()));
      }
      shares[k] = share;
      moneyLeft = moneyLeft.minus(amount.multipliedBy(share));
      if (daysLeft != null && l.days() != null) {
        daysLeft = daysLeft.minus(l.days().multipliedBy(share));
      }
    }
    return shares;
  }

  private static List<PendingLine> present(PendingLine[] lines) {
    List<PendingLine> kept = new ArrayList<>();
    for (PendingLine l : lines) {
      if (l != null) {
        kept.add(l);
      }
    }
    return kept;
  }

  static Evaluation when(When when, Evaluator evaluator, String path, RuleContext context) {
    boolean tracing = evaluator.tracing();
    // Without traces, a condition on the subscription alone (plan, placement, active window) is
    // answered without building the texts of its result; r is read only when tracing.
    Boolean holds = tracing ? null : Definitions.access().holdsOnSubscription(when.condition(), context);
    ConditionResult r = holds == null ? evaluator.test(when.condition(), path, context) : null;
    boolean met = holds != null ? holds : r.met();
    List<TraceNode> traces = evaluator.traces();
    Evaluation taken;
    if (met) {
      taken = evaluator.evaluate(when.then(), path, context);
      evaluator.add(traces, taken.trace());
      if (tracing && when.otherwise().isPresent()) {
        traces.add(evaluator.skipped(when.otherwise().get(), path, "skipped: condition met"));
      }
    } else {
      if (tracing) {
        traces.add(evaluator.skipped(when.then(), path, "skipped: condition not met"));
      }
      if (when.otherwise().isEmpty()) {
        return new Evaluation(
            tracing ? whenNotMet(when, path, "condition not met: " + r.describe(), traceValues(r), traces) : null,
            List.of(), java.util.Set.of());
      }
      taken = evaluator.evaluate(when.otherwise().get(), path, context);
      evaluator.add(traces, taken.trace());
    }
    if (!tracing) {
      return Evaluation.untraced(taken, taken.flags());
    }
    Verdict verdict = taken.matched() ? Verdict.CREDITED : Verdict.NOT_MET;
    return evaluator.passOn(when, path, verdict, "condition " + (met ? "met" : "not met") + ": " + r.describe(),
        traceValues(r), taken, traces, taken.flags());
  }

  /**
   * The trace of a when without an otherwise whose condition is not met: {@link Verdict#NOT_MET}
   * with the summary and values given, over the traces of its skipped then-branch.
   */
  private static TraceNode whenNotMet(When when, String path, String summary, java.util.Map<String, TraceValue> values, List<TraceNode> skipped) {
    return new TraceNode(path, when.kind(), Verdict.NOT_MET, summary, values, Optional.empty(), skipped);
  }

  static Evaluation requiresClaim(RequiresClaim node, Evaluator evaluator, String path, RuleContext context) {
    ConditionResult r = Definitions.access().claimInTime(node.deadline(), context);
    if (!r.met()) {
      return new Evaluation(
          evaluator.tracing()
              ? new TraceNode(path, node.kind(), Verdict.NOT_MET, "no claim in time: " + r.describe(), traceValues(r),
                  Optional.empty(), List.of(evaluator.skipped(node.child(), path, "skipped: no claim in time")))
              : null,
          List.of(), Set.of());
    }
    Evaluation e = evaluator.evaluate(node.child(), path, context);
    if (!evaluator.tracing()) {
      return Evaluation.untraced(e, e.flags());
    }
    return evaluator.passOn(node, path, e.matched() ? Verdict.CREDITED : Verdict.NOT_MET,
        "claim in time: " + r.describe(), traceValues(r), e, List.of(e.trace()), e.flags());
  }

  /** A trace as {@link Verdict#LOST}, with a new summary. */
  private static TraceNode lost(TraceNode t, String summary) {
    return new TraceNode(t.path(), t.kind(), Verdict.LOST, summary, t.values(), t.amount(), t.children());
  }

  /** A condition's result in a trace: {@code observed} and {@code expected}, as text. */
  private static Map<String, TraceValue> traceValues(ConditionResult r) {
    Map<String, TraceValue> values = new LinkedHashMap<>();
    values.put("observed", TraceValue.text(r.observed()));
    values.put("expected", TraceValue.text(r.expected()));
    return values;
  }
}
