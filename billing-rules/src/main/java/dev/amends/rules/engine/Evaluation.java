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
 * its unrounded lines, flags raised, what caps below it cut and carry forward to the next
 * period, and the warnings of caps that cut all their lines to nothing (one per cap, for the
 * decision's warnings). Built only on request ({@link Evaluator#evaluate}): the engine's own
 * path reads all this from its {@link Acc accumulator} and makes no Evaluation or PendingLine.
 */
public record Evaluation(TraceNode trace, List<PendingLine> lines, Set<DecisionFlag> flags, List<Carry> carried,
    List<String> warnings) {
  public Evaluation {
    lines = List.copyOf(lines);
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    carried = List.copyOf(carried);
    warnings = List.copyOf(warnings);
  }

  public Evaluation(TraceNode trace, List<PendingLine> lines, Set<DecisionFlag> flags) {
    this(trace, lines, flags, List.of(), List.of());
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
  }

  /**
   * A cap group a line belongs to: once each line is rounded, the lines of a group must still
   * sum to no more than the limit; a group the cap cut ({@code cut}) is rounded as a whole, so
   * its lines sum to its total rounded once.
   */
  public record CapMark(String group, ExactMoney limit, boolean cut) {}

  /**
   * What a cap leaves beside its lines, kept or dropped with the lines of the combinator's child
   * that holds it: a {@link Carry} or a {@link CapWarning}.
   */
  sealed interface Aside permits Carry, CapWarning {}

  /** An amount a cap cut and carries forward to the next period, by the cap's path. */
  public record Carry(String capPath, ExactMoney amount) implements Aside {}

  /** A warning for the decision: a cap cut all its lines to nothing. */
  record CapWarning(String text) implements Aside {}
}
