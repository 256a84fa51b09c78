package dev.amends.core.account;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An account's standing over time: good, overdue, suspended or closed, as a timeline of changes.
 *
 * <p>A standing is a list of changes, each "from this instant on, this status", strictly
 * increasing in time. Before the first change the account is in good standing, so {@link #good()}
 * is the empty timeline and {@code overdueSince(t)} means "good before {@code t}, overdue from
 * {@code t} on". Policies ask for the status at a moment ({@link #at(Instant)}), such as the
 * incident or the evaluation instant, so that re-running an old period gives the same answer
 * whatever happened to the account later.
 *
 * <pre>{@code
 * Standing s = Standing.overdueSince(Instant.parse("2007-11-15T05:00:00Z"))  // invoice unpaid
 *     .then(Standing.Status.GOOD, Instant.parse("2007-12-03T15:30:00Z"));   // paid
 * s.at(Instant.parse("2007-11-01T00:00:00Z")); // GOOD: before the first change
 * s.at(Instant.parse("2007-12-01T12:00:00Z")); // OVERDUE
 * s.at(Instant.parse("2007-12-03T15:30:00Z")); // GOOD: a change takes effect at its instant
 * s.status();                                  // GOOD: the latest status
 * }</pre>
 *
 * <p>A change that repeats the status in force is kept as given (a billing system may record
 * "overdue" once per unpaid invoice); it does not change any answer. Immutable and thread-safe.
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

  /**
   * One change of standing: from an instant on (inclusive), a status.
   *
   * @param from when the status takes effect, not null
   * @param status the status from then on, not null
   */
  public record Change(Instant from, Status status) {
    /**
     * Validates.
     *
     * @throws InvalidInputException naming {@code standing.change.from} or {@code
     *     standing.change.status} if one is null
     */
    public Change {
      Checks.notNull("standing.change.from", from);
      Checks.notNull("standing.change.status", status);
    }

    /** Such as {@code OVERDUE since 2007-11-15T00:00:00Z}. */
    @Override
    public String toString() {
      return status + " since " + from;
    }
  }

  private static final Standing GOOD = new Standing(List.of());

  private final List<Change> changes;

  private Standing(List<Change> changes) {
    this.changes = changes;
  }

  /** In good standing, always: no changes. */
  public static Standing good() {
    return GOOD;
  }

  /**
   * Good before the instant, overdue from it on.
   *
   * @throws InvalidInputException naming {@code standing.since} if it is null
   */
  public static Standing overdueSince(Instant since) {
    return since(Status.OVERDUE, since);
  }

  /**
   * Good before the instant, suspended from it on.
   *
   * @throws InvalidInputException naming {@code standing.since} if it is null
   */
  public static Standing suspendedSince(Instant since) {
    return since(Status.SUSPENDED, since);
  }

  /**
   * Good before the instant, closed from it on.
   *
   * @throws InvalidInputException naming {@code standing.since} if it is null
   */
  public static Standing closedSince(Instant since) {
    return since(Status.CLOSED, since);
  }

  private static Standing since(Status status, Instant since) {
    return new Standing(List.of(new Change(Checks.notNull("standing.since", since), status)));
  }

  /**
   * A timeline of changes; good before the first.
   *
   * <pre>{@code
   * Standing.of(List.of(
   *     new Standing.Change(Instant.parse("2024-05-20T04:00:00Z"), Standing.Status.OVERDUE),
   *     new Standing.Change(Instant.parse("2024-06-02T16:00:00Z"), Standing.Status.SUSPENDED),
   *     new Standing.Change(Instant.parse("2024-06-05T09:00:00Z"), Standing.Status.GOOD)));
   * }</pre>
   *
   * @param changes the changes, strictly increasing in time; empty for {@link #good()}; not null
   * @return the standing, not null
   * @throws InvalidInputException naming {@code standing.changes}, or {@code standing.changes[i]}
   *     for a null change, or {@code standing.changes[i].from} for a change not strictly after the
   *     one before it
   */
  public static Standing of(List<Change> changes) {
    Checks.notNull("standing.changes", changes);
    List<Change> copy = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      Change c = Checks.notNull("standing.changes[" + i + "]", changes.get(i));
      if (i > 0 && !c.from().isAfter(copy.get(i - 1).from())) {
        throw InvalidInputException.of("standing.changes[" + i + "].from",
            "must be after the previous change at " + copy.get(i - 1).from(), c.from());
      }
      copy.add(c);
    }
    return copy.isEmpty() ? GOOD : new Standing(List.copyOf(copy));
  }

  /**
   * A copy with one more change at the end of the timeline.
   *
   * @param status the status from {@code from} on, not null
   * @param from when it takes effect, strictly after the last change, not null
   * @return the longer timeline, not null
   * @throws InvalidInputException naming {@code standing.changes[i].from} if {@code from} is not
   *     after the last change, or the null argument
   */
  public Standing then(Status status, Instant from) {
    Checks.notNull("standing.change.status", status);
    Checks.notNull("standing.change.from", from);
    List<Change> longer = new ArrayList<>(changes);
    longer.add(new Change(from, status));
    return of(longer);
  }

  /** The changes, in time order; empty for an account that was always in good standing. */
  public List<Change> changes() {
    return changes;
  }

  /**
   * The status at an instant: that of the last change at or before it, or {@link Status#GOOD}
   * before the first change.
   *
   * @param instant the moment asked about, not null
   * @return the status then, not null
   * @throws InvalidInputException naming {@code standing.at} if the instant is null
   */
  public Status at(Instant instant) {
    return changeInForceAt(instant).map(Change::status).orElse(Status.GOOD);
  }

  /**
   * True if the account was in good standing at the instant.
   *
   * @throws InvalidInputException naming {@code standing.at} if the instant is null
   */
  public boolean isGoodAt(Instant instant) {
    return at(instant) == Status.GOOD;
  }

  /**
   * The change in force at an instant: the last one at or before it; empty before the first
   * change (good by default). For traces: "OVERDUE since 2024-06-01T04:00:00Z".
   *
   * @param instant the moment asked about, not null
   * @return the change, or empty
   * @throws InvalidInputException naming {@code standing.at} if the instant is null
   */
  public Optional<Change> changeInForceAt(Instant instant) {
    Checks.notNull("standing.at", instant);
    int lo = 0;
    int hi = changes.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (changes.get(mid).from().isAfter(instant)) {
        hi = mid - 1;
      } else {
        found = mid;
        lo = mid + 1;
      }
    }
    return found < 0 ? Optional.empty() : Optional.of(changes.get(found));
  }

  /** The latest status in the timeline (whenever it took effect); {@link Status#GOOD} if none. */
  public Status status() {
    return changes.isEmpty() ? Status.GOOD : changes.get(changes.size() - 1).status();
  }

  /** When the latest status took effect; empty for an account that was always in good standing. */
  public Optional<Instant> since() {
    return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1).from());
  }

  /** True if the latest status is good. */
  public boolean isGood() {
    return status() == Status.GOOD;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Standing s && changes.equals(s.changes);
  }

  @Override
  public int hashCode() {
    return changes.hashCode();
  }

  /**
   * Such as {@code GOOD}, {@code OVERDUE since 2007-11-15T00:00:00Z}, or {@code OVERDUE since
   * 2007-11-15T00:00:00Z, then GOOD since 2007-12-03T15:30:00Z}.
   */
  @Override
  public String toString() {
    return changes.isEmpty() ? Status.GOOD.name()
        : changes.stream().map(Change::toString).collect(Collectors.joining(", then "));
  }
}
