package dev.amends.core.outage;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.AmendsStyle;
import dev.amends.core.internal.Checks;
import dev.amends.core.scope.Scope;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.threeten.extra.Interval;

/**
 * A record of one outage: where, when, what kind, how bad, why.
 *
 * <pre>{@code
 * Outage firmware = Outage.builder()
 *     .id("INC-2007-1201")
 *     .addScopes(Scope.of("grid/cluster-2"))
 *     .window(Instant.parse("2007-12-01T05:00:00Z"), Instant.parse("2007-12-01T18:00:00Z"))
 *     .kind(OutageKind.MAINTENANCE)
 *     .announcement(Announcement.of(Instant.parse("2007-11-21T17:00:00Z"),
 *         Interval.of(Instant.parse("2007-12-01T05:00:00Z"), Instant.parse("2007-12-01T11:00:00Z"))))
 *     .build();
 * }</pre>
 *
 * <p>The window is half-open {@code [start, end)}: {@code start} is when the outage was
 * detected. The impact defaults to full and the cause to the provider. Maintenance without an
 * announcement is never excluded. Emergency maintenance may record its short-notice announcement
 * too; it is kept, and noted in the measurement of a policy that excludes announced maintenance,
 * but emergency maintenance always counts in full.
 * An announcement on an unplanned outage is rejected. Immutable and thread-safe.
 */
@Value.Immutable
@AmendsStyle
public abstract class Outage {
  Outage() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The record's id, unique in its log. */
  public abstract String id();

  /** The scopes the outage hit; it affects every placement at or below each of them. */
  public abstract Set<Scope> scopes();

  /** When the outage lasted, from detection, half-open. */
  public abstract Interval window();

  /** Unplanned by default. */
  @Value.Default
  public OutageKind kind() {
    return OutageKind.UNPLANNED;
  }

  /**
   * The announcement, for maintenance or emergency maintenance. Only that of {@link
   * OutageKind#MAINTENANCE} can exclude time; that of emergency maintenance is a record only.
   */
  public abstract Optional<Announcement> announcement();

  /** Full impact on everyone by default. */
  @Value.Default
  public Impact impact() {
    return Impact.full();
  }

  /** The provider by default. */
  @Value.Default
  public Cause cause() {
    return Cause.PROVIDER;
  }

  /**
   * When the customer reported the outage, if they did. A report before the outage's start is
   * accepted (the later record of an outage split in two carries the first one's report) and
   * remarked on in the measurement's breakdown ({@link dev.amends.core.measure.OutageBreakdown#remarks()}):
   * the outage counts from its start, and the start may have been recorded late.
   */
  public abstract Optional<Instant> reportedAt();

  /** Free-form tags, such as {@code storage} or {@code season-2007}. */
  public abstract Set<String> tags();

  /** True if the outage hit a scope at or above the placement. */
  public boolean affects(Scope placement) {
    for (Scope s : scopes()) {
      if (s.covers(placement)) {
        return true;
      }
    }
    return false;
  }

  @Value.Check
  void check() {
    Checks.id("outage.id", id());
    tags().forEach(t -> Checks.id("outage.tags", t));
    Checks.notEmpty("outage.scopes", scopes());
    if (announcement().isPresent() && kind() == OutageKind.UNPLANNED) {
      throw InvalidInputException.of("outage.announcement",
          "is only allowed for kind MAINTENANCE or EMERGENCY_MAINTENANCE", "kind=" + kind());
    }
  }

  /** Builds an {@link Outage}; {@link #build()} validates every field. */
  public static final class Builder extends ImmutableOutage.Builder {
    Builder() {}

    /**
     * Sets the window from two instants.
     *
     * @throws InvalidInputException naming {@code outage.window.end} if the end is before the start
     */
    public Builder window(Instant startInclusive, Instant endExclusive) {
      window(Checks.window("outage.window", startInclusive, endExclusive));
      return this;
    }

    /**
     * Builds the outage.
     *
     * @throws InvalidInputException if a required field is missing or a value is invalid
     */
    @Override
    public Outage build() {
      return super.build();
    }
  }
}
