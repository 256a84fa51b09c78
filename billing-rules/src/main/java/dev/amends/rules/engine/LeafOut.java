package dev.amends.rules.engine;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.Outcome;
import dev.amends.rules.RuleContext;
import dev.amends.rules.Tier;
import dev.amends.rules.TraceNode;
import dev.amends.rules.TraceValue;
import dev.amends.rules.Verdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a {@link StandardRules.Leaf standard leaf} writes what it decided: a credit (amount and
 * reason, then days and the outages it rests on) or no credit, flags, and the named values a
 * trace shows, each given as the plain fact ({@link #money}, {@link #percent}...) so that a sink
 * that shows no trace builds no {@link TraceValue}. A leaf writes {@link #credit} or {@link
 * #noCredit} first, then the rest. Single-thread, one leaf at a time.
 *
 * <p>{@link Made} keeps the values a trace shows: it builds an {@link Outcome} for {@link
 * StandardRules#evaluate}, and in a traced evaluation writes the line and the leaf's trace node
 * with no Outcome between; {@link ToLines} writes a positive credit straight into an
 * evaluation's lines, and builds no reason for a leaf that gives nothing.
 */
abstract sealed class LeafOut {
  ExactMoney amount; // null: no credit
  String reason; // of a credit; of no credit only when wanted
  Ratio days;
  List<String> outageIds = List.of();
  int flags; // bits by DecisionFlag ordinal

  private LeafOut() {}

  /** A credit of an unrounded amount, with the library's reason. */
  final void credit(ExactMoney a, String why) {
    amount = a;
    reason = why;
  }

  /** No credit; the reason is built only by a sink that shows it. */
  abstract void noCredit(Supplier<String> why);

  /** The days of service the credit also gives. */
  final void days(Ratio d) {
    days = d;
  }

  /** The credit rests on the outages that counted downtime in the context. */
  final void outages(RuleContext context) {
    outageIds = StandardRules.countedIds(context);
  }

  final void flag(DecisionFlag flag) {
    flags |= 1 << flag.ordinal();
  }

  // The named values a trace shows: ignored here (so without traces no value is built); Made keeps them.

  void availability(String name, Ratio availability) {}

  /** The range of a tier, as text. */
  void tier(String name, Tier tier) {}

  void percent(String name, BigDecimal percent) {}

  void money(String name, ExactMoney money) {}

  void days(String name, Ratio days) {}

  void duration(String name, Duration duration) {}

  /** A length in nanoseconds, to the whole nanosecond below. */
  void nanos(String name, Ratio nanos) {}

  void count(String name, long count) {}

  void number(String name, BigDecimal number) {}

  /**
   * Hands what the leaf wrote to the evaluation: its line (if positive) and flags into {@code
   * acc}; returns the leaf's trace, or null.
   */
  abstract TraceNode finish(Step step, Acc acc, RuleContext context);

  /** Builds the {@link Outcome} the leaf wrote, with its values and reason. */
  static final class Made extends LeafOut {
    private String[] names = new String[4];
    private TraceValue[] values = new TraceValue[4];
    private int count;

    @Override
    void noCredit(Supplier<String> why) {
      amount = null;
      reason = why.get();
    }

    private void value(String name, TraceValue value) {
      if (count == names.length) {
        names = Arrays.copyOf(names, count * 2);
        values = Arrays.copyOf(values, count * 2);
      }
      names[count] = name;
      values[count++] = value;
    }

    @Override
    void availability(String name, Ratio availability) {
      value(name, TraceValue.availability(availability));
    }

    @Override
    void tier(String name, Tier tier) {
      value(name, TraceValue.text(tier.range()));
    }

    @Override
    void percent(String name, BigDecimal percent) {
      value(name, TraceValue.percent(percent));
    }

    @Override
    void money(String name, ExactMoney money) {
      value(name, TraceValue.money(money));
    }

    @Override
    void days(String name, Ratio days) {
      value(name, TraceValue.days(days));
    }

    @Override
    void duration(String name, Duration duration) {
      value(name, TraceValue.duration(duration));
    }

    @Override
    void nanos(String name, Ratio nanos) {
      value(name, TraceValue.duration(Duration.ofNanos(nanos.floor().longValueExact())));
    }

    @Override
    void count(String name, long count) {
      value(name, TraceValue.count(count));
    }

    @Override
    void number(String name, BigDecimal number) {
      value(name, TraceValue.number(number));
    }

    /**
     * The outcome, made unchecked (through {@link Definitions}): its texts are the library's own
     * and its ids come from checked input.
     */
    Outcome outcome() {
      Outcome o = Definitions.access().libraryOutcome(amount, days, reason, names, values, count, outageIds);
      for (DecisionFlag f : Acc.flags(flags)) {
        o = o.withFlag(f);
      }
      return o;
    }

    /** The named values in the order written; a name written twice keeps its first place and its last value. */
    private Map<String, TraceValue> values() {
      if (count == 0) {
        return Map.of();
      }
      Map<String, TraceValue> map = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        map.put(names[i], values[i]);
      }
      return Collections.unmodifiableMap(map);
    }

    /** As {@link Step#outcome} hands over the {@link #outcome()}, without building it. */
    @Override
    TraceNode finish(Step step, Acc acc, RuleContext context) {
      if (amount == null) {
        acc.flags |= flags;
        return acc.rec.leaf(step, acc, Verdict.NOT_MET, reason, values(), null);
      }
      Step.checkCurrency(step, acc, context, amount);
      acc.flags |= flags;
      boolean positive = Acc.positive(amount, days);
      if (positive) {
        acc.add(step.path(acc), amount, days, reason, outageIds);
      }
      return acc.rec.leaf(step, acc, positive ? Verdict.CREDITED : Verdict.ZERO, reason, values(), amount);
    }
  }

  /** Writes a credit straight into the lines of an evaluation without traces; one per evaluation, reused. */
  static final class ToLines extends LeafOut {
    /** Ready for the next leaf. */
    ToLines reset() {
      amount = null;
      reason = null;
      days = null;
      outageIds = List.of();
      flags = 0;
      return this;
    }

    @Override
    void noCredit(Supplier<String> why) {
      amount = null;
    }

    @Override
    TraceNode finish(Step step, Acc acc, RuleContext context) {
      acc.flags |= flags;
      if (amount == null) {
        return null;
      }
      Step.checkCurrency(step, acc, context, amount);
      if (Acc.positive(amount, days)) {
        acc.add(step.path(acc), amount, days, reason, outageIds);
      }
      return null;
    }
  }
}
