package dev.amends.rules.engine;

import dev.amends.core.money.ExactMoney;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.TraceNode;
import dev.amends.rules.engine.Evaluation.Aside;
import dev.amends.rules.engine.Evaluation.CapWarning;
import dev.amends.rules.engine.Evaluation.Carry;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;

/**
 * What the evaluation of one tree for one context gathers as it goes, in one place: the lines so
 * far, the flags raised (bits by {@link DecisionFlag} ordinal), the asides (carries and cap
 * warnings, dropped and moved with the lines of the child beside them), and, under a {@link
 * dev.amends.rules.PerOutage per-outage} node, the path prefix of the outage being evaluated. A
 * step appends; a combinator that needs one child's result marks {@link #size()} before the
 * child, reads the lines from the mark, and {@link #truncate truncates} back to drop them.
 * Mutable, single-thread, one per {@link Evaluator#evaluate} call.
 */
final class Acc {
  private static final DecisionFlag[] FLAGS = DecisionFlag.values();
  static final int AMBIGUOUS = 1 << DecisionFlag.AMBIGUOUS_BOUNDARY.ordinal();
  static final int CAP_REACHED = 1 << DecisionFlag.CAP_REACHED.ordinal();

  static {
    if (FLAGS.length > Integer.SIZE) {
      throw new AssertionError("more decision flags than bits in an int");
    }
  }

  final Recorder rec;
  final CurrencyUnit currency;
  final ExactMoney zero;
  /** The path of the outage being evaluated under a per-outage node ({@code p[OUT-1]}), or null. */
  String prefix;
  int flags;
  private PendingLine[] lines = new PendingLine[4];
  private int size;
  private static final Aside[] NO_ASIDES = {};
  private Aside[] asides = NO_ASIDES;
  private int asidesSize;
  private LeafOut.ToLines toLines; // reused by every standard leaf without traces

  Acc(Recorder rec, CurrencyUnit currency) {
    this.rec = rec;
    this.currency = currency;
    this.zero = ExactMoney.zero(currency);
  }

  /** The sink of a standard leaf without traces, ready for it. */
  LeafOut.ToLines toLines() {
    if (toLines == null) {
      toLines = new LeafOut.ToLines();
    }
    return toLines.reset();
  }

  int size() {
    return size;
  }

  PendingLine line(int i) {
    return lines[i];
  }

  void set(int i, PendingLine line) {
    lines[i] = line;
  }

  void add(PendingLine line) {
    if (size == lines.length) {
      lines = Arrays.copyOf(lines, size * 2);
    }
    lines[size++] = line;
  }

  /** Drops the lines from {@code mark} on. */
  void truncate(int mark) {
    Arrays.fill(lines, mark, size, null);
    size = mark;
  }

  /** Drops the null lines from {@code mark} on, keeping the others in order. */
  void compact(int mark) {
    int to = mark;
    for (int i = mark; i < size; i++) {
      if (lines[i] != null) {
        lines[to++] = lines[i];
      }
    }
    truncate(to);
  }

  /**
   * Moves the lines from {@code from} on down to {@code to}, dropping those between (a new
   * winner replacing the lines of the one before).
   */
  void moveDown(int from, int to) {
    if (from != to) {
      int n = size - from;
      System.arraycopy(lines, from, lines, to, n);
      truncate(to + n);
    }
  }

  /** True if a line from {@code mark} on is positive: the child that wrote them matched. */
  boolean matched(int mark) {
    for (int i = mark; i < size; i++) {
      if (lines[i].isPositive()) {
        return true;
      }
    }
    return false;
  }

  /** The valued sum of the lines from {@code mark} on. */
  ExactMoney total(int mark) {
    ExactMoney t = zero;
    for (int i = mark; i < size; i++) {
      t = t.plus(lines[i].amount());
    }
    return t;
  }

  /** The number of asides (carries and cap warnings) so far: a mark for {@link #truncateAsides}. */
  int asidesSize() {
    return asidesSize;
  }

  void carry(Carry c) {
    aside(c);
  }

  /** A warning for the decision, kept or dropped with the lines beside it. */
  void warn(String text) {
    aside(new CapWarning(text));
  }

  private void aside(Aside a) {
    if (asidesSize == asides.length) {
      asides = Arrays.copyOf(asides, Math.max(2, asidesSize * 2));
    }
    asides[asidesSize++] = a;
  }

  /** Drops the carries and warnings from {@code mark} on, as {@link #truncate} drops lines. */
  void truncateAsides(int mark) {
    Arrays.fill(asides, mark, asidesSize, null);
    asidesSize = mark;
  }

  /** As {@link #moveDown}, for the carries and warnings. */
  void moveAsidesDown(int from, int to) {
    if (from != to) {
      int n = asidesSize - from;
      System.arraycopy(asides, from, asides, to, n);
      truncateAsides(to + n);
    }
  }

  void flags(Set<DecisionFlag> raised) {
    for (DecisionFlag f : raised) {
      flags |= 1 << f.ordinal();
    }
  }

  /** The flags of a bit set. */
  static Set<DecisionFlag> flags(int bits) {
    if (bits == 0) {
      return Set.of();
    }
    EnumSet<DecisionFlag> set = EnumSet.noneOf(DecisionFlag.class);
    for (DecisionFlag f : FLAGS) {
      if ((bits & 1 << f.ordinal()) != 0) {
        set.add(f);
      }
    }
    return set;
  }

  /** All that was gathered, with the root's trace (null without traces). */
  Evaluation evaluation(TraceNode trace) {
    List<PendingLine> l = switch (size) {
      case 0 -> List.of();
      case 1 -> List.of(lines[0]);
      case 2 -> List.of(lines[0], lines[1]);
      default -> List.of(Arrays.copyOf(lines, size));
    };
    if (asidesSize == 0) {
      return new Evaluation(trace, l, flags(flags), List.of(), List.of());
    }
    List<Carry> c = new ArrayList<>();
    List<String> w = new ArrayList<>();
    for (int i = 0; i < asidesSize; i++) {
      switch (asides[i]) {
        case Carry carry -> c.add(carry);
        case CapWarning warning -> w.add(warning.text());
      }
    }
    return new Evaluation(trace, l, flags(flags), c, w);
  }
}
