package dev.amends.core.telemetry;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.Ratio;
import dev.amends.core.scope.Scope;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.threeten.extra.Interval;

/**
 * One interval of service telemetry for a scope: request counts, or an error rate.
 *
 * <pre>{@code
 * TelemetrySample.ofCounts(Scope.of("api"), minute, 9_400, 10_000);   // 6 % errors
 * TelemetrySample.ofErrorRate(Scope.of("api"), fiveMinutes, Ratio.of(1, 100));
 * }</pre>
 *
 * <p>A sample with zero requests has no error rate. Immutable and thread-safe.
 */
public final class TelemetrySample {
  private final Scope scope;
  private final Interval window;
  private final long good;
  private final long total;
  private final Ratio errorRate; // null if total == 0 with counts

  private TelemetrySample(Scope scope, Interval window, long good, long total, Ratio errorRate) {
    this.scope = scope;
    this.window = window;
    this.good = good;
    this.total = total;
    this.errorRate = errorRate;
  }

  /**
   * A sample of request counts.
   *
   * @param scope the scope measured, not null
   * @param window the interval, not empty, not null
   * @param good successful requests, {@code 0 <= good <= total}
   * @param total all requests, not negative
   * @return the sample, not null
   * @throws InvalidInputException if the counts are inconsistent or the window empty
   */
  public static TelemetrySample ofCounts(Scope scope, Interval window, long good, long total) {
    check(scope, window);
    Checks.notNegative("telemetry.total", total);
    if (good < 0 || good > total) {
      throw InvalidInputException.of("telemetry.good", "must be in [0, total=" + total + "]", good);
    }
    Ratio rate = total == 0 ? null : Ratio.of(total - good, total);
    return new TelemetrySample(scope, window, good, total, rate);
  }

  /**
   * A sample given as an error rate, with no request count.
   *
   * @param scope the scope measured, not null
   * @param window the interval, not empty, not null
   * @param errorRate the share of failed requests, in {@code [0, 1]}, not null
   * @return the sample, not null
   * @throws InvalidInputException if the rate is out of range or the window empty
   */
  public static TelemetrySample ofErrorRate(Scope scope, Interval window, Ratio errorRate) {
    check(scope, window);
    Checks.notNull("telemetry.errorRate", errorRate);
    if (errorRate.signum() < 0 || errorRate.compareTo(Ratio.ONE) > 0) {
      throw InvalidInputException.of("telemetry.errorRate", "must be in [0, 1]", errorRate);
    }
    return new TelemetrySample(scope, window, -1, -1, errorRate);
  }

  private static void check(Scope scope, Interval window) {
    Checks.notNull("telemetry.scope", scope);
    Checks.notNull("telemetry.window", window);
    if (window.isEmpty()) {
      throw InvalidInputException.of("telemetry.window", "must not be empty", window);
    }
  }

  /** The scope measured. */
  public Scope scope() {
    return scope;
  }

  /** The interval. */
  public Interval window() {
    return window;
  }

  /** All requests, if counted. */
  public OptionalLong totalRequests() {
    return total < 0 ? OptionalLong.empty() : OptionalLong.of(total);
  }

  /** Successful requests, if counted. */
  public OptionalLong goodRequests() {
    return good < 0 ? OptionalLong.empty() : OptionalLong.of(good);
  }

  /** The share of failed requests; empty when no request was made. */
  public Optional<Ratio> errorRate() {
    return Optional.ofNullable(errorRate);
  }

  /**
   * True if the interval has too few requests to judge: no error rate, or a request count
   * below the minimum.
   */
  public boolean isEmpty(long minimumRequests) {
    return errorRate == null || (total >= 0 && total < minimumRequests);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TelemetrySample s
        && scope.equals(s.scope)
        && window.equals(s.window)
        && good == s.good
        && total == s.total
        && Objects.equals(errorRate, s.errorRate);
  }

  /**
   * A hash of every field. The window's two ends are hashed apart: {@link Interval#hashCode()}
   * XORs them, so every sample of the same length would share one hash.
   */
  @Override
  public int hashCode() {
    return Objects.hash(scope, window.getStart(), window.getEnd(), good, total, errorRate);
  }

  @Override
  public String toString() {
    return scope + " " + window + (total >= 0 ? " " + good + "/" + total + " good" : " errors " + errorRate);
  }
}
