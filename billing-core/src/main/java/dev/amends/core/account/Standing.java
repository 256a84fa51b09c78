package dev.amends.core.account;

import dev.amends.core.internal.Checks;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's standing: in good standing, overdue since an instant, suspended, or closed.
 *
 * <p>Policies use it in conditions ("no credit while the account is overdue"). Immutable and
 * thread-safe.
 */
public final class Standing {
  /** The kinds of standing. */
  public enum Status {
    /** Paid up and active. */
    GOOD,
    /** An invoice is unpaid past its due date. */
    OVERDUE,
    /** Service is suspended by the provider. */
    SUSPENDED,
    /** The account is closed. */
    CLOSED
  }

  private static final Standing GOOD = new Standing(Status.GOOD, null);

  private final Status status;
  private final Instant since;

  private Standing(Status status, Instant since) {
    this.status = status;
    this.since = since;
  }

  /** In good standing. */
  public static Standing good() {
    return GOOD;
  }

  /** Overdue since an instant. */
  public static Standing overdueSince(Instant since) {
    return new Standing(Status.OVERDUE, Checks.notNull("standing.since", since));
  }

  /** Suspended since an instant. */
  public static Standing suspendedSince(Instant since) {
    return new Standing(Status.SUSPENDED, Checks.notNull("standing.since", since));
  }

  /** Closed since an instant. */
  public static Standing closedSince(Instant since) {
    return new Standing(Status.CLOSED, Checks.notNull("standing.since", since));
  }

  /** The status. */
  public Status status() {
    return status;
  }

  /** Since when, empty for good standing. */
  public Optional<Instant> since() {
    return Optional.ofNullable(since);
  }

  /** True if in good standing. */
  public boolean isGood() {
    return status == Status.GOOD;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Standing s && status == s.status && Objects.equals(since, s.since);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, since);
  }

  /** Such as {@code GOOD} or {@code OVERDUE since 2007-11-15T00:00:00Z}. */
  @Override
  public String toString() {
    return since == null ? status.name() : status + " since " + since;
  }
}
