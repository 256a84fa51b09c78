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
 * decision's warnings).
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
      caps = caps instanceof CapChain ? caps : List.copyOf(caps); // a chain is immutable already
    }

    public boolean isPositive() {
      return amount.isPositive() || (days != null && days.signum() > 0);
    }

    public PendingLine scaled(Ratio factor, String note) {
      return new PendingLine(path, amount.multipliedBy(factor), days == null ? null : days.multipliedBy(factor),
          reason + "; " + note, outageIds, caps);
    }

    /** This line with one more (outer) cap: the caps so far are shared, not copied. */
    public PendingLine withCap(CapMark cap) {
      return new PendingLine(path, amount, days, reason, outageIds, CapChain.of(caps, cap));
    }

    /** This line resting on other outages, as it is otherwise. */
    PendingLine withOutages(List<String> ids) {
      return new PendingLine(path, amount, days, reason, ids, caps);
    }
  }

  /**
   * The caps of a line, innermost first, as an immutable chain: a cap adds its mark in constant
   * time and shares the marks of the caps below it, however deep the nesting.
   */
  static final class CapChain extends java.util.AbstractList<CapMark> {
    private final List<CapMark> inner; // the caps below, shared
    private final CapMark outer;

    private CapChain(List<CapMark> inner, CapMark outer) {
      this.inner = inner;
      this.outer = java.util.Objects.requireNonNull(outer, "cap");
    }

    static CapChain of(List<CapMark> inner, CapMark outer) {
      return new CapChain(inner, outer);
    }

    @Override
    public CapMark get(int index) {
      return index == inner.size() ? outer : inner.get(java.util.Objects.checkIndex(index, inner.size()));
    }

    @Override
    public int size() {
      return inner.size() + 1;
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
