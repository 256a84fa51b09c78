package dev.amends.rules.engine;

import dev.amends.rules.DecisionFlag;
import dev.amends.rules.TraceNode;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The result of evaluating one node: its trace (null when the {@link Evaluator} records none),
 * its unrounded lines, flags raised, and what caps below it cut and carry forward to the next
 * period.
 */
public record Evaluation(TraceNode trace, List<PendingLine> lines, Set<DecisionFlag> flags, List<Carry> carried) {
  public Evaluation {
    lines = List.copyOf(lines);
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    carried = List.copyOf(carried);
  }

  public Evaluation(TraceNode trace, List<PendingLine> lines, Set<DecisionFlag> flags) {
    this(trace, lines, flags, List.of());
  }

  /** True if the node gave something: a positive amount or a positive number of days. */
  public boolean matched() {
    return lines.stream().anyMatch(PendingLine::isPositive);
  }

  /** The valued sum of the lines, or zero in the currency given. */
  public ExactMoney total(ExactMoney zero) {
    ExactMoney t = zero;
    for (PendingLine l : lines) {
      t = t.plus(l.amount());
    }
    return t;
  }

  /** An unrounded credit line on its way to the engine, with the caps it passed through, innermost first. */
  public record PendingLine(
      String path, ExactMoney amount, Ratio days, String reason, List<String> outageIds, List<CapMark> caps) {
    public PendingLine {
      outageIds = List.copyOf(outageIds);
      caps = List.copyOf(caps);
    }

    public boolean isPositive() {
      return amount.isPositive() || (days != null && days.signum() > 0);
    }

    public PendingLine scaled(Ratio factor, String note) {
      return new PendingLine(path, amount.multipliedBy(factor), days == null ? null : days.multipliedBy(factor),
          reason + "; " + note, outageIds, caps);
    }

    public PendingLine withAmount(ExactMoney newAmount, String note) {
      return new PendingLine(path, newAmount, days, reason + "; " + note, outageIds, caps);
    }

    public PendingLine withCap(CapMark cap) {
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
  public record CapMark(String group, ExactMoney limit, boolean cut) {}

  /** An amount a cap cut and carries forward to the next period, by the cap's path. */
  public record Carry(String capPath, ExactMoney amount) {}
}
