package dev.amends.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.rules.engine.Evaluation.CapMark;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * {@link CapRounding#roundWithinCaps} over nested caps: two or three levels (lines {@code [0, n)} under
 * the outermost cap, {@code [0, n-1)} under the next, and a shorter prefix under a third), 2 to 6
 * lines of exact amounts in whole minor units, tenths, thousandths or thirds of one, in USD and JPY,
 * rounded with every mode that never throws, to the minor unit, to 0.05 (USD) or to 1. Each cap's
 * limit is its lines' exact sum (the cap cut them), that sum plus 0 to 40 of those fractions of a
 * minor unit (a sub-cent limit, as a percent cap has), or that sum rounded up to the minor unit
 * plus 0 to 40 minor units. Asserted:
 *
 * <ul>
 *   <li>every cap's rounded lines sum to no more than its exact limit;
 *   <li>every line's rounded amount is less than one rounding increment plus one minor unit from
 *       its exact amount (the split of a group's total is in minor units by largest remainder, so
 *       "within one increment" alone does not hold, and did not before the nested fix either: JPY
 *       99.2 in a group whose total was rounded down splits to 98);
 *   <li>when the outermost cap cut its lines, they sum exactly to its total rounded once (rounded
 *       down to the increment when that is over its limit): the outer cap's spare units always find a
 *       line with room, here the line under no inner cap.
 * </ul>
 */
class NestedCapRoundingPropertiesTest {

  /**
   * One cap: the lines it holds ({@code from} to {@code to} exclusive); its limit is cut (0), a
   * fraction over its sum (1) or whole minor units over its sum rounded up (2), {@code extra} being
   * how much over.
   */
  record Group(String name, int from, int to, int limitKind, long extra) {}

