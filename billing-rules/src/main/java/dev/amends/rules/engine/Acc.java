package dev.amends.rules.engine;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.TraceNode;
import dev.amends.rules.engine.Evaluation.Aside;
import dev.amends.rules.engine.Evaluation.CapMark;
import dev.amends.rules.engine.Evaluation.CapWarning;
import dev.amends.rules.engine.Evaluation.Carry;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What the evaluation of one tree for one context gathers as it goes, in one place: the lines so
 * far, the flags raised (bits by {@link DecisionFlag} ordinal), the asides (carries and cap
 * warnings, dropped and moved with the lines of the child beside them), and, under a {@link
 * dev.amends.rules.PerOutage per-outage} node, the path prefix of the outage being evaluated. A
 * step appends; a combinator that needs one child's result marks {@link #size()} before the
 * child, reads the lines from the mark, and {@link #truncate truncates} back to drop them.
 *
 * <p>The lines are kept as parallel arrays (path, unrounded amount, days, reason, outage ids, and
 * the caps the line passed through), so that an evaluation makes no object per line: a line's
 * caps are an index into a table of cap marks held here, each with the index of the mark of the
 * cap below it (or -1), so that a cap adds its mark in constant time however deep the nesting.
 * After the evaluation, {@link CapRounding#round} writes each line's rounded amount and whether it
 * was rounded with its cap group into arrays held here too, and the pipeline reads it all from
 * here; an {@link Evaluation} is built only on request ({@link #evaluation}).
 *
 * <p>Mutable, single-thread. {@link #borrow} hands out one accumulator per thread, reset, and a
 * fresh one when the thread's own is in use (a user rule or condition that calls back into the
 * engine); {@link #release} hands it back.
 */
final class Acc {
  private static final DecisionFlag[] FLAGS = DecisionFlag.values();
  static final int AMBIGUOUS = 1 << DecisionFlag.AMBIGUOUS_BOUNDARY.ordinal();
  static final int CAP_REACHED = 1 << DecisionFlag.CAP_REACHED.ordinal();
  /** No cap: the cap index of a line that passed through none, and the parent of an innermost mark. */
  static final int NO_CAP = -1;

  static {
    if (FLAGS.length > Integer.SIZE) {
      throw new AssertionError("more decision flags than bits in an int");
    }
  }

  private static final ThreadLocal<Acc> OWN = new ThreadLocal<>();

  Recorder rec;
  CurrencyUnit currency;
  ExactMoney zero;
  /** The path of the outage being evaluated under a per-outage node ({@code p[OUT-1]}), or null. */
  String prefix;
  int flags;
  /** The root's trace, once evaluated (null without traces). */
  TraceNode trace;
  private boolean inUse;
  // the lines, index-aligned; a null amount marks a line dropped, until compact
  private String[] paths = new String[4];
  private ExactMoney[] amounts = new ExactMoney[4];
  private Ratio[] days = new Ratio[4];
  private String[] reasons = new String[4];
  @SuppressWarnings("unchecked")
  private List<String>[] outageIds = new List[4];
  private int[] caps = new int[4]; // the line's outermost cap mark, or NO_CAP
  private int size;
  // the cap marks, by index
  private String[] markGroups = new String[4];
  private ExactMoney[] markLimits = new ExactMoney[4];
  private boolean[] markCut = new boolean[4];
  private int[] markInner = new int[4]; // the mark of the cap below, or NO_CAP
  private int marks;
  // what CapRounding writes per line
  private Money[] rounded = new Money[4];
  private boolean[] regrouped = new boolean[4];
  private static final Aside[] NO_ASIDES = {};
  private Aside[] asides = NO_ASIDES;
  private int asidesSize;
  private LeafOut.ToLines toLines; // reused by every standard leaf without traces
  private final CapTally capTally = new CapTally();
  private int[] indices = new int[4];

  Acc(Recorder rec, CurrencyUnit currency) {
    reset(rec, currency);
  }

  /**
   * This thread's accumulator, reset for an evaluation in {@code currency}; a fresh one when it is
   * in use already (an evaluation within an evaluation). Hand it back with {@link #release}.
   */
  static Acc borrow(Recorder rec, CurrencyUnit currency) {
    Acc own = OWN.get();
    if (own == null) {
      own = new Acc(rec, currency);
      OWN.set(own);
    } else if (own.inUse) {
      return new Acc(rec, currency); // re-entered: not this thread's, so release leaves it be
    } else {
      own.reset(rec, currency);
    }
    own.inUse = true;
    return own;
  }

  /** Hands an accumulator from {@link #borrow} back, for the thread's next evaluation, holding nothing of this one. */
  void release() {
    Arrays.fill(rounded, 0, Math.min(size, rounded.length), null);
    clear();
    inUse = false;
  }

  private void reset(Recorder r, CurrencyUnit c) {
    rec = r;
    if (!c.equals(currency)) {
      currency = c;
      zero = ExactMoney.zero(c);
    }
    clear();
  }

  private void clear() {
    capTally.notes = null;
    prefix = null;
    flags = 0;
    trace = null;
    truncate(0);
    Arrays.fill(markGroups, 0, marks, null);
    Arrays.fill(markLimits, 0, marks, null);
    marks = 0;
    truncateAsides(0);
  }

  /**
   * What a cap adds up while it cuts its groups: one per accumulator, reused, since a cap's child
   * is evaluated in full before the cap cuts and the cap is done with it before any other step runs.
   */
  static final class CapTally {
    ExactMoney before;
    ExactMoney after;
    ExactMoney cut;
    int cuts;
    int kept; // the lines left after the cut (a line cut to nothing is dropped)
    List<String> notes; // the notes of the groups cut, for the trace; null without traces
  }

  /** The cap tally, reset to nothing before, after or cut, with {@code notes} for the trace (or null). */
  CapTally capTally(List<String> notes) {
    CapTally t = capTally;
    t.before = zero;
    t.after = zero;
    t.cut = zero;
    t.cuts = 0;
    t.kept = 0;
    t.notes = notes;
    return t;
  }

  /** Room for {@code n} line indices, for a cap's group: reused, as {@link #capTally} is. */
  int[] indices(int n) {
    if (indices.length < n) {
      indices = new int[Math.max(n, indices.length * 2)];
    }
    return indices;
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

  String path(int i) {
    return paths[i];
  }

  ExactMoney amount(int i) {
    return amounts[i];
  }

  /** The line's days of service, or null. */
  Ratio days(int i) {
    return days[i];
  }

  String reason(int i) {
    return reasons[i];
  }

  List<String> outageIds(int i) {
    return outageIds[i];
  }

  /** The mark of the line's outermost cap, or {@link #NO_CAP}. */
  int cap(int i) {
    return caps[i];
  }

  String markGroup(int m) {
    return markGroups[m];
  }

  ExactMoney markLimit(int m) {
    return markLimits[m];
  }

  boolean markCut(int m) {
    return markCut[m];
  }

  /** The mark of the cap below mark {@code m}, or {@link #NO_CAP}. */
  int markInner(int m) {
    return markInner[m];
  }

  /** Whether a line of this amount and days (or null) gives anything. */
  static boolean positive(ExactMoney amount, Ratio days) {
    return amount.isPositive() || (days != null && days.signum() > 0);
  }

  boolean isPositive(int i) {
    return positive(amounts[i], days[i]);
  }

  /** Adds a line that passed through no cap. */
  void add(String path, ExactMoney amount, Ratio d, String reason, List<String> outages) {
    if (size == paths.length) {
      grow(size * 2);
    }
    paths[size] = path;
    amounts[size] = amount;
    days[size] = d;
    reasons[size] = reason;
    outageIds[size] = outages;
    caps[size] = NO_CAP;
    size++;
  }

  private void grow(int n) {
    paths = Arrays.copyOf(paths, n);
    amounts = Arrays.copyOf(amounts, n);
    days = Arrays.copyOf(days, n);
    reasons = Arrays.copyOf(reasons, n);
    outageIds = Arrays.copyOf(outageIds, n);
    caps = Arrays.copyOf(caps, n);
  }

  /** Line {@code i} scaled by {@code factor} (amount and days), its reason followed by {@code note}. */
  void scale(int i, Ratio factor, String note) {
    amounts[i] = amounts[i].multipliedBy(factor);
    days[i] = days[i] == null ? null : days[i].multipliedBy(factor);
    reasons[i] = reasons[i] + "; " + note;
  }

  /** Line {@code i} passed through one more (outer) cap. */
  void withCap(int i, String group, ExactMoney limit, boolean cut) {
    if (marks == markGroups.length) {
      int n = marks * 2;
      markGroups = Arrays.copyOf(markGroups, n);
      markLimits = Arrays.copyOf(markLimits, n);
      markCut = Arrays.copyOf(markCut, n);
      markInner = Arrays.copyOf(markInner, n);
    }
    markGroups[marks] = group;
    markLimits[marks] = limit;
    markCut[marks] = cut;
    markInner[marks] = caps[i];
    caps[i] = marks++;
  }

  /** Line {@code i} resting on other outages, as it is otherwise. */
  void outages(int i, List<String> ids) {
    outageIds[i] = ids;
  }

  /** Drops line {@code i} (cut to nothing), until {@link #compact}. */
  void drop(int i) {
    amounts[i] = null;
  }

  /** Drops the lines from {@code mark} on. */
  void truncate(int mark) {
    Arrays.fill(paths, mark, size, null);
    Arrays.fill(amounts, mark, size, null);
    Arrays.fill(days, mark, size, null);
    Arrays.fill(reasons, mark, size, null);
    Arrays.fill(outageIds, mark, size, null);
    size = mark;
  }

  private void move(int from, int to) {
    paths[to] = paths[from];
    amounts[to] = amounts[from];
    days[to] = days[from];
    reasons[to] = reasons[from];
    outageIds[to] = outageIds[from];
    caps[to] = caps[from];
  }

  /** Drops the {@link #drop dropped} lines from {@code mark} on, keeping the others in order. */
  void compact(int mark) {
    int to = mark;
    for (int i = mark; i < size; i++) {
      if (amounts[i] != null) {
        if (i != to) {
          move(i, to);
        }
        to++;
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
      for (int k = 0; k < n; k++) {
        move(from + k, to + k);
      }
      truncate(to + n);
    }
  }

  /** True if a line from {@code mark} on is positive: the child that wrote them matched. */
  boolean matched(int mark) {
    for (int i = mark; i < size; i++) {
      if (isPositive(i)) {
        return true;
      }
    }
    return false;
  }

  /** The valued sum of the lines from {@code mark} on. */
  ExactMoney total(int mark) {
    ExactMoney t = zero;
    for (int i = mark; i < size; i++) {
      t = t.plus(amounts[i]);
    }
    return t;
  }

  /** Room for {@link CapRounding} to write a rounded amount and a regrouped flag per line, cleared. */
  void roundingRoom() {
    if (rounded.length < size) {
      rounded = new Money[paths.length];
      regrouped = new boolean[paths.length];
    } else {
      Arrays.fill(rounded, 0, size, null);
      Arrays.fill(regrouped, 0, size, false);
    }
  }

  /** Line {@code i} rounded, as {@link CapRounding#round} wrote it. */
  Money rounded(int i) {
    return rounded[i];
  }

  void rounded(int i, Money amount) {
    rounded[i] = amount;
  }

  /** Whether line {@code i} was rounded with its cap group, as {@link CapRounding#round} wrote it. */
  boolean regrouped(int i) {
    return regrouped[i];
  }

  /** Line {@code i} was rounded with its cap group. */
  void markRegrouped(int i) {
    regrouped[i] = true;
  }

  /** The number of asides (carries and cap warnings) so far: a mark for {@link #truncateAsides}. */
  int asidesSize() {
    return asidesSize;
  }

  /** The asides (carries and cap warnings) kept, in order. */
  Aside aside(int i) {
    return asides[i];
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

  /** Adds the flags of a bit set to {@code out}. */
  static void addFlags(int bits, Set<DecisionFlag> out) {
    for (DecisionFlag f : FLAGS) {
      if ((bits & 1 << f.ordinal()) != 0) {
        out.add(f);
      }
    }
  }

  /** The flags of a bit set. */
  static Set<DecisionFlag> flags(int bits) {
    if (bits == 0) {
      return Set.of();
    }
    EnumSet<DecisionFlag> set = EnumSet.noneOf(DecisionFlag.class);
    addFlags(bits, set);
    return set;
  }

  /** Line {@code i} as a {@link PendingLine}, its caps innermost first: built on request, off the hot path. */
  PendingLine line(int i) {
    return new PendingLine(paths[i], amounts[i], days[i], reasons[i], outageIds[i], capsOf(i));
  }

  private List<CapMark> capsOf(int i) {
    List<CapMark> out = new ArrayList<>();
    for (int m = caps[i]; m != NO_CAP; m = markInner[m]) {
      out.add(new CapMark(markGroups[m], markLimits[m], markCut[m]));
    }
    Collections.reverse(out);
    return out;
  }

  /**
   * An accumulator holding {@code lines}, with their caps as marks: for {@link CapRounding} over lines built
   * elsewhere (tests, {@link dev.amends.rules.CreditEngine}).
   */
  static Acc of(List<PendingLine> lines, CurrencyUnit currency) {
    Acc acc = new Acc(Recorder.OFF, currency);
    for (PendingLine l : lines) {
      acc.add(l.path(), l.amount(), l.days(), l.reason(), l.outageIds());
      int i = acc.size - 1;
      for (CapMark m : l.caps()) {
        acc.withCap(i, m.group(), m.limit(), m.cut());
      }
    }
    return acc;
  }

  /** All that was gathered, with the root's trace (null without traces): built on request, off the hot path. */
  Evaluation evaluation() {
    List<PendingLine> l = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      l.add(line(i));
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
