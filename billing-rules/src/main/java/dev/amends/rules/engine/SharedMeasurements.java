package dev.amends.rules.engine;

import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementKey;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.threeten.extra.Interval;

/**
 * Measurements shared between subscriptions, for a batch: step 2b done once for every
 * subscription whose {@link MeasurementKey} (made by the {@link Measurer}, which measures from
 * that key only) is equal. Two levels: first by the key of placements, so each placement set is
 * looked up once per batch (a hash map probe per subscription, no outage look-up); on a miss by
 * the key of the records looked up, so that two nodes of a cluster that saw only the cluster's
 * outages share one measurement. The one shared is handed out as it is ({@link #figures}); the
 * engine copies it with the subscription's id only for what a user or a trace sees.
 *
 * <p>In front of both, for the common case (one placement, active throughout the period widened
 * by the minimum downtime, measured from outage records): an array per measurer and period,
 * indexed by the placement's number in {@link ScopeSlots} (the nearest of its scope and ancestors
 * holding records), so that such a subscription finds its measurement with no key made and no
 * probe but the placement's number. Its key would be the measurer, the period, the widened period
 * as the clip, and the placement, whose records are those of its numbered scope: two placements
 * of one number have equal keys of records, and so equal measurements. A number met the first
 * time in an array takes the level of records (so it shares with the subscriptions that came
 * through the keys). Everything else takes the two levels.
 *
 * <p>Thread-safe. Bounded: past {@code capacity} entries a level (the front level: measurements
 * in its arrays) starts afresh, so memory does not grow with the batch; the arrays are at most
 * {@value #ARRAYS}, each as long as the log has numbers.
 * Two threads may measure the same key at once; both get equal measurements, so which one is
 * kept does not matter.
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
  /** The most arrays of the front level (measurers × periods); past it, the two levels only. */
  static final int ARRAYS = 64;
  /** The front level's arrays, one per measurer, period and log; replaced, never changed, when one is added. */
  private volatile Slab[] slabs = new Slab[0];
  /** How many measurements the front level's arrays hold; past the capacity, it starts afresh. */
  private final AtomicInteger inFront = new AtomicInteger();
  private final int capacity;
  /** The numbers of the log first measured from without the engine's own (see {@link #figures}). */
  private volatile ScopeSlots ownSlots;

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
    this.capacity = capacity;
  }

  /**
   * The subscription's figures: the measurement shared under its key, or {@code measure}'s of
   * that key. Its {@link Measurement#subscriptionId()} may be another subscription's that shares
   * it; what a user or a trace sees is a copy with the subscription's own id ({@code
   * withSubscriptionId}, made by the engine's context when asked for; see {@code Facts}).
   *
   * @param log the records the measurer looks up (for a measurement from telemetry, the
   *     maintenance records, which the placements then stand for); one log per cache, as its keys
   *     compare records by identity: the front level numbers the scopes of the first one given
   * @param measure measures from a key, with the subscription's id
   */
  public Measurement figures(Measurer measurer, Subscription sub, BillingPeriod period, OutageLog log,
      Function<MeasurementKey, Measurement> measure) {
    ScopeSlots slots = ownSlots;
    if (slots == null) {
      slots = new ScopeSlots(log);
      ownSlots = slots; // numbered on first use; a batch measures from one log
    }
    return figures(measurer, sub, period, slots, log, measure);
  }

  /** {@link #figures(Measurer, Subscription, BillingPeriod, ScopeSlots, OutageLog, Measure)} measuring with a function of the key. */
  Measurement figures(Measurer measurer, Subscription sub, BillingPeriod period, ScopeSlots slots, OutageLog log,
      Function<MeasurementKey, Measurement> measure) {
    return figures(measurer, sub, period, slots, log, (m, key, s) -> measure.apply(key));
  }

  /**
   * Measures a key with a measurer, for a subscription (whose id the measurement takes): the
   * engine gives one for every policy and subscription, so that no function is made per
   * subscription.
   */
  interface Measure {
    Measurement measure(Measurer measurer, MeasurementKey key, Subscription sub);
  }

  /**
   * {@link #figures(Measurer, Subscription, BillingPeriod, OutageLog, Function)} with the scopes
   * numbered in {@code slots}, which the engine keeps for its log from batch to batch. As the
   * first level of keys, the front level answers from what it holds without reading the log; a
   * number met the first time is measured there only when {@code log} is the one numbered, else
   * it takes the keys.
   */
  Measurement figures(Measurer measurer, Subscription sub, BillingPeriod period, ScopeSlots slots, OutageLog log,
      Measure measure) {
    if (sub.placements().size() == 1 && measurer.rules().source() != Measurement.Source.TELEMETRY) {
      Slab slab = slabOf(measurer, period, slots);
      if (slab != null && slab.activeThroughout(sub.active())) {
        int slot = slots.slotOf(sub.placements().iterator().next());
        Measurement shared = slab.measurements.get(slot);
        if (shared == null && log == slots.log()) {
          // met the first time in this array: the level of records, as a miss of placements goes,
          // under the key of the number's records (made once per engine, measurer and period)
          MeasurementKey records = slab.recordsKeys.get(slot);
          if (records == null) {
            records = measurer.recordsKeyOf(measurer.keyOf(sub, period), log);
            slab.recordsKeys.set(slot, records);
          }
          shared = ofRecords(records, measurer, sub, measure);
          Measurement first = slab.measurements.compareAndExchange(slot, null, shared);
          if (first != null) {
            return first;
          }
          if (inFront.incrementAndGet() > capacity) {
            startFrontAfresh();
          }
        }
        if (shared != null) {
          return shared;
        }
      }
    }
    MeasurementKey key = measurer.keyOf(sub, period);
    Measurement shared = byPlacements.get(key);
    if (shared == null) {
      if (measurer.rules().source() == Measurement.Source.TELEMETRY) {
        shared = measure.measure(measurer, key, sub); // telemetry is judged per placement: no coarser key
      } else {
        shared = ofRecords(measurer.recordsKeyOf(key, log), measurer, sub, measure);
      }
      byPlacements.put(key, shared);
    }
    return shared;
  }

  /** The measurement kept under a key of records, or {@code measure}'s, then kept. */
  private Measurement ofRecords(MeasurementKey records, Measurer measurer, Subscription sub, Measure measure) {
    Measurement shared = byRecords.get(records);
    if (shared == null) {
      shared = measure.measure(measurer, records, sub);
      byRecords.put(records, shared);
    }
    return shared;
  }

  /** Empties the front level (its arrays are made again as needed), as a full level of keys starts afresh. */
  private synchronized void startFrontAfresh() {
    slabs = new Slab[0];
    inFront.set(0);
  }

  /**
   * The front level's array for the measurer, the period and the numbers' log, made on first use;
   * null past {@value #ARRAYS} arrays.
   */
  private Slab slabOf(Measurer measurer, BillingPeriod period, ScopeSlots slots) {
    Slab[] known = slabs;
    for (Slab s : known) {
      if (s.measurer == measurer && s.period == period && s.slots == slots) {
        return s;
      }
    }
    synchronized (this) {
      known = slabs;
      for (Slab s : known) { // an equal period of another instance, or one added meanwhile
        if (s.measurer == measurer && s.slots == slots && s.period.equals(period)) {
          return s;
        }
      }
      if (known.length >= ARRAYS) {
        return null;
      }
      Slab made = new Slab(measurer, period, slots);
      Slab[] more = Arrays.copyOf(known, known.length + 1);
      more[known.length] = made;
      slabs = more;
      return made;
    }
  }

  /** How many arrays the front level holds: for tests. */
  int slabCount() {
    return slabs.length;
  }

  /**
   * The front level for one measurer and period: a measurement per number of {@link ScopeSlots},
   * for subscriptions on one placement active from {@code from} (or before) to {@code to} (or after).
   */
  private static final class Slab {
    final Measurer measurer;
    final BillingPeriod period;
    final ScopeSlots slots;
    /** The period widened by the rules' minimum downtime on both sides: the clip of every key here. */
    final Instant from;
    final Instant to;
    final AtomicReferenceArray<Measurement> measurements;
    /** The keys of records by number, kept by {@link ScopeSlots} from batch to batch. */
    final AtomicReferenceArray<MeasurementKey> recordsKeys;

    Slab(Measurer measurer, BillingPeriod period, ScopeSlots slots) {
      this.measurer = measurer;
      this.period = period;
      this.slots = slots;
      Duration minimum = measurer.rules().minimumDowntime();
      this.from = period.start().minus(minimum);
      this.to = period.end().plus(minimum);
      this.measurements = new AtomicReferenceArray<>(slots.size());
      this.recordsKeys = slots.recordsKeys(measurer, period);
    }

    /** Whether a subscription active in {@code active} has the widened period as its clip. */
    boolean activeThroughout(Interval active) {
      return !active.getStart().isAfter(from) && !active.getEnd().isBefore(to);
    }
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
