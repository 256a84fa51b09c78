package dev.amends.rules;

import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A checked, ordered list of tiers with the lookup both tier rules share. */
final class TierTable {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private final List<Tier> tiers; // ascending by lower bound

  TierTable(List<Tier> tiers) {
    List<Tier> sorted = new ArrayList<>(tiers);
    sorted.sort(Comparator.comparing(Tier::lower).thenComparing(Tier::upper));
    this.tiers = List.copyOf(sorted);
  }

  List<Tier> tiers() {
    return tiers;
  }

  /** Gaps, overlaps, empty or out-of-range tiers, negative values. */
  void check(String path, List<String> problems) {
    if (tiers.isEmpty()) {
      problems.add(path + ".tiers must not be empty");
      return;
    }
    for (int i = 0; i < tiers.size(); i++) {
      Tier t = tiers.get(i);
      String at = path + ".tiers" + t.range();
      int c = t.lower().compareTo(t.upper());
      if (c > 0 || (c == 0 && !(t.lowerInclusive() && t.upperInclusive()))) {
        problems.add(at + " is empty: lower " + Tier.plain(t.lower()) + " must be below upper " + Tier.plain(t.upper()));
      }
      if (t.lower().signum() < 0 || t.upper().compareTo(HUNDRED) > 0) {
        problems.add(at + " must lie within [0, 100]");
      }
      if (t.value().signum() < 0) {
        problems.add(at + ".value must not be negative: " + t.value().toPlainString());
      }
      if (i > 0) {
        Tier p = tiers.get(i - 1);
        int d = p.upper().compareTo(t.lower());
        if (d < 0) {
          problems.add(path + ".tiers have a gap between " + p.range() + " and " + t.range());
        } else if (d > 0 || (p.upperInclusive() && t.lowerInclusive())) {
          problems.add(path + ".tiers overlap: " + p.range() + " and " + t.range());
        }
      }
    }
  }

  /** The tier holding the availability. */
  Optional<Tier> find(Ratio availability) {
    return tiers.stream().filter(t -> t.contains(availability)).findFirst();
  }

  /** True if availability sits exactly on an interior bound that neither neighbour includes. */
  boolean onUnmappedBoundary(Ratio availability) {
    for (int i = 1; i < tiers.size(); i++) {
      Tier p = tiers.get(i - 1);
      Tier t = tiers.get(i);
      if (!p.upperInclusive() && !t.lowerInclusive() && availability.compareToPercent(t.lower()) == 0) {
        return true;
      }
    }
    return false;
  }

  /** The top of the table: availability at or above it is outside every tier. */
  Tier top() {
    return tiers.get(tiers.size() - 1);
  }

  String canonical() {
    return tiers.stream().map(Tier::toString).collect(Collectors.joining(";", "[", "]"));
  }
}
