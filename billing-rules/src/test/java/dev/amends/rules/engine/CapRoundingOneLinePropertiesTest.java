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
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * {@link CapRounding#roundWithinCaps}' path for one line under at most one cap gives what the
 * path by groups ({@link CapRounding#inGroups}) gives, amounts and regrouped flags alike, for
 * exact amounts and limits in thirds and sevenths of a cent, every rounding mode that never
 * throws, and rounding increments.
 */
class CapRoundingOneLinePropertiesTest {
  static final CurrencyUnit USD = CurrencyUnit.USD;
  static final CurrencyUnit JPY = CurrencyUnit.JPY;

  /** An amount of {@code units / denominator} of the currency's minor unit. */
  static ExactMoney minorUnits(CurrencyUnit currency, long units, long denominator) {
    return ExactMoney.of(currency, Ratio.of(units, denominator).multipliedBy(Ratio.of(
        BigDecimal.ONE.movePointLeft(currency.getDecimalPlaces()))));
  }

  record Case(CurrencyUnit currency, long amount, long limit, long denominator, int marks, boolean cut,
      RoundingMode mode, String increment) {

    PendingLine line() {
      List<CapMark> caps = new ArrayList<>();
      for (int m = 0; m < marks; m++) {
        // the outer mark, if any, allows a little more than the inner one
        caps.add(new CapMark("cap" + m + "#", minorUnits(currency, limit + m * 5L, denominator), cut && m == 0));
      }
      return new PendingLine("sla/x", minorUnits(currency, amount, denominator), null, "r", List.of(), caps);
    }

    Rounding rounding() {
      return increment == null ? Rounding.of(mode) : Rounding.of(mode, new BigDecimal(increment));
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(
            Arbitraries.of(USD, JPY),
            Arbitraries.longs().between(0, 3000),
            Arbitraries.longs().between(0, 3000),
            Arbitraries.of(1L, 3L, 7L),
            Arbitraries.integers().between(0, 2),
            Arbitraries.of(true, false),
            Arbitraries.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.HALF_DOWN, RoundingMode.UP,
                RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR),
            Arbitraries.of("none", "0.05", "1"))
        .as((c, a, l, d, m, cut, mode, inc) -> new Case(c, a, l, d, m, cut, mode,
            inc.equals("none") || c == JPY && inc.equals("0.05") ? null : inc));
  }

  @Property(tries = 2000)
  void oneLineIsRoundedAsItsGroupsWouldRoundIt(@ForAll("cases") Case c) {
    List<PendingLine> lines = List.of(c.line());
    boolean[] fast = new boolean[1];
    boolean[] grouped = new boolean[1];

    List<Money> amounts = CapRounding.roundWithinCaps(lines, c.rounding(), fast);

    assertThat(amounts).isEqualTo(CapRounding.inGroups(lines, c.rounding(), grouped));
    assertThat(fast).isEqualTo(grouped);
    Statistics.label("path").collect(c.marks() > 1 ? "groups (two caps)"
        : CapRounding.oneLine(lines.get(0), c.rounding(), new boolean[1]) != null ? "one line" : "groups (over)");
    Statistics.label("regrouped").collect(grouped[0]);
  }

  @Test
  void aLineRoundedOverItsCapIsLeftToTheGroups() {
    // USD 10.004 rounds half up to 10.00, within a cap of 10.00; USD 10.005 rounds to 10.01, over
    // it, and the groups round it down to 10.00 instead
    ExactMoney limit = ExactMoney.of(Money.parse("USD 10.00"));
    CapMark cap = new CapMark("cap#", limit, false);
    PendingLine within = new PendingLine("x", ExactMoney.of(USD, Ratio.of(new BigDecimal("10.004"))), null, "r",
        List.of(), List.of(cap));
    PendingLine over = new PendingLine("x", ExactMoney.of(USD, Ratio.of(new BigDecimal("10.005"))), null, "r",
        List.of(), List.of(cap));
    Rounding halfUp = Rounding.of(RoundingMode.HALF_UP);
    boolean[] regrouped = new boolean[1];

    assertThat(CapRounding.oneLine(within, halfUp, regrouped)).containsExactly(Money.parse("USD 10.00"));
    assertThat(CapRounding.oneLine(over, halfUp, regrouped)).isNull();
    assertThat(CapRounding.roundWithinCaps(List.of(over), halfUp, regrouped)).containsExactly(Money.parse("USD 10.00"));
    assertThat(regrouped).containsExactly(true);
  }
}
