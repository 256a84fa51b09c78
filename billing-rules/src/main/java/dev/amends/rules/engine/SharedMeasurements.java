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
 * outages share one measurement. The one shared is handed out as it is ({@link #figures}); the
 * engine copies it with the subscription's id only for what a user or a trace sees.
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
   * The subscription's figures: the measurement shared under its key, or {@code measure}'s of
   * that key. Its {@link Measurement#subscriptionId()} may be another subscription's that shares
   * it; what a user or a trace sees is a copy with the subscription's own id ({@code
   * withSubscriptionId}, made by the engine's context when asked for; see {@code Facts}).
   *
   * @param log the records the measurer looks up (for a measurement from telemetry, the
   *     maintenance records, which the placements then stand for)
   * @param measure measures from a key, with the subscription's id
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
