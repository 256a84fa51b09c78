package dev.amends.cli;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * How one account's decision under one policy compares with its decision under another, and the
 * totals per currency over a fleet.
 *
 * <p>Lines are matched by what they credit, not by their idempotency keys: subscription, rule
 * path and kind (credit, top-up or clawback), the n-th such line before with the n-th after. The
 * key is no use for this: it names the policy id, so it is the same for two versions of one
 * policy but differs between two policies with different ids, and it never names the amount.
 * Matched lines differ when their amount, days or term end differ; a line with no match on the
 * other side is a change too (from or to nothing). A reason that says something new about the
 * same amount is not a change.
 *
 * <p>Not thread-safe: one reader of the batch results adds to the totals.
 */
final class PolicyDiff {
  private final Map<CurrencyUnit, Money> before = new TreeMap<>();
  private final Map<CurrencyUnit, Money> after = new TreeMap<>();

  /** What identifies a line on both sides. */
  record LineId(String subscriptionId, String rulePath, CreditLine.Kind kind, int occurrence) {}

  /**
   * One line that changed: present before, after, or both (in one currency) with different
   * amounts, days or term ends.
   */
  record Change(LineId id, Optional<CreditLine> before, Optional<CreditLine> after) {
    /** The currency: the after line's, or the before line's when it is gone. */
    CurrencyUnit currency() {
      return after.or(() -> before).orElseThrow().amount().getCurrencyUnit();
    }

    /** After minus before, zero for a missing side. */
    Money delta() {
      CurrencyUnit c = currency();
      Money a = after.map(CreditLine::amount).orElse(Money.zero(c));
      Money b = before.map(CreditLine::amount).orElse(Money.zero(c));
      return a.minus(b);
    }
  }

  /**
   * The lines that changed between two decisions of one account, in the order of the after
   * decision's lines, then the lines gone, in the before decision's order.
   */
  static List<Change> compare(CreditDecision before, CreditDecision after) {
    Map<LineId, CreditLine> old = index(before.lines());
    Map<LineId, CreditLine> now = index(after.lines());
    List<Change> changes = new ArrayList<>();
    now.forEach((id, line) -> {
      CreditLine was = old.get(id);
      if (was != null && !was.amount().getCurrencyUnit().equals(line.amount().getCurrencyUnit())) {
        // not one amount that changed but one gone and one new, each in its own currency
        changes.add(new Change(id, Optional.of(was), Optional.empty()));
        changes.add(new Change(id, Optional.empty(), Optional.of(line)));
      } else if (was == null || !same(was, line)) {
        changes.add(new Change(id, Optional.ofNullable(was), Optional.of(line)));
      }
    });
    old.forEach((id, line) -> {
      if (!now.containsKey(id)) {
        changes.add(new Change(id, Optional.of(line), Optional.empty()));
      }
    });
    return changes;
  }

  /**
   * Whether any line changed: {@code !compare(before, after).isEmpty()}, without building the
   * comparison for the usual account, whose lines are the same, pair by pair, in the same order.
   */
  static boolean changed(CreditDecision before, CreditDecision after) {
    List<CreditLine> b = before.lines();
    List<CreditLine> a = after.lines();
    if (b.size() == a.size()) {
      int i = 0;
      while (i < b.size() && sameLine(b.get(i), a.get(i))) {
        i++;
      }
      if (i == b.size()) {
        return false; // same ids in the same order, so the same occurrence numbers, and the same values
      }
    }
    return !compare(before, after).isEmpty();
  }

  private static boolean sameLine(CreditLine b, CreditLine a) {
    return b.subscriptionId().equals(a.subscriptionId()) && b.rulePath().equals(a.rulePath())
        && b.kind() == a.kind() && same(b, a);
  }

  private static Map<LineId, CreditLine> index(List<CreditLine> lines) {
    Map<LineId, CreditLine> m = new LinkedHashMap<>();
    Map<LineId, Integer> seen = new HashMap<>();
    for (CreditLine l : lines) {
      int n = seen.merge(new LineId(l.subscriptionId(), l.rulePath(), l.kind(), 0), 1, Integer::sum) - 1;
      m.put(new LineId(l.subscriptionId(), l.rulePath(), l.kind(), n), l);
    }
    return m;
  }

  private static boolean same(CreditLine a, CreditLine b) {
    return a.amount().equals(b.amount()) && a.days().equals(b.days())
        && Objects.equals(a.extendsTermTo(), b.extendsTermTo());
  }

  /** Adds both decisions' lines to the totals per currency. */
  void add(CreditDecision beforeDecision, CreditDecision afterDecision) {
    sum(before, beforeDecision);
    sum(after, afterDecision);
  }

  private static void sum(Map<CurrencyUnit, Money> sums, CreditDecision d) {
    for (CreditLine l : d.lines()) {
      sums.merge(l.amount().getCurrencyUnit(), l.amount(), Money::plus);
    }
  }

  /** One currency's totals over every account compared. */
  record Total(CurrencyUnit currency, Money before, Money after) {
    /** After minus before. */
    Money change() {
      return after.minus(before);
    }
  }

  /** The totals per currency, by currency code; a currency missing on one side is zero there. */
  List<Total> totals() {
    Map<CurrencyUnit, Total> m = new TreeMap<>();
    before.forEach((c, b) -> m.put(c, new Total(c, b, after.getOrDefault(c, Money.zero(c)))));
    after.forEach((c, a) -> m.putIfAbsent(c, new Total(c, Money.zero(c), a)));
    return List.copyOf(m.values());
  }
}
