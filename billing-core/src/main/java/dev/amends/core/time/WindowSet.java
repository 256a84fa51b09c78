package dev.amends.core.time;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import org.threeten.extra.Interval;

/**
 * An immutable, normalised set of half-open time windows {@code [start, end)}.
 *
 * <p>Normalised means: the windows are sorted by start, none is empty, and no two overlap or
 * abut. {@code [10:00, 11:00)} and {@code [11:00, 12:00)} become one window {@code [10:00,
 * 12:00)}, so a set has exactly one representation and {@link #equals(Object)} compares the
 * instants covered. Empty windows are legal inputs and contribute nothing.
 *
 * <p>The vocabulary follows {@link Interval}: a window is half-open, so an instant equal to a
 * window's end is not covered by it. Operations never modify a set; they return a new one.
 *
 * <pre>{@code
 * WindowSet down = WindowSet.of(List.of(Interval.of(t0, t2), Interval.of(t1, t3)));  // [t0, t3)
 * Duration total = down.minus(WindowSet.of(maintenance)).totalLength();
 * }</pre>
 *
 * <p>Costs: {@link #of(Collection)} sorts, {@code O(n log n)}; {@link #union}, {@link
 * #intersection(WindowSet)} and {@link #minus(WindowSet)} merge two sorted lists in one pass,
 * and skip by binary search to the part of the larger set that the smaller one spans, so
 * clipping a large set to one window costs {@code O(log n)} plus the windows kept; {@link
 * #contains(Instant)} is a binary search.
 *
 * <p>Instances are immutable and thread-safe. Null is rejected everywhere with an {@link
 * InvalidInputException} naming the argument.
 */
public final class WindowSet implements Iterable<Interval> {
  private static final WindowSet EMPTY = new WindowSet(List.of());
  private static final Comparator<Interval> BY_START_THEN_END =
      Comparator.comparing(Interval::getStart).thenComparing(Interval::getEnd);

  private final List<Interval> windows;

  private WindowSet(List<Interval> normalised) {
    this.windows = normalised;
  }

  /** The set that covers no instant. */
  public static WindowSet empty() {
    return EMPTY;
  }

  /**
   * The set covering one window.
   *
   * @param window the window, may be empty, not null
   * @return the set, not null
   */
  public static WindowSet of(Interval window) {
    Checks.notNull("window", window);
    return window.isEmpty() ? EMPTY : new WindowSet(List.of(window));
  }

  /**
   * The union of any number of windows, in any order, overlapping or not.
   *
   * @param windows the windows, not null, no null elements
   * @return the normalised set, not null
   */
  public static WindowSet of(Collection<Interval> windows) {
    Checks.notNull("windows", windows);
    if (windows.isEmpty()) {
      return EMPTY;
    }
    if (windows instanceof List<Interval> list && list instanceof RandomAccess && isNormalised(list)) {
      return new WindowSet(List.copyOf(list)); // the list itself when it is already unmodifiable
    }
    List<Interval> sorted = new ArrayList<>(windows.size());
    int i = 0;
    for (Interval w : windows) {
      if (w == null) { // the field is named only on failure: no text built per window
        Checks.notNull("windows[" + i + "]", w);
      }
      i++;
      if (!w.isEmpty()) {
        sorted.add(w);
      }
    }
    if (sorted.size() == 1) {
      return new WindowSet(List.of(sorted.get(0)));
    }
    sorted.sort(BY_START_THEN_END);
    List<Interval> merged = new ArrayList<>(sorted.size());
    // A window that merges with none is kept as it is, not made again: sets built from the
    // windows of other sets share their windows.
    Interval alone = null;
    Instant curStart = null;
    Instant curEnd = null;
    for (Interval w : sorted) {
      if (curStart == null) {
        alone = w;
        curStart = w.getStart();
        curEnd = w.getEnd();
      } else if (!w.getStart().isAfter(curEnd)) {
        alone = null;
        if (w.getEnd().isAfter(curEnd)) {
          curEnd = w.getEnd();
        }
      } else {
        merged.add(alone != null ? alone : Interval.of(curStart, curEnd));
        alone = w;
        curStart = w.getStart();
        curEnd = w.getEnd();
      }
    }
    if (curStart != null) {
      merged.add(alone != null ? alone : Interval.of(curStart, curEnd));
    }
    return merged.isEmpty() ? EMPTY : new WindowSet(List.copyOf(merged));
  }

  /**
   * Whether the windows are already as a set keeps them: none null or empty, each starting after
   * the one before ends (as the windows of disjoint sets taken in order usually are), so that
   * {@link #of(Collection)} needs no sort and no merge. Stops at the first that is not; a null
   * there is named by the general path.
   */
  private static boolean isNormalised(List<Interval> list) {
    Instant end = null;
    for (int i = 0; i < list.size(); i++) {
      Interval w = list.get(i);
      if (w == null || w.isEmpty() || (end != null && !w.getStart().isAfter(end))) {
        return false;
      }
      end = w.getEnd();
    }
    return true;
  }

  /** The windows, sorted, disjoint and non-abutting; an unmodifiable list. */
  public List<Interval> windows() {
    return windows;
  }

  @Override
  public Iterator<Interval> iterator() {
    return windows.iterator();
  }

  /** True if the set covers no instant. */
  public boolean isEmpty() {
    return windows.isEmpty();
  }

