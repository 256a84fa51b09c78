package dev.amends.core.measure;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.AmendsStyle;
import dev.amends.core.internal.Checks;
import dev.amends.core.outage.Cause;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What counts as downtime under a policy. A policy carries one of these; the defaults count
 * every outage in full, to the nanosecond, from detection, against the active part of the
 * period.
 *
 * <pre>{@code
 * MeasurementRules rules = MeasurementRules.builder()
 *     .maintenanceNotice(Duration.ofHours(24))       // exclude maintenance announced >= 24 h ahead
 *     .maintenanceBudget(Duration.ofHours(5))        // ...up to 5 h a period; the excess counts
 *     .addExcludedCauses(Cause.CUSTOMER, Cause.FORCE_MAJEURE)
 *     .minimumDowntime(Duration.ofMinutes(5))        // shorter blips are ignored
 *     .granularity(Granularity.startedSlices(Duration.ofMinutes(5)))
 *     .addStandingWindows(MaintenanceWindow.weekly(DayOfWeek.SUNDAY,   // "Sundays 01:00–04:00 Eastern"
 *         LocalTime.of(1, 0), LocalTime.of(4, 0), ZoneId.of("America/New_York")))
 *     .build();
 * }</pre>
 *
 * <p>Announced maintenance is excluded only if {@link #maintenanceNotice()} is set, only inside
 * the window that was announced, and only if the announcement came at least that long before
 * the window's start. Maintenance that overran its window counts from the announced end.
 * Emergency maintenance counts, unless inside a standing window that excludes all downtime.
 * Standing maintenance windows ({@link #standingWindows()}) need no announcement. Immutable and
 * thread-safe.
 */
@Value.Immutable
@AmendsStyle
public abstract class MeasurementRules {
  MeasurementRules() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: every outage counts in full. */
  public static MeasurementRules defaults() {
    return builder().build();
  }

  /**
   * The minimum notice for announced maintenance to be excluded; empty means maintenance is
   * never excluded. A notice exactly equal to the minimum is enough.
   */
  public abstract Optional<Duration> maintenanceNotice();

  /**
   * The most maintenance (announced, or in a standing window) that can be excluded in one period;
   * empty means no limit.
   * Excluded maintenance is taken in time order; what lies beyond the budget counts.
   * Maintenance during time that counts anyway (an unplanned outage at the same time) uses none
   * of the budget.
   */
  public abstract Optional<Duration> maintenanceBudget();

  /**
   * Standing maintenance windows from the contract, in local time; none by default. Maintenance
   * inside one is excluded without any announcement (or all downtime, for a window {@link
   * MaintenanceWindow#excludingAllDowntime()}); what runs past it counts. Time inside both a
   * standing window and an announced window is excluded once, as standing. Excluded time uses
   * the {@link #maintenanceBudget()} like announced maintenance.
   */
  public abstract List<MaintenanceWindow> standingWindows();

  /** Causes whose outages do not count. None by default. */
  public abstract Set<Cause> excludedCauses();

  /** Whether degraded service counts as downtime. False by default: only full outages count. */
  @Value.Default
  public boolean degradedCounts() {
    return false;
  }

  /**
   * The shortest downtime period that counts, applied to each stretch of continuous downtime
   * after overlapping outages are merged; shorter ones are excluded. Zero by default. A stretch
   * exactly as long as the minimum counts. A stretch that runs across the start or end of the
   * billing period is judged by its whole length (as far as the subscription was active), and
   * each period counts its own part: a 5-minute outage from 23:58 to 00:03 over a month end
   * meets a 5-minute minimum, and counts 2 minutes in one month and 3 in the next.
   */
  @Value.Default
  public Duration minimumDowntime() {
    return Duration.ZERO;
  }

  /** The counting unit; exact by default. */
  @Value.Default
  public Granularity granularity() {
    return Granularity.exact();
  }

  /** When downtime starts to count; from detection by default. */
  @Value.Default
  public CountFrom countFrom() {
    return CountFrom.DETECTION;
  }

  /** How outages affecting part of the users count; fully by default. */
  @Value.Default
  public PartialImpact partialImpact() {
    return PartialImpact.countsFully();
  }

  /** What availability is measured against; the active part of the period by default. */
  @Value.Default
  public Denominator denominator() {
    return Denominator.ACTIVE_PART;
  }

  /**
   * Where downtime comes from: outage records (the default), or telemetry samples judged by
   * {@link #telemetry()} (announced maintenance in the outage records is still excluded).
   */
  @Value.Default
  public Measurement.Source source() {
    return Measurement.Source.OUTAGES;
  }

  /** How telemetry is judged, when the measurement comes from telemetry. */
  @Value.Default
  public TelemetryRules telemetry() {
    return TelemetryRules.defaults();
  }

  @Value.Check
  void check() {
    maintenanceNotice().ifPresent(d -> Checks.notNegative("measurementRules.maintenanceNotice", d));
    maintenanceBudget().ifPresent(d -> Checks.notNegative("measurementRules.maintenanceBudget", d));
    if (maintenanceBudget().isPresent() && maintenanceNotice().isEmpty() && standingWindows().isEmpty()) {
      // A budget limits excluded maintenance: announced maintenance (with a notice) or standing windows.
      throw InvalidInputException.of("measurementRules.maintenanceBudget",
          "needs maintenanceNotice or standingWindows to be set (without either no maintenance is excluded, so "
              + "there is nothing to budget)", maintenanceBudget().get());
    }
    Checks.notNegative("measurementRules.minimumDowntime", minimumDowntime());
    if (partialImpact().isWeighted() && !granularity().isExact()) {
      throw InvalidInputException.of(
          "measurementRules.granularity", "must be exact when partial impact is weighted", granularity());
    }
  }

  /** Builds {@link MeasurementRules}; {@link #build()} validates every field. */
  public static final class Builder extends ImmutableMeasurementRules.Builder {
    Builder() {}

    /**
     * Builds the {@link MeasurementRules}.
     *
     * @throws dev.amends.core.InvalidInputException if a required field is missing or a value is invalid
     */
    @Override
    public MeasurementRules build() {
      return super.build();
    }
  }
}
