package dev.amends.rules;

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
import java.util.Set;
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
 * <p>Measured from outage records, a subscription is first looked up by its placements (as a set:
 * the records a set of placements sees do not depend on their order) within the clip, which
 * decide the records it sees, so a placement seen before costs neither a look-up in the log nor a
 * measurement; only a placement set not seen before is looked up in the log, and then shares the
 * measurement of any other placements that see the same records.
 *
 * <p>Thread-safe. Bounded: past {@code capacity} entries the cache starts afresh, so memory does
 * not grow with the batch. Two threads may measure the same key at once; both get equal
 * measurements, so which one is kept does not matter.
 */
final class SharedMeasurements {
  /**
   * The most entries kept (a measurement may be kept under two keys): enough for a fleet's
   * placements, such as 20,000 nodes, to be measured once each.
   */
  static final int CAPACITY = 65_536;

  /**
   * {@code placements}: for telemetry, the placements in order; for outage records, the path of
   * the one placement or the set of placements, or null in a key by {@code outageIds}, the ids of the records looked up, in the
   * log's order.
   */
  private record Key(Measurer measurer, BillingPeriod period, Optional<Interval> clip, Object placements,
      List<String> outageIds) {}

  private final ConcurrentHashMap<Key, Measurement> byKey = new ConcurrentHashMap<>();
  private final int capacity;

  SharedMeasurements(int capacity) {
    this.capacity = capacity;
  }

  /**
   * The subscription's measurement: a shared one with the subscription's id, or {@code measure}'s.
   *
   * @param log the records {@code measure} measures from (for a measurement from telemetry, the
   *     maintenance records, which the placements then stand for)
   */
  Measurement measure(Measurer measurer, Subscription sub, BillingPeriod period, OutageLog log,
      Supplier<Measurement> measure) {
    Duration minimum = measurer.rules().minimumDowntime();
    Optional<Interval> clip = Intervals.overlap(
        Interval.of(period.start().minus(minimum), period.end().plus(minimum)), sub.active());
    boolean telemetry = measurer.rules().source() == Measurement.Source.TELEMETRY;
    if (telemetry || clip.isEmpty()) {
      Key key = new Key(measurer, period, clip, List.copyOf(sub.placements()), null);
      Measurement shared = byKey.get(key);
      if (shared == null) {
        shared = measure.get();
        keep(key, shared);
        return shared;
      }
      return withId(shared, sub);
    }
    // The placements decide the records the measurer looks up within the clip.
    // One placement (the common case) by its path alone, so that the cache keeps a string rather
    // than the scope with its ancestors; a path never equals a set.
    Set<Scope> placements = sub.placements();
    Object where = placements.size() == 1 ? placements.iterator().next().path() : placements;
    Key byPlacements = new Key(measurer, period, clip, where, null);
    Measurement shared = byKey.get(byPlacements);
    if (shared != null) {
      return withId(shared, sub);
    }
    // The records the measurer itself looks up: those affecting the placements within the clip.
    List<Outage> affecting = log.affecting(sub.placements(), clip.get());
    String[] ids = new String[affecting.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = affecting.get(i).id();
    }
    Key byRecords = new Key(measurer, period, clip, null, List.of(ids));
    shared = byKey.get(byRecords);
    if (shared == null) {
      shared = measure.get();
      keep(byRecords, shared);
      keep(byPlacements, shared);
      return shared;
    }
    keep(byPlacements, shared);
    return withId(shared, sub);
  }

  private void keep(Key key, Measurement measurement) {
    if (byKey.size() >= capacity) {
      byKey.clear();
    }
    byKey.putIfAbsent(key, measurement);
  }

  private static Measurement withId(Measurement shared, Subscription sub) {
    return shared.withSubscriptionId(sub.id());
  }
}