  /** The number of separate windows. */
  public int size() {
    return windows.size();
  }

  /**
   * The total length covered. Each instant counts once, since the windows are disjoint.
   *
   * @return the sum of the window lengths, zero for an empty set
   */
  public Duration totalLength() {
    // Seconds and nanoseconds summed apart in longs, then normalised once: the same exact sum
    // as adding Durations, without one per window (each window's nanosecond part lies within
    // one second either way, so the nanoseconds cannot overflow; the windows are disjoint
    // instants, so neither can the seconds).
    long seconds = 0;
    long nanos = 0;
    for (int i = 0; i < windows.size(); i++) {
      Interval w = windows.get(i);
      Instant start = w.getStart();
      Instant end = w.getEnd();
      seconds += end.getEpochSecond() - start.getEpochSecond();
      nanos += end.getNano() - start.getNano();
    }
    return Duration.ofSeconds(seconds, nanos);
  }

  /** True if the instant lies in one of the windows (start inclusive, end exclusive). */
  public boolean contains(Instant instant) {
    Checks.notNull("instant", instant);
    int k = firstEndingAfter(windows, 0, instant);
    return k < windows.size() && !windows.get(k).getStart().isAfter(instant);
  }

  /**
   * The instants in this set or the other.
   *
   * @param other the other set, not null
   * @return the union, not null
   */
  public WindowSet union(WindowSet other) {
    Checks.notNull("other", other);
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    List<Interval> all = new ArrayList<>(windows);
    all.addAll(other.windows);
    return of(all);
  }

  /**
   * The instants in both this set and the other.
   *
   * @param other the other set, not null
   * @return the intersection, not null
   */
  public WindowSet intersection(WindowSet other) {
    Checks.notNull("other", other);
    if (isEmpty() || other.isEmpty()) {
      return EMPTY;
    }
    List<Interval> out = new ArrayList<>();
    // Skip, by binary search, the windows of each set that end before the other starts.
    int i = firstEndingAfter(windows, 0, other.start());
    int j = firstEndingAfter(other.windows, 0, start());
    while (i < windows.size() && j < other.windows.size()) {
      Interval a = windows.get(i);
      Interval b = other.windows.get(j);
      Instant start = later(a.getStart(), b.getStart());
      Instant end = earlier(a.getEnd(), b.getEnd());
      if (start.isBefore(end)) {
        out.add(Interval.of(start, end));
      }
      if (a.getEnd().isBefore(b.getEnd())) {
        i++;
      } else {
        j++;
      }
    }
    return out.isEmpty() ? EMPTY : new WindowSet(List.copyOf(out));
  }

  /**
   * The instants of this set that lie in the window.
   *
   * @param window the window to clip to, not null
   * @return the clipped set, not null
   */
  public WindowSet intersection(Interval window) {
    Checks.notNull("window", window);
    return intersection(of(window));
  }

  /**
   * The instants in this set but not in the other.
   *
   * @param other the set to remove, not null
   * @return the difference, not null
   */
  public WindowSet minus(WindowSet other) {
    Checks.notNull("other", other);
    if (isEmpty() || other.isEmpty()) {
      return this;
    }
    List<Interval> out = new ArrayList<>();
    int j = 0;
    for (Interval a : windows) {
      Instant cursor = a.getStart();
      j = firstEndingAfter(other.windows, j, cursor);
      int k = j;
      while (k < other.windows.size() && other.windows.get(k).getStart().isBefore(a.getEnd())) {
        Interval b = other.windows.get(k);
        if (b.getStart().isAfter(cursor)) {
          out.add(Interval.of(cursor, b.getStart()));
        }
        if (b.getEnd().isAfter(cursor)) {
          cursor = b.getEnd();
        }
        if (!cursor.isBefore(a.getEnd())) {
          break;
        }
        k++;
      }
      if (cursor.isBefore(a.getEnd())) {
        out.add(Interval.of(cursor, a.getEnd()));
      }
    }
    return out.isEmpty() ? EMPTY : new WindowSet(List.copyOf(out));
  }

  /**
   * The instants of this set outside one window.
   *
   * @param window the window to remove, not null
   * @return the difference, not null
   */
  public WindowSet minus(Interval window) {
    Checks.notNull("window", window);
    return minus(of(window));
  }

  /** The earliest instant covered; fails on an empty set. */
  public Instant start() {
    if (isEmpty()) {
      throw new IllegalStateException("an empty window set has no start");
    }
    return windows.get(0).getStart();
  }

  /** The end of the last window; fails on an empty set. */
  public Instant end() {
    if (isEmpty()) {
      throw new IllegalStateException("an empty window set has no end");
    }
    return windows.get(windows.size() - 1).getEnd();
  }

  /**
   * The index of the first window at or after {@code from} whose end is after {@code t}, or the
   * list's size; a binary search, since the ends of a normalised list increase.
   */
  private static int firstEndingAfter(List<Interval> list, int from, Instant t) {
    int lo = from;
    int hi = list.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (list.get(mid).getEnd().isAfter(t)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowSet other && windows.equals(other.windows);
  }

  @Override
  public int hashCode() {
    return windows.hashCode();
  }

  /** The windows in ISO-8601 form, such as {@code [2007-12-01T11:00:00Z/2007-12-01T18:00:00Z]}. */
  @Override
  public String toString() {
    return windows.toString();
  }
}
