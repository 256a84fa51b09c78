package dev.amends.rules;

import dev.amends.rules.internal.Texts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The checks of a tier rule's table, made when the rule and its policy are built. */
final class Tiers {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private Tiers() {}

  /**
   * The tiers, ascending by lower bound then upper bound, as an immutable list.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code field} (with the index of a null
   *     tier) when the list or a tier is null
   */
  static List<Tier> sorted(String field, List<Tier> tiers) {
    dev.amends.core.internal.Checks.notNull(field, tiers);
    for (int i = 0; i < tiers.size(); i++) {
      dev.amends.core.internal.Checks.notNull(field + "[" + i + "]", tiers.get(i));
    }
    List<Tier> sorted = new ArrayList<>(tiers);
    sorted.sort(Comparator.comparing(Tier::lower).thenComparing(Tier::upper));
    return List.copyOf(sorted);
  }

  /**
   * Gaps, overlaps, empty or out-of-range tiers, negative values. Every pair of tiers that shares
   * an availability is an overlap, adjacent or not (a wide tier can swallow several narrow ones);
   * a gap is availability between the reach of all lower tiers and the next tier's lower bound.
   * Two tiers that meet at a bound neither includes are neither: that bound is mapped to no tier
   * and flagged when it occurs (when it occurs, by the engine).
   */
  static void check(String path, List<Tier> tiers, List<String> problems) {
    if (tiers.isEmpty()) {
      problems.add(path + ".tiers must not be empty");
      return;
    }
    List<Tier> nonEmpty = new ArrayList<>();
    for (Tier t : tiers) {
      String at = path + ".tiers" + t.range();
      int c = t.lower().compareTo(t.upper());
      boolean empty = c > 0 || (c == 0 && !(t.lowerInclusive() && t.upperInclusive()));
      if (empty) {
        problems.add(at + " is empty: lower " + Texts.plain(t.lower()) + " must be below upper " + Texts.plain(t.upper()));
      } else {
        nonEmpty.add(t);
      }
      if (t.lower().signum() < 0 || t.upper().compareTo(HUNDRED) > 0) {
        problems.add(at + " must lie within [0, 100]");
      }
      if (t.value().signum() < 0) {
        problems.add(at + ".value must not be negative: " + t.value().toPlainString());
      }
    }
    Tier reach = null; // the tier reaching highest among those seen so far
    for (int i = 0; i < nonEmpty.size(); i++) {
      Tier t = nonEmpty.get(i);
      for (int j = 0; j < i; j++) {
        Tier p = nonEmpty.get(j);
        // p.lower <= t.lower (sorted): they share availability iff t starts inside p.
        int d = t.lower().compareTo(p.upper());
        if (d < 0 || (d == 0 && p.upperInclusive() && t.lowerInclusive())) {
          problems.add(path + ".tiers overlap: " + p.range() + " and " + t.range());
        }
      }
      if (reach != null) {
        if (reach.upper().compareTo(t.lower()) < 0) {
          problems.add(path + ".tiers have a gap between " + reach.range() + " and " + t.range());
        }
      }
      if (reach == null || t.upper().compareTo(reach.upper()) > 0
          || (t.upper().compareTo(reach.upper()) == 0 && t.upperInclusive() && !reach.upperInclusive())) {
        reach = t;
      }
    }
  }
}
