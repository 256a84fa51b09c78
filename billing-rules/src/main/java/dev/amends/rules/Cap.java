package dev.amends.rules;

import dev.amends.rules.engine.CapLimits;
import dev.amends.rules.engine.Evaluation;
import dev.amends.rules.engine.Evaluator;
import dev.amends.rules.internal.Texts;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.rules.engine.Evaluation.CapMark;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Limits the valued sum of its child's lines, before rounding. Per period, all lines form one
 * group; per incident, lines resting on the same outages form a group and each group is capped
 * on its own. A cut is spread {@link Rules.Spread#IN_ORDER in order} (earlier lines keep their
 * amounts, the cut falls on the last) or {@link Rules.Spread#PRO_RATA pro rata}. In order, each
 * line in turn keeps the largest share of its amount and of its days (the same share of both)
 * that fits in what the limit leaves, in money and, for a day limit, in days; so under a money
 * limit the lines sum exactly to the limit, and under a day limit neither the money nor the days
 * exceed it. Pro rata, every line keeps the same share, the smaller of {@code limit / sum} in
 * money and in days. Whatever is cut
 * is gone, unless the cap says {@link Rules.Excess#CARRIED_FORWARD}: then the cut is reported in
 * the decision ({@link CreditDecision#carriedForward()}), and when it is handed back in the next
 * period's request it comes in as an extra line under this cap, {@code <cap path>/carried-in},
 * subject to the cap again.
 *
 * @param id the node id
 * @param limit the limit
 * @param scope per period or per incident
 * @param spread how a cut is spread over several lines
 * @param excess what happens to the amount cut
 * @param child the node capped
 */
public record Cap(
    String id, CapLimit limit, Rules.CapScope scope, Rules.Spread spread, Rules.Excess excess, RuleNode child)
    implements Combinator {
  /** The id of the line a cap adds for an amount carried in; a cap's child may not use it. */
  static final String CARRIED_IN = "carried-in";

  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.child}, {@code <id>.limit}, {@code <id>.scope}, {@code <id>.spread} or {@code
   *     <id>.excess} when null
   */
  public Cap {
    Rules.checkId(id);
    Checks.notNull(id + ".limit", limit);
    Checks.notNull(id + ".scope", scope);
    Checks.notNull(id + ".spread", spread);
    Checks.notNull(id + ".excess", excess);
    Rules.checkChild(id, child);
  }

  /** {@code cap}. */
  @Override
  public String kind() {
    return "cap";
  }

  /** The one child. */
  @Override
  public List<RuleNode> children() {
    return List.of(child);
  }

  /** Evaluates the node; the child is evaluated through {@code evaluator}. */
  public Evaluation evaluate(Evaluator evaluator, String path, RuleContext context) {
    Evaluation e = evaluator.evaluate(child, path, context);
    List<PendingLine> all = new ArrayList<>(e.lines());
    Optional<org.joda.money.Money> carriedIn = context.carriedIn(path);
    if (carriedIn.isPresent() && carriedIn.get().isPositive()) {
      all.add(new PendingLine(path + "/" + CARRIED_IN, ExactMoney.of(carriedIn.get()), null,
          "carried forward from an earlier period: " + carriedIn.get(), List.of(), List.of()));
    }
    List<Evaluation.Carry> carried = new ArrayList<>(e.carried());
    if (all.stream().noneMatch(PendingLine::isPositive)) {
      return new Evaluation(
          evaluator.tracing()
              ? new TraceNode(path, kind(), Verdict.NOT_MET, "nothing to cap", Map.of(), Optional.empty(),
                  List.of(e.trace()))
              : null,
          List.of(), e.flags(), carried);
    }
    ExactMoney zero = ExactMoney.zero(context.account().currency());
    ExactMoney limitMoney = CapLimits.money(limit, context, evaluator.compiled());
    Ratio limitDays = CapLimits.days(limit);

    // By the list of outage ids itself, so ids holding a comma cannot merge two incidents.
    Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      PendingLine l = all.get(i);
      List<String> key = scope == Rules.CapScope.PER_INCIDENT ? l.outageIds() : List.of();
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
      if (spread == Rules.Spread.PRO_RATA) {
        capped = sum.multipliedBy(factor);
        note = note(sum, capped, context, incident);
        for (int i : lines) {
          out[i] = all.get(i).scaled(factor, note).withCap(mark);
        }
      } else {
        Ratio[] shares = inOrderShares(all, lines, limitMoney.amount(), limitDays);
        capped = zero;
        for (int k = 0; k < lines.size(); k++) {
          capped = capped.plus(all.get(lines.get(k)).amount().multipliedBy(shares[k]));
        }
        note = note(sum, capped, context, incident);
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
      if (excess == Rules.Excess.CARRIED_FORWARD) {
        carried.add(new Evaluation.Carry(path, cut));
      }
    }
    if (!evaluator.tracing()) {
      return new Evaluation(null, present(out), flags, carried);
    }
    Map<String, TraceValue> values = new LinkedHashMap<>();
    values.put("before", TraceValue.money(before));
    values.put("limit", TraceValue.text(CapLimits.describe(limit, context)));
    values.put("after", TraceValue.money(after));
    if (cuts.isEmpty()) {
      return new Evaluation(
          new TraceNode(path, kind(), Verdict.CREDITED,
              "within cap: " + Texts.money(before) + " <= " + CapLimits.describe(limit, context), values, Optional.of(before),
              List.of(e.trace())),
          present(out), flags, carried);
    }
    String summary = String.join("; ", cuts);
    if (excess == Rules.Excess.CARRIED_FORWARD) {
      values.put("carriedForward", TraceValue.money(cut));
      summary += "; " + Texts.money(cut) + " carried forward";
    }
    return new Evaluation(
        new TraceNode(path, kind(), Verdict.CAPPED, summary, values, Optional.of(after), List.of(e.trace())),
        present(out), flags, carried);
  }

  private String note(ExactMoney sum, ExactMoney capped, RuleContext context, String incident) {
    return "capped from " + Texts.money(sum) + " to " + Texts.money(capped) + " (limit "
        + CapLimits.describe(limit, context) + (incident.isEmpty() ? "" : ", incident " + incident) + ")";
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
}
