package dev.amends.rules.engine;

import dev.amends.core.money.Allocation;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.rules.engine.Evaluation.CapMark;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.Money;

/**
 * Step 2d of the engine's data flow: one rounding per credit line, kept within the caps the
 * lines were cut to. Stateless.
 */
public final class CapRounding {
  private CapRounding() {}

  /**
   * Rounds each line once with the policy's rounding. Where the rounded lines of a cap group
   * would sum to more than the cap, or the cap cut the group (so that its lines sum to the cap's
   * amount, rounded once, not to a cent less), the group's exact total is rounded once instead (down, if
   * the policy's mode would take it over the limit) and split over its lines by their exact
   * amounts with {@link Allocation} (largest remainder, in the currency's minor unit, so a
   * coarser rounding increment holds for the group's total but not for each of its lines), so
   * that the cents never exceed the cap.
   * Inner groups are settled before the outer groups that contain them.
   */
  public static List<Money> roundWithinCaps(List<PendingLine> lines, Rounding rounding, boolean[] regrouped) {
    if (lines.size() == 1) {
      List<Money> one = oneLine(lines.get(0), rounding, regrouped);
      if (one != null) {
        return one;
      }
    }
    return inGroups(lines, rounding, regrouped);
  }

  /**
   * {@link #roundWithinCaps} for one line under at most one cap, with no group to build: the
   * line rounded once, or, when that takes it over its cap, its amount rounded down (as
   * {@link #inGroups} rounds and splits a group of one). Null for any other line, which {@link
   * #inGroups} rounds.
   */
  static List<Money> oneLine(PendingLine line, Rounding rounding, boolean[] regrouped) {
    Money rounded = line.amount().rounded(rounding);
    List<CapMark> caps = line.caps();
    if (caps.isEmpty()) {
      return List.of(rounded);
    }
    if (caps.size() > 1) {
      return null;
    }
    ExactMoney limit = caps.get(0).limit();
    if (!limit.currency().equals(rounded.getCurrencyUnit())) {
      return null; // the groups' sums refuse to mix currencies
    }
    if (ExactMoney.of(rounded).compareTo(limit) <= 0 || line.amount().isZero()) {
      // within the cap; and a line that was cut already sums to its exact amount rounded once
      return List.of(rounded);
    }
    return null; // over the cap once rounded: rare, settled as a group
  }

  /** {@link #roundWithinCaps} for any lines: each group of a cap settled, inner groups first. */
  static List<Money> inGroups(List<PendingLine> lines, Rounding rounding, boolean[] regrouped) {
    Money[] out = new Money[lines.size()];
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    Map<String, ExactMoney> limits = new HashMap<>();
    Set<String> cutGroups = new java.util.HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      out[i] = lines.get(i).amount().rounded(rounding);
      for (CapMark mark : lines.get(i).caps()) {
        groups.computeIfAbsent(mark.group(), k -> new ArrayList<>()).add(i);
        limits.put(mark.group(), mark.limit());
        if (mark.cut()) {
          cutGroups.add(mark.group());
        }
      }
    }
    List<String> order = new ArrayList<>(groups.keySet());
    order.sort(Comparator.comparingInt(g -> groups.get(g).size())); // inner groups are subsets: smaller first
    for (String group : order) {
      List<Integer> members = groups.get(group);
      ExactMoney limit = limits.get(group);
      Money sum = Money.zero(limit.currency());
      ExactMoney exact = ExactMoney.zero(limit.currency());
      List<Ratio> weights = new ArrayList<>();
      for (int i : members) {
        sum = sum.plus(out[i]);
        exact = exact.plus(lines.get(i).amount());
        weights.add(lines.get(i).amount().amount());
      }
      boolean over = ExactMoney.of(sum).compareTo(limit) > 0;
      if ((!over && !cutGroups.contains(group)) || exact.isZero()) {
        continue;
      }
      Money total = exact.rounded(rounding);
      if (ExactMoney.of(total).compareTo(limit) > 0) {
        total = exact.rounded(rounding.increment()
            .map(step -> Rounding.of(RoundingMode.DOWN, step))
            .orElse(Rounding.of(RoundingMode.DOWN)));
      }
      if (!over && total.equals(sum)) {
        continue; // a cut group whose lines already sum to its total rounded once
      }
      List<Money> parts = Allocation.allocate(total, weights);
      for (int k = 0; k < members.size(); k++) {
        out[members.get(k)] = parts.get(k);
        regrouped[members.get(k)] = true;
      }
    }
    return List.of(out);
  }
}
