package dev.amends.rules.engine;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.measure.Contribution;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.OutageBreakdown;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Outage;
import java.math.RoundingMode;
import java.time.Duration;
import dev.amends.rules.Cap;
import dev.amends.rules.Combinator;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.ExactlyOne;
import dev.amends.rules.FirstMatch;
import dev.amends.rules.MostGenerous;
import dev.amends.rules.PerOutage;
import dev.amends.rules.RequiresClaim;
import dev.amends.rules.RuleContext;
import dev.amends.rules.RuleEvaluationException;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.Sum;
import dev.amends.rules.TraceNode;
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
 * ExactlyOne}, {@link Cap}, {@link When}, {@link RequiresClaim}, {@link PerOutage}): one method per kind, chosen by
 * the exhaustive {@code switch} of {@link Evaluator}; children are evaluated through the
 * evaluator. The records themselves are data.
 */
final class Combinators {
  private Combinators() {}

  static Evaluation sum(Sum node, Evaluator evaluator, String path, RuleContext context) {
    Recorder rec = evaluator.recorder();
    List<TraceNode> traces = rec.list();
    List<PendingLine> lines = new ArrayList<>();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    List<Evaluation.Carry> carried = new ArrayList<>();
    for (RuleNode child : node.children()) {
      Evaluation e = evaluator.evaluate(child, path, context);
      rec.add(traces, e.trace());
      lines.addAll(e.lines());
      flags.addAll(e.flags());
      carried.addAll(e.carried());
    }
    return new Evaluation(rec.sum(node, path, lines, context.account().currency(), traces), lines, flags, carried);
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
    Recorder rec = evaluator.recorder();
    List<TraceNode> traces = rec.list();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    String winnerId = winner < 0 ? null : node.children().get(winner).id();
    for (int i = 0; i < evals.size(); i++) {
      Evaluation e = evals.get(i);
      rec.ranked(traces, e, i != winner && e.matched(), winnerId, best, zero);
      if (i == winner || winner < 0) {
        flags.addAll(e.flags());
      } else if (e.flags().contains(DecisionFlag.AMBIGUOUS_BOUNDARY)) {
        flags.add(DecisionFlag.AMBIGUOUS_BOUNDARY); // a person should still look at an unmapped boundary
      }
    }
    if (winner < 0) {
      return new Evaluation(rec.noCredit(node, path, traces), List.of(), flags);
    }
    Evaluation chosen = evals.get(winner);
    return new Evaluation(rec.mostGenerous(node, path, winnerId, best, traces), chosen.lines(), flags,
        chosen.carried());
  }

  static Evaluation firstMatch(FirstMatch node, Evaluator evaluator, String path, RuleContext context) {
    return oneMatch(node, false, "first match: ", evaluator, path, context);
  }

  static Evaluation exactlyOne(ExactlyOne node, Evaluator evaluator, String path, RuleContext context) {
    return oneMatch(node, true, "the one match: ", evaluator, path, context);
  }

