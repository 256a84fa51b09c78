package dev.amends.core.measure;

import dev.amends.core.outage.Outage;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threeten.extra.Interval;

/**
 * Everything a {@link Measurer}'s measurement reads of a subscription and a billing period, as a
 * value: the measurement is a function of this key, the subscription's id and the logs it is
 * taken from, and of nothing else. Two subscriptions whose keys are equal therefore have equal
 * measurements from the same logs, but for {@link Measurement#subscriptionId()}.
 *
 * <p>A key is made by {@link Measurer#keyOf} and holds the measurer itself (by identity: its
 * rules and whether it builds breakdowns), the period, the <em>clip</em> (the subscription's
 * active window clipped to the period widened by the rules' minimum downtime on both sides:
 * this decides the measured window, the edge the minimum looks at and the window records are
 * looked up in) and the placements, in their order. {@link Measurer#recordsKeyOf} makes a
 * coarser key for a measurement from outage records: the records the measurer looks up in place
 * of the placements, so that two nodes of a cluster that saw only the cluster's outages share
 * one key.
 *
 * <p>Since a {@link Measurer} measures from a key only ({@link Measurer#measure(MeasurementKey,
 * String, dev.amends.core.outage.OutageLog)}), the key cannot leave out an input the measurement
 * reads. The hash is computed once; equality compares records by identity, so keys are meant to
 * be compared for measurements from one log. Immutable and thread-safe.
 */
public final class MeasurementKey {
  private final Measurer measurer;
  private final BillingPeriod period;
  /** Null when the subscription was not active near the period. */
  private final Interval clip;
  /**
   * The clip's ends as numbers (seconds and nanoseconds; zeros without a clip), compared in
   * {@link #equals} without reading the clip's objects, which for a key kept in a cache are
   * cold in memory.
   */
  private final long clipStartSecond;
  private final long clipEndSecond;
  private final int clipStartNano;
  private final int clipEndNano;
  /** Null for a key of records. */
  private final Set<Scope> placements;
  /** Null for a key of placements; else the records looked up, ordered by start, then id. */
  private final List<Outage> records;
  /**
   * The records as an array and the number of placements or records, for {@link #equals}: a key
   * kept in a cache is cold in memory, and each object read on the way is a cache miss.
   */
  private final Outage[] recordArray;
  /**
   * Null for a key of records; else the placements as an array, in their order, for {@link
   * #equals}: comparing a kept key reads one array instead of walking its set's wrapper, map and
   * entries.
   */
  private final Scope[] placementArray;
  /**
   * The only placement or record when there is one (most keys), else null: {@link #equals}
   * compares it without reading the array, one cold object fewer per probe of a cache.
   */
  private final Object only;
  private final int count;
  private final int hash;

  MeasurementKey(Measurer measurer, BillingPeriod period, Interval clip, Set<Scope> placements,
      List<Outage> records) {
    this.measurer = measurer;
    this.period = period;
    this.clip = clip;
    this.clipStartSecond = clip == null ? 0 : clip.getStart().getEpochSecond();
    this.clipEndSecond = clip == null ? 0 : clip.getEnd().getEpochSecond();
    this.clipStartNano = clip == null ? 0 : clip.getStart().getNano();
    this.clipEndNano = clip == null ? 0 : clip.getEnd().getNano();
    this.placements = placements;
    this.records = records;
    this.recordArray = records == null ? null : records.toArray(new Outage[0]);
    int h = measurer.hashCode();
    h = 31 * h + period.hashCode();
    h = 31 * h + Long.hashCode(clipStartSecond) + 7 * Long.hashCode(clipEndSecond) + clipStartNano + 3 * clipEndNano;
    if (placements != null) {
      // one walk of the set: the array and the hash together
      Scope[] array = new Scope[placements.size()];
      int i = 0;
      for (Scope s : placements) {
        array[i++] = s;
        h = 31 * h + s.hashCode();
      }
      this.placementArray = array;
      this.count = array.length;
      this.only = array.length == 1 ? array[0] : null;
    } else {
      this.placementArray = null;
      this.count = recordArray.length;
      this.only = recordArray.length == 1 ? recordArray[0] : null;
      for (Outage o : recordArray) { // the copy, not the list: records are often a read-only view
        h = 31 * h + o.id().hashCode();
      }
    }
    this.hash = h;
  }

  /** The measurer whose key this is. */
  public Measurer measurer() {
    return measurer;
  }

  /** The billing period measured. */
  public BillingPeriod period() {
    return period;
  }

  /**
   * The active window clipped to the period widened by the minimum downtime on both sides;
   * empty if the subscription was not active there (nor, then, in the period).
   */
  public Optional<Interval> clip() {
    return Optional.ofNullable(clip);
  }

  /** The clip, or null. */
  Interval clipOrNull() {
    return clip;
  }

  /** The placements, in the subscription's order; null for a key of records. */
  Set<Scope> placementsOrNull() {
    return placements;
  }

  /** The records looked up; null for a key of placements. */
  List<Outage> recordsOrNull() {
    return records;
  }

  /** Whether this key names the records looked up rather than the placements. */
  public boolean isOfRecords() {
    return records != null;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof MeasurementKey k) || k.hash != hash || k.count != count || k.measurer != measurer
        || k.clipStartSecond != clipStartSecond || k.clipEndSecond != clipEndSecond
        || k.clipStartNano != clipStartNano || k.clipEndNano != clipEndNano
        || (k.clip == null) != (clip == null) || !k.period.equals(period)) {
      return false;
    }
    if (count == 1) {
      // one placement or record on each side, held beside the array: compare it without the array
      boolean ofPlacements = placementArray != null;
      return ofPlacements == (k.placementArray != null)
          && (only == k.only || ofPlacements && only.equals(k.only));
    }
    if (placementArray != null) {
      return k.placementArray != null && sameOrder(placementArray, k.placementArray);
    }
    if (k.recordArray == null) {
      return false;
    }
    for (int i = 0; i < recordArray.length; i++) {
      if (recordArray[i] != k.recordArray[i]) {
        return false;
      }
    }
    return true;
  }

  /** Equal elements in the same order (both of the length compared): telemetry judges placements in their order. */
  private static boolean sameOrder(Scope[] a, Scope[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i] && !a[i].equals(b[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Such as {@code MeasurementKey(2026-03, clip 2026-02-28T23:55:00Z/2026-04-01T00:05:00Z, placements [svc-0/cluster-1/node-2])}. */
  @Override
  public String toString() {
    return "MeasurementKey(" + period.label() + ", clip " + (clip == null ? "none" : clip)
        + (placements != null ? ", placements " + placements : ", " + records.size() + " records") + ")";
  }
}
