package dev.amends.core.measure;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.AmendsStyle;
import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.WindowSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.threeten.extra.Interval;

/**
 * The downtime of one subscription in one billing period, and how it was arrived at.
 *
 * <p>{@link #availability()} is the exact fraction {@code (denominator - downtime) /
 * denominator} (one when the denominator is zero); compare it to a decimal threshold with
 * {@link #isBelowPercent(BigDecimal)}, which uses no floating point. {@link #exclusions()} says
 * which recorded time did not count and why; {@link #contributions()} gives each outage's part.
 *
 * <p>Produced by {@link Measurer}; the public builder exists so that a rule's unit tests can
 * state a measurement directly. Immutable and thread-safe.
 */
@Value.Immutable
@AmendsStyle
public abstract class Measurement {
  Measurement() {}

  /** Where the measurement came from. */
  public enum Source {
    /** Outage records. */
    OUTAGES,
    /** Telemetry samples. */
    TELEMETRY
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The subscription measured. */
  public abstract String subscriptionId();

  /** The billing period measured. */
  public abstract BillingPeriod period();

  /** The part of the period the subscription was active, empty if it was not active at all. */
  public abstract Optional<Interval> measuredWindow();

  /** Outage records or telemetry; outage records by default. */
  @Value.Default
  public Source source() {
    return Source.OUTAGES;
  }

  /** The counted downtime as windows, after every exclusion, minimum and granularity. */
  @Value.Default
  public WindowSet counted() {
    return WindowSet.empty();
  }

  /**
   * The counted downtime. Equal to the length of {@link #counted()}, except when partial
   * impact is weighted (each instant counts times the share of users affected, rounded half-up
   * to the nanosecond) or telemetry ratios are averaged.
   */
  public abstract Duration downtime();

  /** What availability is measured against. */
  public abstract Duration denominator();

  /** The exact availability, in {@code [0, 1]}. */
  public abstract Ratio availability();

  /** Recorded time that did not count, with reasons. */
  public abstract List<Exclusion> exclusions();

  /** Each outage's part in the counted downtime, in order of start. */
  public abstract List<Contribution> contributions();

  /** The ids of every outage record that touched the measured window, counted or not. */
  public abstract List<String> outageIds();

  /** Remarks a reader should see, such as maintenance that counted for lack of notice. */
  public abstract List<String> notes();

  /**
   * For each outage record that touched the measured window, in order of start, how its time
   * there was counted and why the rest was not: see {@link OutageBreakdown}. Empty for a
   * measurement from telemetry, where {@link #missingTelemetry()} and {@link #exclusions()} say
   * what was left out.
   */
  public abstract List<OutageBreakdown> breakdown();

  /**
   * For a measurement from telemetry: the time of the measured window that no sample covers
   * (outside excluded maintenance, which needs no data). Empty when every instant is covered, and
   * for a measurement from outage records.
   */
  @Value.Default
  public WindowSet missingTelemetry() {
    return WindowSet.empty();
  }

  /**
   * For a measurement from telemetry, how {@link #missingTelemetry()} was counted, as the
   * policy's {@link TelemetryRules#missingData()} says; empty for outage records.
   */
  public abstract Optional<TelemetryRules.MissingData> missingTelemetryCountsAs();

  /**
   * False if telemetry is missing and the policy does not say how missing data counts ({@link
   * TelemetryRules.MissingData#NOT_ALLOWED}): the figures then rest on the telemetry present
   * only, and no credit may be decided from them.
   */
  public boolean isComplete() {
    return missingTelemetry().isEmpty()
        || missingTelemetryCountsAs().orElse(TelemetryRules.MissingData.NOT_ALLOWED)
            != TelemetryRules.MissingData.NOT_ALLOWED;
  }

  /**
   * The missing telemetry in words, empty if none: {@code telemetry missing for 3h in 1
   * stretch (2024-06-10T10:00Z–13:00Z); the policy does not say how missing data counts
   * (set measurementRules.telemetry.missingData to GOOD or BAD)}. At most
   * three stretches are listed.
   */
  public String describeMissingTelemetry() {
    WindowSet missing = missingTelemetry();
    if (missing.isEmpty()) {
      return "";
    }
    List<String> stretches = new java.util.ArrayList<>();
    for (Interval w : missing) {
      if (stretches.size() == 3) {
        stretches.add("…");
        break;
      }
      stretches.add(Texts.window(w));
    }
    String how = switch (missingTelemetryCountsAs().orElse(TelemetryRules.MissingData.NOT_ALLOWED)) {
      case GOOD -> "counted as up, as the policy says";
      case BAD -> "counted as down, as the policy says";
      case NOT_ALLOWED -> "the policy does not say how missing data counts (set measurementRules.telemetry.missingData to GOOD or BAD)";
    };
    return "telemetry missing for " + Texts.duration(missing.totalLength()) + " in " + missing.size()
        + (missing.size() == 1 ? " stretch (" : " stretches (") + String.join(", ", stretches) + "); " + how;
  }

  /**
   * The same measurement for another subscription: every figure kept, only {@link
   * #subscriptionId()} replaced (nothing else of a measurement names its subscription). No list
   * is copied; this measurement itself if the id is the same.
   *
   * @param subscriptionId the id, not null
   * @return the measurement, not null
   */
  public Measurement withSubscriptionId(String subscriptionId) {
    return ImmutableMeasurement.copyOf(this).withSubscriptionId(subscriptionId);
  }

  /** The counted downtime as exact minutes: {@code 420} for 7 hours. */
  public Ratio downtimeMinutes() {
    return Ratio.of(downtime(), Duration.ofMinutes(1));
  }

  /**
   * Availability as a percentage for display, truncated (never rounded up) to a scale:
   * {@code 99.0591} at scale 4 for 420 minutes down in 31 days.
   */
  public BigDecimal availabilityPercent(int scale) {
    return availability().toPercent(scale, RoundingMode.DOWN);
  }

  /** True if availability is strictly below the percentage, exactly: 99.95 % is not below 99.95. */
  public boolean isBelowPercent(BigDecimal percent) {
    return availability().compareToPercent(percent) < 0;
  }

  @Value.Check
  void check() {
    if (downtime().isNegative()) {
      throw InvalidInputException.of("measurement.downtime", "must not be negative", downtime());
    }
    if (denominator().isNegative()) {
      throw InvalidInputException.of("measurement.denominator", "must not be negative", denominator());
    }
    if (availability().signum() < 0 || availability().compareTo(Ratio.ONE) > 0) {
      throw InvalidInputException.of("measurement.availability", "must be in [0, 1]", availability());
    }
  }

  /** Builds a {@link Measurement}. */
  public static final class Builder extends ImmutableMeasurement.Builder {
    Builder() {}

    /**
     * Builds the {@link Measurement}.
     *
     * @throws dev.amends.core.InvalidInputException if a required field is missing or a value is invalid
     */
    @Override
    public Measurement build() {
      return super.build();
    }
  }

  /** Such as {@code sub-1 2007-12: 420 min down of 44640, availability 99.0591 %}. */
  @Override
  public String toString() {
    return subscriptionId() + " " + period().label() + ": " + downtimeMinutes().toBigDecimal(2, RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString() + " min down of " + denominator().toMinutes()
        + ", availability " + availabilityPercent(4).toPlainString() + " %";
  }
}
