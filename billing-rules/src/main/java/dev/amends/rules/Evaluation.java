package dev.amends.rules;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The result of evaluating one node: its trace (null when the {@link Evaluator} does not trace),
 * its unrounded lines, flags raised, and what caps below it cut and carry forward to the next
 * period.
 */
record Evaluation(TraceNode trace, List<PendingLine> lines, Set<DecisionFlag> flags, List<Carry> carried) {
  Evaluation {
    lines = List.copyOf(lines);
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    carried = List.copyOf(carried);
  }

  Evaluation(TraceNode trace, List<PendingLine> lines, Set<DecisionFlag> flags) {
    this(trace, lines, flags, List.of());
  }

  /** Without a trace: the lines and carries of the child chosen, with the flags given. */
  static Evaluation untraced(Evaluation chosen, Set<DecisionFlag> flags) {
    return new Evaluation(null, chosen.lines(), flags, chosen.carried());
  }

  /** True if the node gave something: a positive amount or a positive number of days. */
  boolean matched() {
    return lines.stream().anyMatch(PendingLine::isPositive);
  }

  /** The valued sum of the lines, or zero in the currency given. */
  ExactMoney total(ExactMoney zero) {
    ExactMoney t = zero;
    for (PendingLine l : lines) {
      t = t.plus(l.amount());
    }
    return t;
  }

  /** An unrounded credit line on its way to the engine, with the caps it passed through, innermost first. */
  record PendingLine(
      String path, ExactMoney amount, Ratio days, String reason, List<String> outageIds, List<CapMark> caps) {
    PendingLine {
      outageIds = List.copyOf(outageIds);
      caps = List.copyOf(caps);
    }

    boolean isPositive() {
      return amount.isPositive() || (days != null && days.signum() > 0);
    }

    PendingLine scaled(Ratio factor, String note) {
      return new PendingLine(path, amount.multipliedBy(factor), days == null ? null : days.multipliedBy(factor),
          reason + "; " + note, outageIds, caps);
    }

    PendingLine withAmount(ExactMoney newAmount, String note) {
      return new PendingLine(path, newAmount, days, reason + "; " + note, outageIds, caps);
    }

    PendingLine withCap(CapMark cap) {
      List<CapMark> more = new java.util.ArrayList<>(caps);
      more.add(cap);
      return new PendingLine(path, amount, days, reason, outageIds, more);
    }
  }

  /**
   * A cap group a line belongs to: once each line is rounded, the lines of a group must still
   * sum to no more than the limit; a group the cap cut ({@code cut}) is rounded as a whole, so
   * its lines sum to its total rounded once.
   */
  record CapMark(String group, ExactMoney limit, boolean cut) {}

  /** An amount a cap cut and carries forward to the next period, by the cap's path. */
  record Carry(String capPath, ExactMoney amount) {}
}
