package dev.amends.rules.engine;

import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.Measurer;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.threeten.extra.Interval;

/**
 * The front level of {@link SharedMeasurements} for the common case: a subscription on one
 * placement, active over the whole period (widened by the rules' minimum downtime). Its {@code
 * MeasurementKey} is then the measurer, the period, the period's widened window as the clip and
 * the placement, so two such subscriptions with the same measurer, an equal period and the same
 * placement have equal keys, hence the same shared measurement. This level finds that
 * measurement without building the key: one group per measurer and period (a few per batch,
 * found by identity), each an open-addressing table keyed by the placement's identity ({@link
 * Scope#of} interns), key and value side by side in one array, so a hit reads one slot of a
 * small table. A scope equal to a kept one but not the same object misses here and is answered
 * by the levels behind, so answers cannot change.
 *
 * <p>Thread-safe: a slot's key is claimed by compare-and-set and never changes while its table
 * is in use, and its value is published after it; a reader that sees the key without the value
 * takes it as a miss. Bounded: past {@code capacity} entries in all, it starts afresh; a table
 * at half full is copied into one twice its size (a put racing the copy may be lost, which costs
 * only a later miss).
 */
final class OnePlacementFront {
  /** More groups than this (measurers × periods in one batch) are not kept here. */
  static final int MAX_GROUPS = 16;
  private static final int FIRST_PAIRS = 1 << 10;
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

  private final int capacity;
  /** The groups kept now; replaced, never changed in place. */
  private volatile Front front = new Front(new Group[0]);

  OnePlacementFront(int capacity) {
    this.capacity = capacity;
  }

  /**
   * The group of a subscription's measurement when this level can answer it (one placement,
   * active over the whole widened period), else null. The group is made if missing.
   */
  Group groupOf(Measurer measurer, Subscription sub, BillingPeriod period) {
    Front f = front;
    Group g = f.find(measurer, period);
    if (g == null) {
      g = add(f, measurer, period);
      if (g == null) {
        return null;
      }
    }
    Interval active = sub.active();
    if (active.getStart().isAfter(g.from) || active.getEnd().isBefore(g.to)) {
      return null; // the clip is not the widened period
    }
    return g;
  }

  /** The one placement of a subscription, or null when it has several. */
  static Scope onlyPlacement(Subscription sub) {
    Set<Scope> placements = sub.placements();
    return placements.size() == 1 ? placements.iterator().next() : null;
  }

  /** The measurement kept for {@code scope} in the group, or null. */
  Measurement get(Group g, Scope scope) {
    Object[] t = g.slots;
    int mask = (t.length >> 1) - 1;
    int i = spread(scope.hashCode()) & mask;
    for (int n = 0; n <= mask; n++) {
      Object k = SLOTS.getAcquire(t, i << 1);
      if (k == null) {
        return null;
      }
      if (k == scope) {
        return (Measurement) SLOTS.getAcquire(t, (i << 1) + 1);
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  /** Keeps {@code m} for {@code scope} in the group unless one is kept; starts afresh when full. */
  void put(Group g, Scope scope, Measurement m) {
    Front f = front;
    if (f.size.get() >= capacity) {
      front = new Front(new Group[0]);
      return; // the group belongs to the dropped front
    }
    Object[] t = g.slots;
    int mask = (t.length >> 1) - 1;
    int i = spread(scope.hashCode()) & mask;
    for (int n = 0; n <= mask; n++) {
      Object k = SLOTS.getAcquire(t, i << 1);
      if (k == null) {
        if (SLOTS.compareAndSet(t, i << 1, null, scope)) {
          SLOTS.setRelease(t, (i << 1) + 1, m);
          f.size.incrementAndGet();
          if (g.size.incrementAndGet() * 2 > mask + 1) {
            grow(g, t);
          }
          return;
        }
        k = SLOTS.getAcquire(t, i << 1); // another thread claimed it: its key now
      }
      if (k == scope) {
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** How many measurements are kept now, in all groups. */
  int size() {
    return front.size.get();
  }

  private synchronized Group add(Front f, Measurer measurer, BillingPeriod period) {
    if (front != f) {
      Group g = front.find(measurer, period);
      if (g != null || front.groups.length >= MAX_GROUPS) {
        return g;
      }
      f = front;
    }
    Group g = f.find(measurer, period);
    if (g != null || f.groups.length >= MAX_GROUPS) {
      return g;
    }
    g = new Group(measurer, period);
    Group[] more = Arrays.copyOf(f.groups, f.groups.length + 1);
    more[f.groups.length] = g;
    Front next = new Front(more);
    next.size.set(f.size.get());
    front = next;
    return g;
  }

  private static void grow(Group g, Object[] old) {
    synchronized (g) {
      if (g.slots != old) {
        return;
      }
      int pairs = old.length; // twice the pairs of the old table
      Object[] t = new Object[pairs << 1];
      int mask = pairs - 1;
      int kept = 0;
      for (int j = 0; j < old.length; j += 2) {
        Object k = SLOTS.getAcquire(old, j);
        Object v = k == null ? null : SLOTS.getAcquire(old, j + 1);
        if (v == null) {
          continue;
        }
        int i = spread(k.hashCode()) & mask;
        while (t[i << 1] != null) {
          i = (i + 1) & mask;
        }
        t[i << 1] = k;
        t[(i << 1) + 1] = v;
        kept++;
      }
      g.size.set(kept);
      g.slots = t; // volatile: publishes the copy
    }
  }

  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The groups of one generation and how many measurements they keep in all. */
  private static final class Front {
    final Group[] groups;
    final AtomicInteger size = new AtomicInteger();

    Front(Group[] groups) {
      this.groups = groups;
    }

    Group find(Measurer measurer, BillingPeriod period) {
      for (Group g : groups) {
        if (g.measurer == measurer && g.period == period) {
          return g;
        }
      }
      for (Group g : groups) {
        if (g.measurer == measurer && g.period.equals(period)) {
          return g;
        }
      }
      return null;
    }
  }

  /** One measurer's and one period's measurements by placement. */
  static final class Group {
    final Measurer measurer;
    final BillingPeriod period;
    /** The period widened by the rules' minimum downtime: the clip of a subscription active over it. */
    final Instant from;
    final Instant to;
    volatile Object[] slots = new Object[FIRST_PAIRS << 1];
    final AtomicInteger size = new AtomicInteger();

    Group(Measurer measurer, BillingPeriod period) {
      this.measurer = measurer;
      this.period = period;
      Duration minimum = measurer.rules().minimumDowntime();
      this.from = period.start().minus(minimum);
      this.to = period.end().plus(minimum);
    }
  }
}
