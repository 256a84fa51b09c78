package dev.amends.core.outage;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.scope.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.threeten.extra.Interval;

/**
 * An immutable log of outage records, indexed by scope and time.
 *
 * <p>{@link #affecting(Collection, Interval)} finds the outages that touch a set of placements
 * within a window. It looks only at the placements' own scopes and their ancestors, and within
 * each scope searches a tree of the records sorted by start that knows the latest end under
 * each node, so its cost is {@code O((k + 1) log n)} for {@code k} matches among a scope's
 * {@code n} records, however long or nested the outages are; one very long outage does not
 * make every look-up scan the records that started during it.
 *
 * <pre>{@code
 * OutageLog log = OutageLog.of(List.of(firmware, gridWide));
 * log.affecting(Set.of(Scope.of("grid/cluster-2")), december.window());  // both
 * log.affecting(Set.of(Scope.of("grid/cluster-1")), december.window());  // gridWide only
 * }</pre>
 *
 * <p>Ids must be unique. Immutable and thread-safe: the only state it adds after it is built is,
 * for each placement looked up alone, an index of the records of its scope and ancestors (a
 * bounded cache that changes no answer).
 */
public final class OutageLog {
  private static final Comparator<Outage> BY_START =
      Comparator.comparing((Outage o) -> o.window().getStart()).thenComparing(Outage::id);
  /** The most placements whose chain of records is kept. */
  static final int CHAINS = 65536;
  private static final OutageLog EMPTY = new OutageLog(List.of(), Map.of(), Map.of());

  private final List<Outage> all;
  private final Map<String, Outage> byId;
  private final Map<Scope, ScopeIndex> byScope;
  /** Per placement looked up alone, the index of its scope and ancestors; see {@link #chainOf}. */
  private final ConcurrentHashMap<Scope, ScopeIndex> chains = new ConcurrentHashMap<>();

  private OutageLog(List<Outage> all, Map<String, Outage> byId, Map<Scope, ScopeIndex> byScope) {
    this.all = all;
    this.byId = byId;
    this.byScope = byScope;
  }

  /** The empty log. */
  public static OutageLog empty() {
    return EMPTY;
  }

  /**
   * A log of the given records.
   *
   * @param outages the records, in any order, not null
   * @return the log, not null
   * @throws InvalidInputException naming {@code outages[i].id} if an id repeats
   */
  public static OutageLog of(Collection<Outage> outages) {
    Checks.notNull("outages", outages);
    Map<String, Outage> byId = new LinkedHashMap<>();
    Map<Scope, List<Outage>> lists = new HashMap<>();
    int i = 0;
    for (Outage o : outages) {
      Checks.notNull("outages[" + i + "]", o);
      if (byId.putIfAbsent(o.id(), o) != null) {
        throw InvalidInputException.of("outages[" + i + "].id", "is not unique in the log", o.id());
      }
      for (Scope s : o.scopes()) {
        lists.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
      }
      i++;
    }
    Map<Scope, ScopeIndex> byScope = new HashMap<>();
    lists.forEach((scope, list) -> byScope.put(scope, ScopeIndex.of(list)));
    List<Outage> all = new ArrayList<>(byId.values());
    all.sort(BY_START);
    // HashMap rather than Map.copyOf: the JDK's immutable maps probe linearly, and ids such as
    // INC-1, INC-2, ... have neighbouring hash codes, which makes every look-up scan long runs.
    // Plain maps, never handed out nor changed after this: no read-only wrapper in each look-up.
    return new OutageLog(List.copyOf(all), new HashMap<>(byId), byScope);
  }

  /** Every record, ordered by start, then id. */
  public List<Outage> all() {
    return all;
  }

  /** The number of records. */
  public int size() {
    return all.size();
  }