  /**
   * The lines of the one child that gave a credit. With {@code exactlyOne} every child is
   * evaluated and a second match is an error; without, the children after the first match are
   * skipped (not evaluated).
   */
  private static Evaluation oneMatch(Combinator node, boolean exactlyOne, String prefix, Evaluator evaluator,
      String path, RuleContext context) {
    Recorder rec = evaluator.recorder();
    List<TraceNode> traces = rec.list();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    Evaluation match = null;
    String matchId = null;
    for (RuleNode child : node.children()) {
      if (match != null && !exactlyOne) {
        rec.add(traces, rec.skippedAfterMatch(child, path, matchId)); // not evaluated
        continue;
      }
      Evaluation e = evaluator.evaluate(child, path, context);
      rec.add(traces, e.trace());
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
      return new Evaluation(rec.noCredit(node, path, traces), List.of(), flags);
    }
    return new Evaluation(rec.matched(node, path, prefix, matchId, match, traces), match.lines(), flags,
        match.carried());
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
    Recorder rec = evaluator.recorder();
    if (all.stream().noneMatch(PendingLine::isPositive)) {
      return new Evaluation(rec.nothingToCap(cap, path, e.trace()), List.of(), e.flags(), carried);
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
    return new Evaluation(rec.cap(cap, path, context, before, after, cut, cuts, e.trace()), present(out), flags,
        carried);
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
    Recorder rec = evaluator.recorder();
    ConditionResult r = rec.condition(evaluator, when.condition(), path, context);
    boolean met = r.met();
    List<TraceNode> traces = rec.list();
    Evaluation taken;
    if (met) {
      taken = evaluator.evaluate(when.then(), path, context);
      rec.add(traces, taken.trace());
      if (when.otherwise().isPresent()) {
        rec.add(traces, rec.skipped(when.otherwise().get(), path, "skipped: condition met"));
      }
    } else {
      rec.add(traces, rec.skipped(when.then(), path, "skipped: condition not met"));
      if (when.otherwise().isEmpty()) {
        return new Evaluation(rec.whenNotMet(when, path, r, traces), List.of(), Set.of());
      }
      taken = evaluator.evaluate(when.otherwise().get(), path, context);
      rec.add(traces, taken.trace());
    }
    return new Evaluation(rec.when(when, path, met, r, taken, traces), taken.lines(), taken.flags(), taken.carried());
  }

  static Evaluation requiresClaim(RequiresClaim node, Evaluator evaluator, String path, RuleContext context) {
    Recorder rec = evaluator.recorder();
    ConditionResult r = Definitions.access().claimInTime(node.deadline(), context);
    if (!r.met()) {
      return new Evaluation(rec.noClaim(node, path, r), List.of(), Set.of());
    }
    Evaluation e = evaluator.evaluate(node.child(), path, context);
    return new Evaluation(rec.claimed(node, path, r, e), e.lines(), e.flags(), e.carried());
  }

  /**
   * The child once per outage that counted downtime, in the measurement's order (by start), on a
   * context that sees that outage alone; each line rests on that outage, and its path holds the
   * outage id in brackets after this node's path, so that keys differ per outage.
   */
  static Evaluation perOutage(PerOutage node, Evaluator evaluator, String path, RuleContext context) {
    Recorder rec = evaluator.recorder();
    List<TraceNode> traces = rec.list();
    List<PendingLine> lines = new ArrayList<>();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    List<Evaluation.Carry> carried = new ArrayList<>();
    for (Contribution c : context.measurement().contributions()) {
      if (c.counted().isEmpty()) {
        continue;
      }
      RuleContext one = oneOutage(context, c);
      String outagePath = path + "[" + c.outageId() + "]";
      Evaluation e = evaluator.evaluate(node.child(), outagePath, one);
      List<String> ids = List.of(c.outageId());
      for (PendingLine l : e.lines()) {
        lines.add(l.outageIds().equals(ids) ? l
            : new PendingLine(l.path(), l.amount(), l.days(), l.reason(), ids, l.caps()));
      }
      flags.addAll(e.flags());
      carried.addAll(e.carried());
      rec.add(traces, rec.outage(outagePath, c.outageId(), one.measurement(), e));
    }
    return new Evaluation(rec.perOutage(node, path, lines, context.account().currency(), traces), lines, flags,
        carried);
  }

  /**
   * The context restricted to one outage: its counted downtime (weighted by its share of users
   * when the measurement weights it), the availability that leaves over the same denominator, its
   * contribution, its breakdown and exclusions, and the outage record itself.
   */
  static RuleContext oneOutage(RuleContext context, Contribution c) {
    Measurement m = context.measurement();
    String id = c.outageId();
    Duration downtime = c.counted().totalLength();
    List<OutageBreakdown> breakdown = m.breakdown().stream().filter(b -> b.outageId().equals(id)).toList();
    for (OutageBreakdown b : breakdown) {
      if (b.weighted() && !b.share().equals(Ratio.ONE)) {
        downtime = Duration.ofNanos(Ratio.of(downtime, Duration.ofNanos(1)).multipliedBy(b.share())
            .toBigDecimal(0, RoundingMode.HALF_UP).longValueExact());
      }
    }
    Duration denominator = m.denominator();
    if (downtime.compareTo(denominator) > 0) {
      downtime = denominator;
    }
    Ratio availability = denominator.isZero() ? Ratio.ONE : Ratio.of(downtime, denominator).complement();
    Measurement restricted = Measurement.builder().from(m)
        .counted(c.counted())
        .downtime(downtime)
        .availability(availability)
        .exclusions(m.exclusions().stream().filter(x -> x.outageIds().contains(id)).toList())
        .contributions(List.of(c))
        .outageIds(List.of(id))
        .notes(List.of())
        .breakdown(breakdown)
        .build();
    List<Outage> outages = context.outages().stream().filter(o -> o.id().equals(id)).toList();
    return RuleContext.builder().from(context).measurement(restricted).outages(outages).build();
  }
}
