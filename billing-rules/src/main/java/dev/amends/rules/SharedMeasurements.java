package dev.amends.rules;

import dev.amends.core.account.Subscription;
import dev.amends.core.internal.Intervals;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.Measurer;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.threeten.extra.Interval;

/**
 * Measurements shared between subscriptions, for a batch: step 2b done once for every
 * subscription with the same placements (in the same order), the same period, the same
 * measurement rules (the same {@link Measurer}) and the same active window clipped to the period
 * widened by the minimum downtime on both sides. That clip decides both the measured window and
 * the edge the minimum downtime looks at, and nothing else of a subscription enters a
 * measurement but its id, which is put back on the shared one.
 *
 * <p>Thread-safe. Bounded: past {@code capacity} entries the cache starts afresh, so memory does
 * not grow with the batch. Two threads may measure the same key at once; both get equal
 * measurements, so which one is kept does not matter.
 */
final class SharedMeasurements {
  /** The most measurements kept. */
  static final int CAPACITY = 8192;

  private record Key(Measurer measurer, BillingPeriod period, List<Scope> placements, Optional<Interval> clip) {}

  private final ConcurrentHashMap<Key, Measurement> byKey = new ConcurrentHashMap<>();
  private final int capacity;

  SharedMeasurements(int capacity) {
    this.capacity = capacity;
  }

  /**
   * The subscription's measurement: a shared one with the subscription's id, or {@code measure}'s.
   */
  Measurement measure(Measurer measurer, Subscription sub, BillingPeriod period, Supplier<Measurement> measure) {
    Duration minimum = measurer.rules().minimumDowntime();
    Optional<Interval> clip = Intervals.overlap(
        Interval.of(period.start().minus(minimum), period.end().plus(minimum)), sub.active());
    Key key = new Key(measurer, period, List.copyOf(sub.placements()), clip);
    Measurement shared = byKey.get(key);
    if (shared == null) {
      shared = measure.get();
      if (byKey.size() >= capacity) {
        byKey.clear();
      }
      byKey.putIfAbsent(key, shared);
      return shared;
    }
    return shared.subscriptionId().equals(sub.id())
        ? shared
        : Measurement.builder().from(shared).subscriptionId(sub.id()).build();
  }
}