  /** The record with an id. */
  public Optional<Outage> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The records that affect any of the placements and overlap the window.
   *
   * <p>A record affects a placement if one of its scopes is the placement or an ancestor of it.
   * A record overlaps the window if they share at least one instant; a record that ends exactly
   * at the window's start does not.
   *
   * <p>For a single placement, when every record of its scope and ancestors overlaps the window
   * (a log of one month looked up for that month), the list returned is a read-only view of those
   * records, shared by every such look-up: nothing is copied. Likewise when several placements
   * find records in one scope only.
   *
   * @param placements the placements, not null
   * @param window the window, not null
   * @return the records, each once, ordered by start, then id; read-only
   */
  public List<Outage> affecting(Collection<Scope> placements, Interval window) {
    Checks.notNull("placements", placements);
    Checks.notNull("window", window);
    if (placements.size() == 1) {
      Scope placement = placements.iterator().next();
      Checks.notNull("placements[0]", placement);
      if (byScope.isEmpty()) {
        return List.of();
      }
      ScopeIndex chain = chainOf(placement);
      if (chain.allOverlap(window)) {
        return chain.view();
      }
      List<Outage> out = new ArrayList<>();
      chain.collect(window, out);
      return Collections.unmodifiableList(out);
    }
    ScopeIndex only = null;
    int i = 0;
    int indexes = 0;
    for (Scope placement : placements) {
      if (placement == null) {
        Checks.notNull("placements[" + i + "]", placement); // the field's name built only to fail
      }
      i++;
      for (Scope s : placement.selfAndAncestors()) {
        ScopeIndex index = byScope.get(s);
        if (index != null) {
          only = index;
          indexes++;
        }
      }
    }
    if (indexes == 0) {
      return List.of();
    }
    if (indexes == 1 && only.allOverlap(window)) {
      return only.view();
    }
    List<Outage> out = new ArrayList<>();
    for (Scope placement : placements) {
      for (Scope s : placement.selfAndAncestors()) {
        ScopeIndex index = byScope.get(s);
        if (index != null) {
          index.collect(window, out);
        }
      }
    }
    if (out.size() > 1) {
      out.sort(BY_START);
      if (indexes > 1) {
        // A record under two of the scopes looked at was found twice: ordered by start, then id,
        // its copies are neighbours. One scope's index holds each record once.
        int kept = 1;
        for (int k = 1; k < out.size(); k++) {
          if (out.get(k) != out.get(kept - 1)) {
            out.set(kept++, out.get(k));
          }
        }
        out.subList(kept, out.size()).clear();
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The records of a placement's scope and its ancestors, each once, in one index: built on the
   * first look-up of the placement and kept (up to {@link #CHAINS} placements, then afresh), so
   * that the look-ups of a batch, placement after placement, search one index each and need no
   * sort.
   */
  private ScopeIndex chainOf(Scope placement) {
    ScopeIndex chain = chains.get(placement);
    if (chain == null) {
      List<Outage> records = new ArrayList<>();
      int found = 0;
      for (Scope s : placement.selfAndAncestors()) {
        ScopeIndex index = byScope.get(s);
        if (index != null) {
          records.addAll(index.view());
          found++;
        }
      }
      if (found > 1) {
        // A record on two of the chain's scopes is in both their indexes: keep it once.
        Set<Outage> once = Collections.newSetFromMap(new IdentityHashMap<>());
        records.removeIf(o -> !once.add(o));
      }
      chain = ScopeIndex.of(records);
      if (chains.size() >= CHAINS) {
        chains.clear();
      }
      chains.putIfAbsent(placement, chain);
    }
    return chain;
  }

  /**
   * The outages of one scope sorted by start, with an implicit binary tree over that order
   * (node {@code [lo, hi)} splits at {@code (lo + hi) / 2}) holding the latest end under each
   * node, so a look-up skips every subtree that ends before the window or starts after it.
   */
  private record ScopeIndex(Outage[] byStart, Instant[] maxEnd, Instant minEnd, boolean noneEmpty, List<Outage> view) {
    static ScopeIndex of(List<Outage> list) {
      list.sort(BY_START);
      Outage[] arr = list.toArray(new Outage[0]);
      Instant[] maxEnd = new Instant[Math.max(1, 4 * arr.length)];
      if (arr.length > 0) {
        build(arr, maxEnd, 1, 0, arr.length);
      }
      Instant minEnd = Instant.MAX;
      boolean noneEmpty = true;
      for (Outage o : arr) {
        minEnd = o.window().getEnd().isBefore(minEnd) ? o.window().getEnd() : minEnd;
        noneEmpty &= !o.window().isEmpty();
      }
      return new ScopeIndex(arr, maxEnd, minEnd, noneEmpty, Collections.unmodifiableList(Arrays.asList(arr)));
    }

    /** Whether every record of the scope overlaps the window (and none is empty): then {@link #view()} is the answer. */
    boolean allOverlap(Interval window) {
      return noneEmpty && byStart.length > 0 && minEnd.isAfter(window.getStart())
          && byStart[byStart.length - 1].window().getStart().isBefore(window.getEnd());
    }

    private static Instant build(Outage[] arr, Instant[] maxEnd, int node, int lo, int hi) {
      Instant end;
      if (hi - lo == 1) {
        end = arr[lo].window().getEnd();
      } else {
        int mid = (lo + hi) >>> 1;
        Instant left = build(arr, maxEnd, 2 * node, lo, mid);
        Instant right = build(arr, maxEnd, 2 * node + 1, mid, hi);
        end = left.isAfter(right) ? left : right;
      }
      maxEnd[node] = end;
      return end;
    }

    void collect(Interval window, List<Outage> into) {
      if (byStart.length > 0) {
        collect(window, into, 1, 0, byStart.length);
      }
    }

    private void collect(Interval window, List<Outage> into, int node, int lo, int hi) {
      // Nothing under this node ends after the window starts, or everything starts at or after its end.
      if (!maxEnd[node].isAfter(window.getStart()) || !byStart[lo].window().getStart().isBefore(window.getEnd())) {
        return;
      }
      if (hi - lo == 1) {
        Interval w = byStart[lo].window();
        if (!w.isEmpty()) {
          into.add(byStart[lo]);
        }
        return;
      }
      int mid = (lo + hi) >>> 1;
      collect(window, into, 2 * node, lo, mid);
      collect(window, into, 2 * node + 1, mid, hi);
    }
  }

  @Override
  public String toString() {
    return "OutageLog(" + all.size() + " records)";
  }
}
