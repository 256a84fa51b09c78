package dev.amends.core.telemetry;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.scope.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threeten.extra.Interval;

/**
 * Telemetry samples, indexed by scope and time.
 *
 * <p>A placement is judged by the samples of its nearest scope that has any: its own scope if
 * measured, else its parent's, and so on up. Within one scope, samples must not overlap.
 * Immutable and thread-safe.
 */
public final class TelemetryLog {
  private static final TelemetryLog EMPTY = new TelemetryLog(Map.of());

  private final Map<Scope, List<TelemetrySample>> byScope;

  private TelemetryLog(Map<Scope, List<TelemetrySample>> byScope) {
    this.byScope = byScope;
  }

  /** The empty log. */
  public static TelemetryLog empty() {
    return EMPTY;
  }

  /**
   * A log of samples in any order.
   *
   * @param samples the samples, not null
   * @return the log, not null
   * @throws InvalidInputException naming {@code samples[i].window} if two samples of a scope overlap
   */
  public static TelemetryLog of(Collection<TelemetrySample> samples) {
    Checks.notNull("samples", samples);
    Map<Scope, List<Indexed>> lists = new HashMap<>();
    int i = 0;
    for (TelemetrySample s : samples) {
      Checks.notNull("samples[" + i + "]", s);
      lists.computeIfAbsent(s.scope(), k -> new ArrayList<>()).add(new Indexed(i, s));
      i++;
    }
    Map<Scope, List<TelemetrySample>> sorted = new HashMap<>();
    for (Map.Entry<Scope, List<Indexed>> e : lists.entrySet()) {
      List<Indexed> list = e.getValue();
      list.sort(Comparator.comparing((Indexed x) -> x.sample().window().getStart()).thenComparing(Indexed::index));
      List<TelemetrySample> out = new ArrayList<>(list.size());
      for (int k = 0; k < list.size(); k++) {
        TelemetrySample s = list.get(k).sample();
        if (k > 0 && s.window().getStart().isBefore(list.get(k - 1).sample().window().getEnd())) {
          // name the later of the two in input order, and the one it overlaps
          Indexed a = list.get(k - 1);
          Indexed b = list.get(k);
          Indexed later = a.index() > b.index() ? a : b;
          Indexed other = later == a ? b : a;
          throw InvalidInputException.of("samples[" + later.index() + "].window",
              "overlaps samples[" + other.index() + "] of scope " + e.getKey() + " " + other.sample().window(),
              later.sample().window());
        }
        out.add(s);
      }
      sorted.put(e.getKey(), List.copyOf(out));
    }
    return new TelemetryLog(Map.copyOf(sorted));
  }

  private record Indexed(int index, TelemetrySample sample) {}

  /**
   * The samples that judge a placement within a window: those of the placement's nearest
   * measured scope that overlap the window, in time order.
   *
   * @param placement the placement, not null
   * @param window the window, not null
   * @return the samples, possibly empty, not null
   */
  public List<TelemetrySample> samplesFor(Scope placement, Interval window) {
    for (Scope s : placement.selfAndAncestors()) {
      List<TelemetrySample> list = byScope.get(s);
      if (list != null) {
        return overlapping(list, window);
      }
    }
    return List.of();
  }

  /**
   * The scope whose samples judge a placement: the placement's nearest scope, itself or an
   * ancestor, that has any sample. Two placements with the same measured scope are judged by the
   * same samples.
   *
   * @param placement the placement, not null
   * @return the measured scope, empty if neither the placement nor an ancestor has samples
   */
  public Optional<Scope> measuredScope(Scope placement) {
    Checks.notNull("placement", placement);
    for (Scope s : placement.selfAndAncestors()) {
      if (byScope.containsKey(s)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static List<TelemetrySample> overlapping(List<TelemetrySample> list, Interval window) {
    int lo = 0;
    int hi = list.size();
    Instant from = window.getStart();
    while (lo < hi) { // first sample whose end is after the window's start
      int mid = (lo + hi) >>> 1;
      if (list.get(mid).window().getEnd().isAfter(from)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    List<TelemetrySample> out = new ArrayList<>();
    for (int k = lo; k < list.size() && list.get(k).window().getStart().isBefore(window.getEnd()); k++) {
      out.add(list.get(k));
    }
    return out;
  }
}
