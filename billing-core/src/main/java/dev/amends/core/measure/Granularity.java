package dev.amends.core.measure;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The unit in which downtime is counted.
 *
 * <ul>
 *   <li>{@link #exact()}: to the nanosecond, as recorded;
 *   <li>{@link #startedSlices(Duration)}: time is cut into slices aligned to the start of the
 *       billing period, and a slice with any downtime counts whole ("or part thereof");
 *   <li>{@link #completedSlices(Duration)}: only slices that are down from start to end count;
 *   <li>{@link #slicesDownMoreThan(Duration, Duration)}: a slice counts whole once the downtime
 *       inside it, all outages together, is more than a threshold (a clock hour with more than
 *       18 s down, that is below 99.5 % uptime); the downtime of the other slices does not count.
 * </ul>
 *
 * <p>Started and completed slices shape each downtime window on its own; a threshold is judged on
 * the union of all downtime inside the slice, so several short outages in one slice add up.
 *
 * <p>For whole minutes, use {@code startedSlices(Duration.ofMinutes(1))} (any minute touched
 * counts) or {@code completedSlices(Duration.ofMinutes(1))} (only full minutes count).
 * Immutable and thread-safe.
 */
public final class Granularity {
  private static final Granularity EXACT = new Granularity(null, false, null);

  private final Duration slice;
  private final boolean started;
  private final Duration threshold;

  private Granularity(Duration slice, boolean started, Duration threshold) {
    this.slice = slice;
    this.started = started;
    this.threshold = threshold;
  }

  /** Downtime as recorded, to the nanosecond. */
  public static Granularity exact() {
    return EXACT;
  }

  /** Slices of the given length count whole once any of their time is down. */
  public static Granularity startedSlices(Duration slice) {
    return new Granularity(Checks.positive("granularity.slice", slice), true, null);
  }

  /** Only slices of the given length that are down throughout count. */
  public static Granularity completedSlices(Duration slice) {
    return new Granularity(Checks.positive("granularity.slice", slice), false, null);
  }

  /**
   * Slices of the given length count whole when the downtime inside them, the union of all
   * downtime windows in the slice, is strictly more than {@code threshold}; the downtime of a
   * slice at or below it does not count. Exactly at the threshold is not more: an hour with 18 s
   * down has 99.5 % uptime, which meets a 99.5 % hourly commitment. A slice cut by the end of the
   * billing period or by the subscription's start or end is judged by the downtime in its measured
   * part, against the same threshold, and counts only that part. A threshold of zero is the same
   * as {@link #startedSlices(Duration)} and returns it.
   *
   * @param slice the slice length, positive
   * @param threshold the downtime a slice must exceed to count, zero or positive and shorter than
   *     the slice
   * @throws InvalidInputException naming {@code granularity.slice} or {@code granularity.threshold}
   */
  public static Granularity slicesDownMoreThan(Duration slice, Duration threshold) {
    Checks.positive("granularity.slice", slice);
    Checks.notNegative("granularity.threshold", threshold);
    if (threshold.compareTo(slice) >= 0) {
      throw InvalidInputException.of("granularity.threshold", "must be shorter than the slice of " + slice,
          threshold);
    }
    return threshold.isZero() ? startedSlices(slice) : new Granularity(slice, false, threshold);
  }

  /** True for {@link #exact()}. */
  public boolean isExact() {
    return slice == null;
  }

  /** The slice length, empty when exact. */
  public Optional<Duration> slice() {
    return Optional.ofNullable(slice);
  }

  /**
   * True if a slice counts once started; false if it must be completed or exceed a {@link
   * #threshold()}. Meaningless when exact.
   */
  public boolean countsStartedSlices() {
    return started;
  }

  /**
   * The downtime a slice must exceed to count whole, for {@link #slicesDownMoreThan(Duration,
   * Duration)}; empty otherwise.
   */
  public Optional<Duration> threshold() {
    return Optional.ofNullable(threshold);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Granularity g && Objects.equals(slice, g.slice) && started == g.started
        && Objects.equals(threshold, g.threshold);
  }

  @Override
  public int hashCode() {
    return threshold == null ? Objects.hash(slice, started) : Objects.hash(slice, started, threshold);
  }

  /** Such as {@code exact}, {@code started PT5M}, {@code completed PT1M} or {@code PT1H down more than PT18S}. */
  @Override
  public String toString() {
    if (slice == null) {
      return "exact";
    }
    return threshold != null ? slice + " down more than " + threshold
        : (started ? "started " : "completed ") + slice;
  }
}
