package dev.amends.core.measure;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.Ratio;
import java.util.Objects;
import java.util.Optional;

/**
 * How an outage that hit only a share of users counts.
 *
 * <ul>
 *   <li>{@link #countsFully()}: its whole duration counts, whatever the share (the default);
 *   <li>{@link #weighted()}: its duration counts times the share; where outages overlap, the
 *       largest share at each instant counts;
 *   <li>{@link #atLeast(Ratio)}: its whole duration counts only if the share is at least the
 *       threshold, else it is excluded.
 * </ul>
 *
 * <p>An outage without a stated share affected everyone (share 1). Immutable and thread-safe.
 */
public final class PartialImpact {
  private static final PartialImpact FULLY = new PartialImpact(false, null);
  private static final PartialImpact WEIGHTED = new PartialImpact(true, null);

  private final boolean weighted;
  private final Ratio threshold;

  private PartialImpact(boolean weighted, Ratio threshold) {
    this.weighted = weighted;
    this.threshold = threshold;
  }

  /** Any share counts the whole duration. */
  public static PartialImpact countsFully() {
    return FULLY;
  }

  /** Duration times the share affected. */
  public static PartialImpact weighted() {
    return WEIGHTED;
  }

  /**
   * Counts only outages affecting at least a share of users.
   *
   * @param threshold the share, in {@code (0, 1]}, not null
   * @return the setting, not null
   * @throws InvalidInputException if the threshold is out of range
   */
  public static PartialImpact atLeast(Ratio threshold) {
    Checks.notNull("partialImpact.threshold", threshold);
    if (threshold.signum() <= 0 || threshold.compareTo(Ratio.ONE) > 0) {
      throw InvalidInputException.of("partialImpact.threshold", "must be in (0, 1]", threshold);
    }
    return new PartialImpact(false, threshold);
  }

  /** True for {@link #weighted()}. */
  public boolean isWeighted() {
    return weighted;
  }

  /** The threshold of {@link #atLeast(Ratio)}, else empty. */
  public Optional<Ratio> threshold() {
    return Optional.ofNullable(threshold);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartialImpact p && weighted == p.weighted && Objects.equals(threshold, p.threshold);
  }

  @Override
  public int hashCode() {
    return Objects.hash(weighted, threshold);
  }

  @Override
  public String toString() {
    return weighted ? "weighted" : threshold == null ? "counts fully" : "at least " + threshold;
  }
}
