package dev.amends.rules.engine;

import dev.amends.core.account.Subscription;
import dev.amends.core.internal.Intervals;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
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
 * subscription with the same period, the same measurement rules (the same {@link Measurer}), the
 * same active window clipped to the period widened by the minimum downtime on both sides, and
 * the same inputs: for a measurement from outage records, the same records affecting the
 * placements within that clip (whatever the placements: two nodes of a cluster that saw only the
 * cluster's outages share one measurement); from telemetry, the same placements in the same
 * order. The clip decides the measured window, the edge the minimum downtime looks at and the
 * records the measurer looks up, and nothing else of a subscription enters a measurement but
 * its id, which is put back on the shared one.
 *
 * <p>Thread-safe. Bounded: past {@code capacity} entries the cache starts afresh, so memory does
 * not grow with the batch. Two threads may measure the same key at once; both get equal
 * measurements, so which one is kept does not matter.
 */
public final class SharedMeasurements {
  /** The most measurements kept. */
  public static final int CAPACITY = 8192;

  /** {@code placements} for telemetry, else {@code outageIds}: the ids of the records looked up, in the log's order. */
  private record Key(Measurer measurer, BillingPeriod period, Optional<Interval> clip, List<Scope> placements,
      List<String> outageIds) {}

  private final ConcurrentHashMap<Key, Measurement> byKey = new ConcurrentHashMap<>();
  private final int capacity;

  public SharedMeasurements(int capacity) {
    this.capacity = capacity;
  }

  /**
   * The subscription's measurement: a shared one with the subscription's id, or {@code measure}'s.
   *
   * @param log the records {@code measure} measures from (for a measurement from telemetry, the
   *     maintenance records, which the placements then stand for)
   */
  public Measurement measure(Measurer measurer, Subscription sub, BillingPeriod period, OutageLog log,
      Supplier<Measurement> measure) {
    Duration minimum = measurer.rules().minimumDowntime();
    Optional<Interval> clip = Intervals.overlap(
        Interval.of(period.start().minus(minimum), period.end().plus(minimum)), sub.active());
    Key key;
    if (measurer.rules().source() == Measurement.Source.TELEMETRY || clip.isEmpty()) {
      key = new Key(measurer, period, clip, List.copyOf(sub.placements()), null);
    } else {
      // The records the measurer itself looks up: those affecting the placements within the clip.
      List<Outage> affecting = log.affecting(sub.placements(), clip.get());
      String[] ids = new String[affecting.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = affecting.get(i).id();
      }
      key = new Key(measurer, period, clip, null, List.of(ids));
    }
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
