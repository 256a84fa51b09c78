package dev.amends.rules.engine;

import dev.amends.core.measure.MeasurementKey;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * For one outage log, a dense number per placement that names the records it sees: each scope
 * holding a record of the log is numbered {@code 0 .. size() - 2}, and a placement takes the
 * number of the nearest of itself and its ancestors that holds one, or {@code size() - 1} when
 * none does. A placement sees the records of its own scope and its ancestors ({@link
 * OutageLog#affecting}); the scopes below its numbered one hold none, so two placements of one
 * number see the same records in any window, and a measurement from records only (not
 * telemetry) is the same for both. {@link SharedMeasurements} keeps its measurements of a
 * measurer and period in an array indexed by this number.
 *
 * <p>The scopes are numbered when the first placement is asked for (once per log: the engine
 * keeps one per {@link Pipeline}); each placement's number is then kept (up to {@link #KEPT}
 * placements, then afresh), so a placement met again costs one probe of an open-addressing table
 * of placements and numbers (two arrays side by side: no entry or boxed number to read on the
 * way, each of which, for a batch that meets placements in no order, is a miss of the CPU's
 * caches). With the numbers it keeps, per measurer and period, the key of the records each number
 * sees ({@link #recordsKeys}). Thread-safe: the table is read without a lock and written under
 * one; a number not seen yet by a reader is worked out again, the same.
 */
final class ScopeSlots {
  /** The most placements whose number is kept. */
  static final int KEPT = 1 << 16;

  private final OutageLog log;
  private volatile Numbered numbered;
  /** The placements' numbers kept; replaced (grown, or afresh past {@link #KEPT}) under this object's lock. */
  private volatile Table table = new Table(1 << 10);
  /** See {@link #recordsKeys}; replaced, never changed, when one is added. */
  private volatile RecordsKeys[] recordsKeys = new RecordsKeys[0];

  /** The slots of a log; nothing is worked out until a placement is asked for. */
  ScopeSlots(OutageLog log) {
    this.log = log;
  }

  /** The log whose records the numbers name. */
  OutageLog log() {
    return log;
  }

  /** How many numbers there are: the scopes holding records, and one for a placement that sees none. */
  int size() {
    return numbered().size;
  }

  /**
   * The keys of records kept for a measurer and a period, one per number (null until made): for
   * a placement of that number active throughout the period widened by the measurer's minimum
   * downtime, the key {@link Measurer#recordsKeyOf} makes, which names the same records for every
   * placement of the number. Kept from batch to batch like the numbers (they depend on the log, the
   * measurer and the period only), so a batch's first meeting of a number makes no key and looks
   * no record up; at most {@value #KEY_ARRAYS} measurers × periods, then afresh.
   */
  AtomicReferenceArray<MeasurementKey> recordsKeys(Measurer measurer, BillingPeriod period) {
    RecordsKeys[] known = recordsKeys;
    for (RecordsKeys k : known) {
      if (k.measurer == measurer && k.period == period) {
        return k.keys;
      }
    }
    synchronized (this) {
      known = recordsKeys;
      for (RecordsKeys k : known) {
        if (k.measurer == measurer && k.period.equals(period)) {
          return k.keys;
        }
      }
      RecordsKeys made = new RecordsKeys(measurer, period, new AtomicReferenceArray<>(size()));
      RecordsKeys[] more = known.length >= KEY_ARRAYS ? new RecordsKeys[1] : Arrays.copyOf(known, known.length + 1);
      more[more.length - 1] = made;
      recordsKeys = more;
      return made.keys;
    }
  }

  /** The most measurers × periods whose keys of records are kept. */
  static final int KEY_ARRAYS = 64;

  /** A measurer's and a period's keys of records, by number. */
  private record RecordsKeys(Measurer measurer, BillingPeriod period, AtomicReferenceArray<MeasurementKey> keys) {}

  /** The placement's number, in {@code [0, size())}. */
  int slotOf(Scope placement) {
    Table t = table;
    int mask = t.keys.length - 1;
    int start = spread(placement.hashCode()) & mask;
    // By identity first (scopes parsed from one path are one object), reading no other scope:
    // each one read on the way would be another miss of the CPU's caches.
    for (int i = start; ; i = (i + 1) & mask) {
      Scope k = t.keys[i];
      if (k == null) {
        break;
      }
      if (k == placement) {
        int kept = t.slots[i];
        if (kept != 0) {
          return kept - 1;
        }
        break; // its number is being written: work it out again
      }
    }
    Numbered n = numbered();
    int slot = n.size - 1;
    for (Scope s : placement.selfAndAncestors()) {
      Integer own = n.holders.get(s);
      if (own != null) {
        slot = own;
        break;
      }
    }
    keep(placement, slot);
    return slot;
  }

  /** Keeps a placement's number: in the table, grown (or made afresh past {@link #KEPT}) when half full. */
  private synchronized void keep(Scope placement, int slot) {
    Table t = table;
    if (t.size >= KEPT) {
      t = new Table(1 << 10);
      table = t;
    } else if (2 * (t.size + 1) > t.keys.length) {
      Table bigger = new Table(2 * t.keys.length);
      for (int i = 0; i < t.keys.length; i++) {
        if (t.keys[i] != null && t.slots[i] != 0) {
          bigger.put(t.keys[i], t.slots[i] - 1);
        }
      }
      t = bigger;
      table = t; // published filled
    }
    t.put(placement, slot);
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /**
   * Placements, by identity, and their numbers plus one (0: none yet), by linear probing; {@code
   * size} under the lock. An equal scope of another object has an entry of its own, of the same
   * number.
   */
  private static final class Table {
    final Scope[] keys;
    final int[] slots;
    int size;

    Table(int capacity) {
      keys = new Scope[capacity];
      slots = new int[capacity];
    }

    void put(Scope placement, int slot) {
      int mask = keys.length - 1;
      for (int i = spread(placement.hashCode()) & mask; ; i = (i + 1) & mask) {
        Scope k = keys[i];
        if (k == null) {
          slots[i] = slot + 1;
          keys[i] = placement;
          size++;
          return;
        }
        if (k == placement) {
          slots[i] = slot + 1;
          return;
        }
      }
    }
  }

  private Numbered numbered() {
    Numbered n = numbered;
    if (n == null) {
      n = Numbered.of(log);
      numbered = n; // two threads may number at once: both give the same numbers
    }
    return n;
  }

  /** The scopes holding records, numbered in the log's order; {@code size} counts the number for none. */
  private record Numbered(Map<Scope, Integer> holders, int size) {
    static Numbered of(OutageLog log) {
      Map<Scope, Integer> holders = new HashMap<>();
      for (Outage o : log.all()) {
        for (Scope s : o.scopes()) {
          holders.putIfAbsent(s, holders.size());
        }
      }
      return new Numbered(holders, holders.size() + 1);
    }
  }
}
