package dev.amends.core.account;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.AmendsStyle;
import dev.amends.core.internal.Checks;
import dev.amends.core.scope.Scope;
import java.time.Instant;
import java.util.Set;
import org.immutables.value.Value;
import org.threeten.extra.Interval;

/**
 * A customer's subscription to a plan: its prices, when it is active, where it is placed, and
 * how many seats it has.
 *
 * <pre>{@code
 * Subscription sub = Subscription.builder()
 *     .id("sub-1")
 *     .plan("grid-standard")
 *     .prices(PriceSchedule.monthly(Money.parse("USD 20.00")))
 *     .active(Interval.of(Instant.parse("2007-01-01T05:00:00Z"), Instant.MAX))
 *     .addPlacements(Scope.of("grid/cluster-2"))
 *     .build();
 * }</pre>
 *
 * <p>The active window is half-open; an end of {@link Instant#MAX} means still active.
 * Placements are the scopes the subscription runs on, at least one: an outage on a placement or
 * any of its ancestors affects it. Immutable and thread-safe.
 */
@Value.Immutable
@AmendsStyle
public abstract class Subscription {
  Subscription() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The subscription's id, unique within its account. */
  public abstract String id();

  /** The plan's name, such as {@code grid-standard}. */
  public abstract String plan();

  /** The effective-dated prices per cycle per seat. */
  public abstract PriceSchedule prices();

  /** When the subscription is active: {@code [start, end)}, end {@link Instant#MAX} if open. */
  public abstract Interval active();

  /**
   * The scopes the subscription runs on; at least one. A subscription placed nowhere could never
   * be affected by an outage, so it is rejected rather than silently never credited.
   */
  public abstract Set<Scope> placements();

  /** The number of seats; the fee is the price times the seats. Defaults to 1. */
  @Value.Default
  public int seats() {
    return 1;
  }

  /** Free-form tags. */
  public abstract Set<String> tags();

  /** True if some placement lies at or below the scope. */
  public boolean isPlacedUnder(Scope scope) {
    for (Scope p : placements()) {
      if (scope.covers(p)) {
        return true;
      }
    }
    return false;
  }

  @Value.Check
  void check() {
    Checks.id("subscription.id", id());
    Checks.id("subscription.plan", plan());
    Checks.notEmpty("subscription.placements", placements());
    tags().forEach(t -> Checks.id("subscription.tags", t));
    if (seats() < 1) {
      throw InvalidInputException.of("subscription.seats", "must be at least 1", seats());
    }
    if (active().isEmpty()) {
      throw InvalidInputException.of("subscription.active", "must not be empty", active());
    }
  }

  /** Builds a {@link Subscription}; {@link #build()} validates every field. */
  public static final class Builder extends ImmutableSubscription.Builder {
    Builder() {}

    /**
     * Sets the active window from two instants.
     *
     * @throws InvalidInputException if the end is before the start
     */
    public Builder active(Instant startInclusive, Instant endExclusive) {
      active(Checks.window("subscription.active", startInclusive, endExclusive));
      return this;
    }

    /**
     * Builds the subscription.
     *
     * @throws InvalidInputException if a required field is missing or a value is invalid
     */
    @Override
    public Subscription build() {
      return super.build();
    }
  }
}
