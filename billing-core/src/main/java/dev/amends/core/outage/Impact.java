package dev.amends.core.outage;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.Ratio;
import java.util.Objects;
import java.util.Optional;

/**
 * How badly an outage hit: full loss of service or degraded service, and optionally the share of
 * users affected.
 *
 * <pre>{@code
 * Impact.full();                                  // everyone, fully down
 * Impact.degraded();                              // slow or partly working
 * Impact.full().withAffectedUsers(37, 120);       // 37 of 120 users fully down
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Impact {
  /** Whether service was lost or degraded. */
  public enum Level {
    /** Service unavailable. */
    FULL,
    /** Service available but degraded: slow, partial, or erroring. */
    DEGRADED
  }

  private static final Impact FULL = new Impact(Level.FULL, null);
  private static final Impact DEGRADED = new Impact(Level.DEGRADED, null);

  private final Level level;
  private final Ratio affectedShare;

  private Impact(Level level, Ratio affectedShare) {
    this.level = level;
    this.affectedShare = affectedShare;
  }

  /** Full loss of service for everyone placed under the outage's scopes. */
  public static Impact full() {
    return FULL;
  }

  /** Degraded service for everyone placed under the outage's scopes. */
  public static Impact degraded() {
    return DEGRADED;
  }

  /**
   * A copy with the share of users affected.
   *
   * @param share the share, in {@code (0, 1]}, not null
   * @return the impact, not null
   * @throws InvalidInputException if the share is not in {@code (0, 1]}
   */
  public Impact withAffectedShare(Ratio share) {
    Checks.notNull("impact.affectedShare", share);
    if (share.signum() <= 0 || share.compareTo(Ratio.ONE) > 0) {
      throw InvalidInputException.of("impact.affectedShare", "must be in (0, 1]", share);
    }
    return new Impact(level, share);
  }

  /**
   * A copy with the share of users affected given as counts.
   *
   * @param affected users affected, at least 1
   * @param total users in all, at least {@code affected}
   * @return the impact, not null
   * @throws InvalidInputException if the counts are out of range
   */
  public Impact withAffectedUsers(long affected, long total) {
    Checks.positive("impact.totalUsers", total);
    if (affected < 1 || affected > total) {
      throw InvalidInputException.of("impact.affectedUsers", "must be in [1, " + total + "]", affected);
    }
    return withAffectedShare(Ratio.of(affected, total));
  }

  /** Full or degraded. */
  public Level level() {
    return level;
  }

  /** The share of users affected; empty means all of them. */
  public Optional<Ratio> affectedShare() {
    return Optional.ofNullable(affectedShare);
  }

  /** The share of users affected, one if not stated. */
  public Ratio share() {
    return affectedShare == null ? Ratio.ONE : affectedShare;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Impact i && level == i.level && Objects.equals(affectedShare, i.affectedShare);
  }

  @Override
  public int hashCode() {
    return Objects.hash(level, affectedShare);
  }

  @Override
  public String toString() {
    return affectedShare == null ? level.name() : level + " for " + affectedShare + " of users";
  }
}
