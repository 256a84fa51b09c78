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

  /**
   * A window as the explanations and messages write it: {@code start/end} in ISO-8601, an end of
   * {@link Instant#MAX} as {@code open-ended} (and a start of {@link Instant#MIN} as {@code
   * open-start}), never as {@code +1000000000-12-31T23:59:59.999999999Z}: {@code
   * 2006-01-01T05:00:00Z/open-ended}.
   */
  public static String text(Interval w) {
    return (w.isUnboundedStart() ? "open-start" : w.getStart().toString()) + "/"
        + (w.isUnboundedEnd() ? "open-ended" : w.getEnd().toString());
  }
}
