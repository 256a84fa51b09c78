package dev.amends.core.measure;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.AmendsStyle;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.Ratio;
import org.immutables.value.Value;

/**
 * How telemetry samples become downtime.
 *
 * <ul>
 *   <li>{@link Method#BAD_TIMESLICES}: each sample interval whose error rate is strictly above
 *       {@link #errorThreshold()} is down for its whole length ("a minute with more than 5 %
 *       errors is a minute of downtime");
 *   <li>{@link Method#AVERAGED_RATIOS}: availability is 100 % minus the average of the sample
 *       intervals' error rates ("100 % minus the average of 5-minute error rates"), each
 *       interval weighted by its length (a 10-minute interval at 10 % errors and a 1-minute one
 *       at 0 % average to {@code (10 × 10 % + 1 × 0 %) / 11 = 100/11 %}, not 5 %), and the
 *       downtime is the unavailable share of the denominator.
 * </ul>
 *
 * <p>An interval with fewer than {@link #minimumRequests()} requests is empty and is judged by
 * {@link #emptyInterval()}. Time of the measured window that no sample covers at all is missing,
 * and is never silently left out: {@link #missingData()} says how it counts, and by default
 * ({@link MissingData#NOT_ALLOWED}) nothing is guessed and no credit is decided (see {@link
 * Measurement#missingTelemetry()}). Immutable and thread-safe.
 */
@Value.Immutable
@AmendsStyle
public abstract class TelemetryRules {
  TelemetryRules() {}

  /** The two ways of turning samples into availability. */
  public enum Method {
    /** Count intervals whose error rate exceeds the threshold as down. */
    BAD_TIMESLICES,
    /** 100 % minus the average of the intervals' error rates, each weighted by its length. */
    AVERAGED_RATIOS
  }

  /** What an interval with too few requests counts as. */
  public enum EmptyInterval {
    /** Up: error rate zero. */
    GOOD,
    /** Down: error rate one. */
    BAD,
    /** Left out: neither up nor down, and not part of the denominator. */
    IGNORED
  }

  /**
   * How time that no telemetry sample covers counts. Missing time is the measured window minus
   * the union of the sample windows (and minus excluded maintenance, which needs no data), so no
   * sample cadence has to be declared.
   */
  public enum MissingData {
    /** Up: in bad timeslices it is not down; in averaged ratios it averages in at 0 % errors. */
    GOOD,
    /**
     * Down: in bad timeslices it is down (then the minimum downtime and granularity apply); in
     * averaged ratios it averages in at 100 % errors.
     */
    BAD,
    /**
     * Not guessed (the default): the measurement reports the missing windows and is not
     * complete ({@link Measurement#isComplete()}); its figures rest on the telemetry present
     * (missing time is not down, and is left out of an average), and the engine gives no credit
     * under the policy but raises a flag and a warning.
     */
    NOT_ALLOWED
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Bad timeslices above 5 % errors, empty intervals good, missing telemetry not allowed. */
  public static TelemetryRules defaults() {
    return builder().build();
  }

  /** The method; bad timeslices by default. */
  @Value.Default
  public Method method() {
    return Method.BAD_TIMESLICES;
  }

  /** An interval is bad when its error rate is strictly above this; 5 % by default. */
  @Value.Default
  public Ratio errorThreshold() {
    return Ratio.of(5, 100);
  }

  /** Fewer requests than this make an interval empty; 1 by default. */
  @Value.Default
  public long minimumRequests() {
    return 1;
  }

  /** What an empty interval counts as; good by default. */
  @Value.Default
  public EmptyInterval emptyInterval() {
    return EmptyInterval.GOOD;
  }

  /** How time that no sample covers counts; not allowed by default. */
  @Value.Default
  public MissingData missingData() {
    return MissingData.NOT_ALLOWED;
  }

  @Value.Check
  void check() {
    if (errorThreshold().signum() < 0 || errorThreshold().compareTo(Ratio.ONE) >= 0) {
      throw InvalidInputException.of("telemetryRules.errorThreshold", "must be in [0, 1)", errorThreshold());
    }
    Checks.notNegative("telemetryRules.minimumRequests", minimumRequests());
  }

  /** Builds {@link TelemetryRules}. */
  public static final class Builder extends ImmutableTelemetryRules.Builder {
    Builder() {}

    /**
     * Builds the {@link TelemetryRules}.
     *
     * @throws dev.amends.core.InvalidInputException if a required field is missing or a value is invalid
     */
    @Override
    public TelemetryRules build() {
      return super.build();
    }
  }
}
