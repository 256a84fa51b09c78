package dev.amends.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policies an engine applies, each with its versions. For any instant, at most one version
 * of each policy is in force; overlapping versions of one policy, or a version number used
 * twice, are rejected with every problem listed. Several policies (an SLA and a one-off goodwill
 * gesture, say) may be in force at once; each decides its own lines.
 *
 * <pre>{@code
 * PolicyBook book = PolicyBook.of(slaV1, slaV2, goodwill2007);
 * book.inForce(december.start());   // [goodwill-2007 v1, grid-sla v2]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicyBook {
  private final Map<String, List<Policy>> byId; // sorted by id; versions sorted by start
  private final List<Policy> all; // every version, by id and then start

  private PolicyBook(Map<String, List<Policy>> byId) {
    this.byId = byId;
    List<Policy> every = new ArrayList<>();
    byId.values().forEach(every::addAll);
    this.all = List.copyOf(every);
  }

  /**
   * A book of policy versions, in any order.
   *
   * @throws PolicyDefinitionException listing every overlap or repeated version
   */
  public static PolicyBook of(Policy... policies) {
    return of(List.of(policies));
  }

  /** As {@link #of(Policy...)}. */
  public static PolicyBook of(List<Policy> policies) {
    Map<String, List<Policy>> byId = new TreeMap<>();
    for (Policy p : policies) {
      byId.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p);
    }
    List<String> problems = new ArrayList<>();
    Map<String, List<Policy>> frozen = new TreeMap<>();
    for (Map.Entry<String, List<Policy>> e : byId.entrySet()) {
      List<Policy> versions = e.getValue();
      versions.sort(Comparator.comparing(Policy::effectiveFrom).thenComparingInt(Policy::version));
      for (int i = 0; i < versions.size(); i++) {
        for (int j = i + 1; j < versions.size(); j++) {
          Policy a = versions.get(i);
          Policy b = versions.get(j);
          if (a.version() == b.version()) {
            problems.add("policy " + a.id() + " has version " + a.version() + " twice");
          }
          if (a.effective().overlaps(b.effective())) {
            problems.add("policy " + a.id() + " v" + a.version() + " " + dev.amends.core.internal.Intervals.text(a.effective()) + " overlaps v"
                + b.version() + " " + dev.amends.core.internal.Intervals.text(b.effective()));
          }
        }
      }
      frozen.put(e.getKey(), List.copyOf(versions));
    }
    if (!problems.isEmpty()) {
      throw new PolicyDefinitionException("policy book", problems);
    }
    return new PolicyBook(java.util.Collections.unmodifiableMap(frozen));
  }

  /** Every version of every policy, by id and then start. */
  public List<Policy> policies() {
    return all;
  }

  /** The versions of one policy, by start. */
  public List<Policy> versions(String id) {
    return byId.getOrDefault(id, List.of());
  }

  /**
   * The version of each policy in force at an instant, ordered by policy id.
   *
   * @param at the instant, usually a billing period's start, not null
   * @return the policies in force, possibly none
   */
  public List<Policy> inForce(Instant at) {
    List<Policy> out = new ArrayList<>();
    for (List<Policy> versions : byId.values()) {
      for (Policy p : versions) {
        if (p.effective().contains(at)) {
          out.add(p);
          break;
        }
      }
    }
    return out;
  }
}
