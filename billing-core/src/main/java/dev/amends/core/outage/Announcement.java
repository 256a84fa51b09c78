package dev.amends.core.outage;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.threeten.extra.Interval;

/**
 * The announcement of maintenance: when customers were told, and which window they were
 * promised.
 *
 * <p>For planned maintenance, only the promised window can be excluded, and only if {@link
 * #notice()} meets the policy's minimum. The short-notice announcement of emergency maintenance
 * is recorded and shown but never excludes anything. Immutable and thread-safe.
 */
public final class Announcement {
  private final Instant announcedAt;
  private final Interval promisedWindow;

  private Announcement(Instant announcedAt, Interval promisedWindow) {
    this.announcedAt = announcedAt;
    this.promisedWindow = promisedWindow;
  }

  /**
   * An announcement.
   *
   * @param announcedAt when customers were told, not null
   * @param promisedWindow the maintenance window promised, half-open, not empty, not null
   * @return the announcement, not null
   * @throws InvalidInputException if the window is empty
   */
  public static Announcement of(Instant announcedAt, Interval promisedWindow) {
    Checks.notNull("announcement.announcedAt", announcedAt);
    Checks.notNull("announcement.window", promisedWindow);
    if (promisedWindow.isEmpty()) {
      throw InvalidInputException.of("announcement.window", "must not be empty", promisedWindow);
    }
    return new Announcement(announcedAt, promisedWindow);
  }

  /** When customers were told. */
  public Instant announcedAt() {
    return announcedAt;
  }

  /** The window promised. */
  public Interval promisedWindow() {
    return promisedWindow;
  }

  /** The notice given: from the announcement to the start of the promised window. */
  public Duration notice() {
    return Duration.between(announcedAt, promisedWindow.getStart());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Announcement a
        && announcedAt.equals(a.announcedAt)
        && promisedWindow.equals(a.promisedWindow);
  }

  @Override
  public int hashCode() {
    return Objects.hash(announcedAt, promisedWindow);
  }

  @Override
  public String toString() {
    return "announced " + announcedAt + " for " + promisedWindow;
  }
}
