package dev.amends.core.measure;

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
 *   <li>{@link #completedSlices(Duration)}: only slices that are down from start to end count.
 * </ul>
 *
 * <p>For whole minutes, use {@code startedSlices(Duration.ofMinutes(1))} (any minute touched
 * counts) or {@code completedSlices(Duration.ofMinutes(1))} (only full minutes count).
 * Immutable and thread-safe.
 */
public final class Granularity {
  private static final Granularity EXACT = new Granularity(null, false);

  private final Duration slice;
  private final boolean started;

  private Granularity(Duration slice, boolean started) {
    this.slice = slice;
    this.started = started;
  }

  /** Downtime as recorded, to the nanosecond. */
  public static Granularity exact() {
    return EXACT;
  }

  /** Slices of the given length count whole once any of their time is down. */
  public static Granularity startedSlices(Duration slice) {
    return new Granularity(Checks.positive("granularity.slice", slice), true);
  }

  /** Only slices of the given length that are down throughout count. */
  public static Granularity completedSlices(Duration slice) {
    return new Granularity(Checks.positive("granularity.slice", slice), false);
  }

  /** True for {@link #exact()}. */
  public boolean isExact() {
    return slice == null;
  }

  /** The slice length, empty when exact. */
  public Optional<Duration> slice() {
    return Optional.ofNullable(slice);
  }

  /** True if a slice counts once started; false if it must be completed. Meaningless when exact. */
  public boolean countsStartedSlices() {
    return started;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Granularity g && Objects.equals(slice, g.slice) && started == g.started;
  }

  @Override
  public int hashCode() {
    return Objects.hash(slice, started);
  }

  /** Such as {@code exact}, {@code started PT5M} or {@code completed PT1M}. */
  @Override
  public String toString() {
    return slice == null ? "exact" : (started ? "started " : "completed ") + slice;
  }
}
