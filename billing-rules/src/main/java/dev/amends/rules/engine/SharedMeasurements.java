package dev.amends.rules.engine;

import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementKey;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.BillingPeriod;
import java.util.List;
import java.util.function.Function;

/**
 * Measurements shared between subscriptions, for a batch: step 2b done once for every
 * subscription whose {@link MeasurementKey} (made by the {@link Measurer}, which measures from
 * that key only) is equal. Two levels: first by the key of placements, so each placement set is
 * looked up once per batch (a hash map probe per subscription, no outage look-up); on a miss by
 * the key of the records looked up, so that two nodes of a cluster that saw only the cluster's
 * outages share one measurement. The one shared is put back with the subscription's id ({@link
 * #measure}), or handed out as it is to readers of its figures only ({@link #figures}), which the
 * engine's pipeline copies with the subscription's id only for what a user or a trace sees.
 *
 * <p>Thread-safe. Bounded: past {@code capacity} entries a level starts afresh, so memory does
 * not grow with the batch. Two threads may measure the same key at once; both get equal
 * measurements, so which one is kept does not matter.
 */
public final class SharedMeasurements {
  /**
   * The most measurements kept per level: distinct keys grow with placements × periods (one per
   * billing zone) × measurers (policies, and campaigns for the subscriptions whose eligibility
   * needs a measurement), not with accounts. The canonical fleet has 20,000 nodes × 4 zones =
   * 80,000 for its SLA; a capacity below the keys in use makes the cache start afresh before
   * most keys come round again, and most subscriptions are measured again.
   */
  public static final int CAPACITY = 1 << 17;

  private final FreshWhenFull<MeasurementKey, Measurement> byPlacements;
  private final FreshWhenFull<MeasurementKey, Measurement> byRecords;
  private final FreshWhenFull<Ids, List<Outage>> involved;

  /**
   * An empty cache of {@code capacity} measurements per level. Both levels are sized for their
   * capacity from the start (their tables are made on the first measurement): a map grown from
   * the default size copies itself at each doubling, which in a batch of 100,000 subscriptions
   * cost about 2 % of the engine's time.
   */
  public SharedMeasurements(int capacity) {
    this.byPlacements = new FreshWhenFull<>(capacity, true);
    this.byRecords = new FreshWhenFull<>(capacity, true);
    this.involved = new FreshWhenFull<>(capacity, false);
  }

  /**
   * The subscription's measurement: a shared one with the subscription's id, or {@code measure}'s
   * of the key it is shared under.
   *
   * @param log the records the measurer looks up (for a measurement from telemetry, the
   *     maintenance records, which the placements then stand for)
   * @param measure measures from a key, with the subscription's id
   */
  public Measurement measure(Measurer measurer, Subscription sub, BillingPeriod period, OutageLog log,
      Function<MeasurementKey, Measurement> measure) {
    return figures(measurer, sub, period, log, measure).withSubscriptionId(sub.id());
  }

  /**
   * {@link #measure} without the copy with the subscription's id: the shared measurement itself,
   * whose {@link Measurement#subscriptionId()} may be another subscription's, for readers that
   * read no id (the engine's figures; see {@code Facts}).
   */
  public Measurement figures(Measurer measurer, Subscription sub, BillingPeriod period, OutageLog log,
      Function<MeasurementKey, Measurement> measure) {
    MeasurementKey key = measurer.keyOf(sub, period);
    Measurement shared = byPlacements.get(key);
    if (shared == null) {
      if (measurer.rules().source() == Measurement.Source.TELEMETRY) {
        shared = measure.apply(key); // telemetry is judged per placement: no coarser key
      } else {
        MeasurementKey records = measurer.recordsKeyOf(key, log);
        shared = byRecords.get(records);
        if (shared == null) {
          shared = measure.apply(records);
          byRecords.put(records, shared);
        }
      }
      byPlacements.put(key, shared);
    }
    return shared;
  }

  /**
   * The outage records a measurement names, looked up by {@code lookUp} once per shared
   * measurement: measurements this cache handed out share their list of ids (see {@link
   * Measurement#withSubscriptionId}), which keys the records by identity.
   */
  public List<Outage> involved(Measurement measurement, Function<Measurement, List<Outage>> lookUp) {
    if (measurement.outageIds().isEmpty()) {
      return List.of();
    }
    Ids ids = new Ids(measurement.outageIds());
    List<Outage> records = involved.get(ids);
    if (records == null) {
      records = List.copyOf(lookUp.apply(measurement));
      involved.put(ids, records);
    }
    return records;
  }

  /** A measurement's list of outage ids, by identity. */
  private record Ids(List<String> ids) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Ids other && other.ids == ids;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(ids);
    }
  }
}
