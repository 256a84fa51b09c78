package dev.amends.core.internal;

import java.time.Instant;
import java.util.Optional;
import org.threeten.extra.Interval;

/** Small helpers on half-open intervals that ThreeTen-Extra leaves out. */
public final class Intervals {
  private Intervals() {}

  /**
   * The instants two half-open intervals share, empty if none. Unlike {@link
   * Interval#intersection(Interval)} it does not throw for disjoint or abutting intervals.
   */
  public static Optional<Interval> overlap(Interval a, Interval b) {
    Instant start = a.getStart().isAfter(b.getStart()) ? a.getStart() : b.getStart();
    Instant end = a.getEnd().isBefore(b.getEnd()) ? a.getEnd() : b.getEnd();
    return start.isBefore(end) ? Optional.of(Interval.of(start, end)) : Optional.empty();
  }
}
