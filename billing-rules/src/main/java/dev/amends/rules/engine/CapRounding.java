package dev.amends.rules.engine;

import dev.amends.core.money.internal.MoneyInternals;
import dev.amends.core.money.Allocation;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
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
   * Inner groups are settled before the outer groups that contain them, and settling an outer group
   * never takes an inner group it holds above that inner group's exact limit: where the split would
   * (a sub-cent limit, as a percent cap has, whose group was rounded down), the outer group's spare
   * minor units go only to lines whose inner groups have room, and a unit that fits nowhere is not
   * given (see {@link #allocateWithin}). So every group's rounded lines sum to no more than its exact
   * limit; where no inner group would go over, the split is {@link Allocation}'s, as before.
   */
  public static List<Money> roundWithinCaps(List<PendingLine> lines, Rounding rounding, boolean[] regrouped) {
    if (lines.isEmpty()) {
      return List.of();
    }
    Acc acc = Acc.of(lines, lines.get(0).amount().currency());
    round(acc, rounding);
    return results(acc, regrouped);
  }

  /**
   * {@link #roundWithinCaps} over the lines of an accumulator, in place: each line's rounded
   * amount and whether it was rounded with its cap group are written into {@code acc} ({@link
   * Acc#rounded(int)}, {@link Acc#regrouped(int)}), with no object per line for a line within at
   * most one cap.
   */
  static void round(Acc acc, Rounding rounding) {
    acc.roundingRoom();
    if (acc.size() == 1 && oneLine(acc, 0, rounding)) {
      return;
    }
    inGroups(acc, rounding);
  }

  /** The rounded amounts of {@code acc}, with its regrouped flags copied into {@code regrouped}. */
  private static List<Money> results(Acc acc, boolean[] regrouped) {
    Money[] out = new Money[acc.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = acc.rounded(i);
      regrouped[i] |= acc.regrouped(i);
    }
    return List.of(out);
  }

  /** {@link #oneLine(Acc, int, Rounding)} for one line built elsewhere: its amount, or null. */
  static List<Money> oneLine(PendingLine line, Rounding rounding, boolean[] regrouped) {
    Acc acc = Acc.of(List.of(line), line.amount().currency());
    acc.roundingRoom();
    return oneLine(acc, 0, rounding) ? results(acc, regrouped) : null;
  }

  /**
   * {@link #roundWithinCaps} for one line under at most one cap, with no group to build: the
   * line rounded once, or, when that takes it over its cap, its amount rounded down (as
   * {@link #inGroups} rounds and splits a group of one). False, writing nothing, for any other
   * line, which {@link #inGroups} rounds.
   */
  static boolean oneLine(Acc acc, int i, Rounding rounding) {
    ExactMoney amount = acc.amount(i);
    int cap = acc.cap(i);
    if (cap == Acc.NO_CAP) {
      acc.rounded(i, amount.rounded(rounding));
      return true;
    }
    if (acc.markInner(cap) != Acc.NO_CAP) {
      return false;
    }
    ExactMoney limit = acc.markLimit(cap);
    if (!limit.currency().equals(amount.currency())) {
      return false; // the groups' sums refuse to mix currencies
    }
    // rounded <= limit, compared in longs where they fit, without the rounded money's exact value
    if (MoneyInternals.compareRounded(amount, rounding, limit) <= 0 || amount.isZero()) {
      // within the cap; and a line that was cut already sums to its exact amount rounded once
      acc.rounded(i, amount.rounded(rounding));
      return true;
    }
    return false; // over the cap once rounded: rare, settled as a group
  }

  /** {@link #inGroups(Acc, Rounding)} for lines built elsewhere. */
  static List<Money> inGroups(List<PendingLine> lines, Rounding rounding, boolean[] regrouped) {
    if (lines.isEmpty()) {
      return List.of();
    }
    Acc acc = Acc.of(lines, lines.get(0).amount().currency());
    acc.roundingRoom();
    inGroups(acc, rounding);
    return results(acc, regrouped);
  }

  /** {@link #roundWithinCaps} for any lines: each group of a cap settled, inner groups first. */
  static void inGroups(Acc acc, Rounding rounding) {
    int n = acc.size();
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    Map<String, ExactMoney> limits = new HashMap<>();
    Set<String> cutGroups = new java.util.HashSet<>();
    int[] chain = new int[4];
    for (int i = 0; i < n; i++) {
      acc.rounded(i, acc.amount(i).rounded(rounding));
      int depth = 0; // the line's marks, outermost first
      for (int m = acc.cap(i); m != Acc.NO_CAP; m = acc.markInner(m)) {
        if (depth == chain.length) {
          chain = Arrays.copyOf(chain, depth * 2);
        }
        chain[depth++] = m;
      }
      for (int d = depth - 1; d >= 0; d--) { // innermost first
        int mark = chain[d];
        String group = acc.markGroup(mark);
        groups.computeIfAbsent(group, k -> new ArrayList<>()).add(i);
        limits.put(group, acc.markLimit(mark));
        if (acc.markCut(mark)) {
          cutGroups.add(group);
        }
      }
    }
    List<String> order = new ArrayList<>(groups.keySet());
    order.sort(Comparator.comparingInt(g -> groups.get(g).size())); // inner groups are subsets: smaller first
    List<List<Integer>> settled = new ArrayList<>(); // the groups settled so far
    List<ExactMoney> settledLimits = new ArrayList<>();
    for (String group : order) {
      List<Integer> members = groups.get(group);
      ExactMoney limit = limits.get(group);
      settle(members, acc, limit, cutGroups.contains(group), settled, settledLimits, rounding);
      settled.add(members);
      settledLimits.add(limit);
    }
  }

  /** Settles one group whose inner groups are settled: its lines rounded one by one, or its total split. */
  private static void settle(List<Integer> members, Acc acc, ExactMoney limit,
      boolean cut, List<List<Integer>> settled, List<ExactMoney> settledLimits, Rounding rounding) {
    Money sum = Money.zero(limit.currency());
    ExactMoney exact = ExactMoney.zero(limit.currency());
    List<Ratio> weights = new ArrayList<>();
    for (int i : members) {
      sum = sum.plus(acc.rounded(i));
      exact = exact.plus(acc.amount(i));
      weights.add(acc.amount(i).amount());
    }
    boolean over = ExactMoney.of(sum).compareTo(limit) > 0;
    if ((!over && !cut) || exact.isZero()) {
      return;
    }
    Money total = exact.rounded(rounding);
    if (ExactMoney.of(total).compareTo(limit) > 0) {
      total = exact.rounded(rounding.increment()
          .map(step -> Rounding.of(RoundingMode.DOWN, step))
          .orElse(Rounding.of(RoundingMode.DOWN)));
    }
    if (!over && total.equals(sum)) {
      return; // a cut group whose lines already sum to its total rounded once
    }
    List<Money> parts = Allocation.allocate(total, weights);
    List<int[]> blocks = new ArrayList<>();
    List<Long> ceilings = new ArrayList<>();
    boolean overABlock = false;
    for (int b = 0; b < settled.size(); b++) {
      List<Integer> inner = settled.get(b);
      if (!members.containsAll(inner)) {
        continue; // a group beside this one, not inside it
      }
      int[] positions = new int[inner.size()];
      long given = 0;
      for (int k = 0; k < inner.size(); k++) {
        positions[k] = members.indexOf(inner.get(k));
        given += parts.get(positions[k]).getAmountMinorLong();
      }
      ExactMoney innerLimit = settledLimits.get(b); // the most it may give: its limit's floor in minor units
      long ceiling = innerLimit.amount().multipliedBy(Ratio.of(BigDecimal.ONE.movePointRight(
          innerLimit.currency().getDecimalPlaces()))).floor().longValueExact();
      blocks.add(positions);
      ceilings.add(ceiling);
      overABlock |= given > ceiling;
    }
    if (overABlock && total.isPositive()) {
      parts = allocateWithin(total, weights, blocks, ceilings);
    }
    for (int k = 0; k < members.size(); k++) {
      acc.rounded(members.get(k), parts.get(k));
      acc.markRegrouped(members.get(k));
    }
  }

  /**
   * Splits a positive {@code total} by weight as {@link Allocation} does (each part the floor of its
   * share in minor units, the units left over one each to the largest remainders, ties to the earlier
   * part), but keeping each block of parts (an inner group settled before) within its ceiling (that
   * group's exact limit rounded down to the minor unit): a block whose floors already exceed its
   * ceiling gives back units from its smallest remainders first, innermost blocks first; a unit left
   * over goes only to a part all of whose blocks have room, and a unit that fits nowhere is not
   * given, so the parts may sum to less than {@code total}.
   */
  static List<Money> allocateWithin(Money total, List<Ratio> weights, List<int[]> blocks, List<Long> ceilings) {
    int n = weights.size();
    Ratio sum = Ratio.sum(weights);
    long minor = total.getAmountMinorLong();
    long[] parts = new long[n];
    Ratio[] remainders = new Ratio[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      Ratio share = weights.get(i).dividedBy(sum).multipliedBy(minor);
      parts[i] = share.floor().longValueExact();
      remainders[i] = share.minus(Ratio.of(parts[i]));
      given += parts[i];
    }
    for (int b = 0; b < blocks.size(); b++) { // blocks are listed innermost first
      int[] block = blocks.get(b);
      long excess = -ceilings.get(b);
      for (int i : block) {
        excess += parts[i];
      }
      while (excess > 0) {
        int least = -1;
        for (int i : block) {
          if (parts[i] > 0 && (least < 0 || remainders[i].compareTo(remainders[least]) <= 0)) {
            least = i;
          }
        }
        parts[least]--;
        remainders[least] = remainders[least].plus(Ratio.ONE);
        given--;
        excess--;
      }
    }
    Integer[] byRemainder = new Integer[n];
    for (int i = 0; i < n; i++) {
      byRemainder[i] = i;
    }
    Arrays.sort(byRemainder, (x, y) -> remainders[y].compareTo(remainders[x])); // stable: ties to the earlier
    for (int i : byRemainder) {
      if (given == minor) {
        break;
      }
      if (fits(i, parts, blocks, ceilings)) {
        parts[i]++;
        given++;
      }
    }
    List<Money> out = new ArrayList<>(n);
    for (long p : parts) {
      out.add(Money.ofMinor(total.getCurrencyUnit(), p));
    }
    return out;
  }

  private static boolean fits(int i, long[] parts, List<int[]> blocks, List<Long> ceilings) {
    for (int b = 0; b < blocks.size(); b++) {
      int[] block = blocks.get(b);
      long given = 0;
      boolean holds = false;
      for (int k : block) {
        given += parts[k];
        holds |= k == i;
      }
      if (holds && given >= ceilings.get(b)) {
        return false;
      }
    }
    return true;
  }
}
