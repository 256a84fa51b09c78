package dev.amends.core.outage;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threeten.extra.Interval;

/**
 * An immutable log of outage records, indexed by scope and time.
 *
 * <p>{@link #affecting(Collection, Interval)} finds the outages that touch a set of placements
 * within a window. It looks only at the placements' own scopes and their ancestors, and within
 * each scope binary-searches by start, so its cost grows with the number of matches (plus the
 * records of each scope that started within the longest outage's length before the window),
 * not with the size of the log.
 *
 * <pre>{@code
 * OutageLog log = OutageLog.of(List.of(firmware, gridWide));
 * log.affecting(Set.of(Scope.of("grid/cluster-2")), december.window());  // both
 * log.affecting(Set.of(Scope.of("grid/cluster-1")), december.window());  // gridWide only
 * }</pre>
 *
 * <p>Ids must be unique. Immutable and thread-safe.
 */
public final class OutageLog {
  private static final Comparator<Outage> BY_START =
      Comparator.comparing((Outage o) -> o.window().getStart()).thenComparing(Outage::id);
  private static final OutageLog EMPTY = new OutageLog(List.of(), Map.of(), Map.of());

  private final List<Outage> all;
  private final Map<String, Outage> byId;
  private final Map<Scope, ScopeIndex> byScope;

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
    return new OutageLog(List.copyOf(all), Map.copyOf(byId), Map.copyOf(byScope));
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
   * @param placements the placements, not null
   * @param window the window, not null
   * @return the records, each once, ordered by start, then id
   */
  public List<Outage> affecting(Collection<Scope> placements, Interval window) {
    Map<String, Outage> found = new LinkedHashMap<>();
    for (Scope placement : placements) {
      for (Scope s : placement.selfAndAncestors()) {
        ScopeIndex index = byScope.get(s);
        if (index != null) {
          index.collect(window, found);
        }
      }
    }
    List<Outage> out = new ArrayList<>(found.values());
    out.sort(BY_START);
    return out;
  }

  /** The outages of one scope, sorted by start, with the longest window's length. */
  private record ScopeIndex(Outage[] byStart, Instant[] starts, Duration longest) {
    static ScopeIndex of(List<Outage> list) {
      list.sort(BY_START);
      Outage[] arr = list.toArray(new Outage[0]);
      Instant[] starts = new Instant[arr.length];
      Duration longest = Duration.ZERO;
      for (int i = 0; i < arr.length; i++) {
        starts[i] = arr[i].window().getStart();
        Duration d = arr[i].window().toDuration();
        if (d.compareTo(longest) > 0) {
          longest = d;
        }
      }
      return new ScopeIndex(arr, starts, longest);
    }

    void collect(Interval window, Map<String, Outage> into) {
      Instant start = window.getStart();
      Instant from = start.isBefore(Instant.MIN.plus(longest)) ? Instant.MIN : start.minus(longest);
      int lo = 0;
      int hi = starts.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (starts[mid].isBefore(from)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int i = lo; i < byStart.length && starts[i].isBefore(window.getEnd()); i++) {
        Interval w = byStart[i].window();
        if (w.getEnd().isAfter(window.getStart()) && !w.isEmpty()) {
          into.putIfAbsent(byStart[i].id(), byStart[i]);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "OutageLog(" + all.size() + " records)";
  }
}