  record Case(CurrencyUnit currency, List<Long> units, long denominator, List<Group> groups, RoundingMode mode,
      String increment) {

    ExactMoney amount(long u) {
      return ExactMoney.of(currency, Ratio.of(u, denominator).multipliedBy(
          Ratio.of(BigDecimal.ONE.movePointLeft(currency.getDecimalPlaces()))));
    }

    ExactMoney sum(Group g) {
      ExactMoney s = ExactMoney.zero(currency);
      for (int i = g.from(); i < g.to(); i++) {
        s = s.plus(amount(units.get(i)));
      }
      return s;
    }

    ExactMoney limit(Group g) {
      ExactMoney s = sum(g);
      return switch (g.limitKind()) {
        case 0 -> s; // cut: the lines sum to the limit
        case 1 -> s.plus(amount(g.extra())); // not cut, a limit in fractions of a minor unit
        default -> ExactMoney.of(Money.ofMinor(currency, s.amount().multipliedBy(Ratio.of(
            BigDecimal.ONE.movePointRight(currency.getDecimalPlaces()))).ceiling().longValueExact() + g.extra()));
      };
    }

    List<PendingLine> lines() {
      List<PendingLine> out = new ArrayList<>();
      for (int i = 0; i < units.size(); i++) {
        List<CapMark> marks = new ArrayList<>();
        for (Group g : groups) { // innermost first
          if (i >= g.from() && i < g.to()) {
            marks.add(new CapMark(g.name(), limit(g), g.limitKind() == 0));
          }
        }
        out.add(new PendingLine("x", amount(units.get(i)), null, "r", List.of(), marks));
      }
      return out;
    }

    Rounding rounding() {
      return increment == null ? Rounding.of(mode) : Rounding.of(mode, new BigDecimal(increment));
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 2);
    Arbitrary<Long> extras = Arbitraries.longs().between(0, 40);
    return Combinators.combine(
            Arbitraries.of(CurrencyUnit.USD, CurrencyUnit.JPY),
            Arbitraries.longs().between(0, 4000).list().ofMinSize(2).ofMaxSize(6),
            Arbitraries.of(1L, 3L, 10L, 1000L),
            Arbitraries.integers().between(2, 3),
            kinds.list().ofSize(3),
            extras.list().ofSize(3),
            Arbitraries.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.HALF_DOWN, RoundingMode.UP,
                RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR),
            Arbitraries.of("none", "0.05", "1"))
        .as((c, units, d, levels, k, x, mode, inc) -> {
          int n = units.size();
          List<Group> groups = new ArrayList<>();
          // innermost first: [0, inner2) inside [0, inner1) inside [0, n)
          int inner1 = Math.max(1, n - 1);
          if (levels == 3) {
            groups.add(new Group("c", 0, Math.max(1, inner1 - 1), k.get(2), x.get(2)));
          }
          groups.add(new Group("b", 0, inner1, k.get(1), x.get(1)));
          groups.add(new Group("a", 0, n, k.get(0), x.get(0)));
          return new Case(c, units, d, groups, mode,
              inc.equals("none") || c == CurrencyUnit.JPY && inc.equals("0.05") ? null : inc);
        });
  }

  static Money sum(List<Money> out, Group g, CurrencyUnit currency) {
    Money s = Money.zero(currency);
    for (int i = g.from(); i < g.to(); i++) {
      s = s.plus(out.get(i));
    }
    return s;
  }

  @Property(tries = 3000)
  void everyCapsRoundedLinesSumToNoMoreThanItsExactLimit(@ForAll("cases") Case c) {
    List<PendingLine> lines = c.lines();

    List<Money> out = CapRounding.roundWithinCaps(lines, c.rounding(), new boolean[lines.size()]);

    for (Group g : c.groups()) {
      Money s = sum(out, g, c.currency());
      assertThat(ExactMoney.of(s).compareTo(c.limit(g))).as("cap %s: %s over %s", g.name(), s, c.limit(g))
          .isLessThanOrEqualTo(0);
    }
    Statistics.label("limit of the innermost cap").collect(switch (c.groups().get(0).limitKind()) {
      case 0 -> "cut";
      case 1 -> "not cut, in fractions of a minor unit";
      default -> "not cut, in whole minor units";
    });
  }

  @Property(tries = 3000)
  void everyLineIsLessThanOneIncrementAndOneMinorUnitFromItsExactAmount(@ForAll("cases") Case c) {
    List<PendingLine> lines = c.lines();
    BigDecimal minor = BigDecimal.ONE.movePointLeft(c.currency().getDecimalPlaces());
    Ratio bound = Ratio.of(minor).plus(Ratio.of(c.increment() == null ? minor : new BigDecimal(c.increment())));

    List<Money> out = CapRounding.roundWithinCaps(lines, c.rounding(), new boolean[lines.size()]);

    for (int i = 0; i < lines.size(); i++) {
      Ratio diff = ExactMoney.of(out.get(i)).amount().minus(lines.get(i).amount().amount());
      Ratio distance = diff.signum() < 0 ? diff.negated() : diff;
      assertThat(distance.compareTo(bound)).as("line %d: %s for %s", i, out.get(i), lines.get(i).amount())
          .isLessThan(0);
    }
  }

  @Property(tries = 3000)
  void theLinesOfACutOutermostCapSumToItsTotalRoundedOnce(@ForAll("cases") Case c) {
    Group outer = c.groups().get(c.groups().size() - 1);
    Assume.that(outer.limitKind() == 0);
    List<PendingLine> lines = c.lines();
    ExactMoney exact = c.sum(outer);
    Money total = exact.rounded(c.rounding());
    if (ExactMoney.of(total).compareTo(c.limit(outer)) > 0) {
      total = exact.rounded(c.increment() == null ? Rounding.of(RoundingMode.DOWN)
          : Rounding.of(RoundingMode.DOWN, new BigDecimal(c.increment())));
    }

    List<Money> out = CapRounding.roundWithinCaps(lines, c.rounding(), new boolean[lines.size()]);

    assertThat(sum(out, outer, c.currency())).isEqualTo(total);
  }
}
