package dev.amends.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.rules.engine.Evaluation.CapMark;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** One rounding per line, within the caps the lines passed through: lines in USD, rounded half up to the cent. */
class CapRoundingTest {
  static final Rounding HALF_UP = Rounding.of(RoundingMode.HALF_UP);

  /** A line of an exact amount in USD (a decimal such as {@code "0.335"}) under the given caps, innermost first. */
  static PendingLine line(String amount, CapMark... caps) {
    return new PendingLine("r", ExactMoney.of(CurrencyUnit.USD, Ratio.of(new BigDecimal(amount))), null, "r",
        List.of(), List.of(caps));
  }

  static CapMark group(String name, String limit, boolean cut) {
    return new CapMark(name, ExactMoney.of(CurrencyUnit.USD, Ratio.of(new BigDecimal(limit))), cut);
  }

  static List<Money> usd(String... amounts) {
    return java.util.Arrays.stream(amounts).map(a -> Money.parse("USD " + a)).toList();
  }

  @Test
  void linesThatRoundToMoreThanTheirCapShareTheCapInstead() {
    // 0.335 + 0.335 = 0.67, within 0.67 (not cut); rounded one by one 0.34 + 0.34 = 0.68 > 0.67,
    // so 0.67 is split: 0.34 and 0.33
    CapMark g = group("g", "0.67", false);
    boolean[] regrouped = new boolean[2];

    List<Money> out = CapRounding.roundWithinCaps(List.of(line("0.335", g), line("0.335", g)), HALF_UP, regrouped);

    assertThat(out).isEqualTo(usd("0.34", "0.33"));
    assertThat(regrouped).containsExactly(true, true);
  }

  @Test
  void anAccumulatorReusedForOtherLinesKeepsNoRegroupedFlagOfTheLinesBefore() {
    // first 0.335 + 0.335 under a cap of 0.67: split 0.34 and 0.33, both regrouped (as above);
    // then, in the same accumulator, two lines under no cap: each rounded alone, neither regrouped
    CapMark g = group("g", "0.67", false);
    Acc acc = Acc.of(List.of(line("0.335", g), line("0.335", g)), CurrencyUnit.USD);
    CapRounding.round(acc, HALF_UP);
    assertThat(acc.regrouped(0)).isTrue();
    assertThat(acc.regrouped(1)).isTrue();

    acc.truncate(0);
    acc.add("r", ExactMoney.of(CurrencyUnit.USD, Ratio.of(new BigDecimal("0.335"))), null, "r", List.of());
    acc.add("r", ExactMoney.of(CurrencyUnit.USD, Ratio.of(new BigDecimal("0.331"))), null, "r", List.of());
    CapRounding.round(acc, HALF_UP);

    assertThat(acc.rounded(0)).isEqualTo(Money.parse("USD 0.34"));
    assertThat(acc.rounded(1)).isEqualTo(Money.parse("USD 0.33"));
    assertThat(acc.regrouped(0)).isFalse();
    assertThat(acc.regrouped(1)).isFalse();
  }

  @Test
  void linesOfAGroupNeitherCutNorOverAreRoundedOneByOne() {
    // 0.333 + 0.333 = 0.666, rounded one by one 0.33 + 0.33 = 0.66 (not the total 0.67)
    CapMark g = group("g", "5.00", false);
    boolean[] regrouped = new boolean[2];

    List<Money> out = CapRounding.roundWithinCaps(List.of(line("0.333", g), line("0.333", g)), HALF_UP, regrouped);

    assertThat(out).isEqualTo(usd("0.33", "0.33"));
    assertThat(regrouped).containsExactly(false, false);
  }

  @Test
  void aCutGroupWhoseTotalRoundsUpToTheLimitKeepsIt() {
    // cut to 0.4975 + 0.4975 = 0.995 under a limit of 1.00: rounded once 1.00, not over the limit,
    // and the lines' own 0.50 + 0.50 already make it
    CapMark g = group("g", "1.00", true);
    boolean[] regrouped = new boolean[2];

    List<Money> out = CapRounding.roundWithinCaps(List.of(line("0.4975", g), line("0.4975", g)), HALF_UP, regrouped);

    assertThat(out).isEqualTo(usd("0.50", "0.50"));
    assertThat(regrouped).containsExactly(false, false);
  }

  @Test
  void withARoundingIncrementAGroupTotalOverTheLimitIsRoundedDownToTheIncrement() {
    // to 0.05: 0.495 + 0.495 = 0.99 under 0.99; each rounds to 0.50 (1.00 > 0.99), the total too,
    // so the total is rounded down to 0.95 and split 0.48 + 0.47
    Rounding nickels = Rounding.of(RoundingMode.HALF_UP, new BigDecimal("0.05"));
    CapMark g = group("g", "0.99", true);
    boolean[] regrouped = new boolean[2];

    List<Money> out = CapRounding.roundWithinCaps(List.of(line("0.495", g), line("0.495", g)), nickels, regrouped);

    assertThat(out).isEqualTo(usd("0.48", "0.47"));
  }

  @Test
  void anInnerCapIsSettledBeforeTheOuterCapThatHoldsIt() {
    // inner A holds 0.475 and 0.575, cut to 1.05; outer B holds those and 0.539, limit 1.59 (not cut).
    // A first: 0.48 + 0.58 = 1.06 > 1.05, so 1.05 is split 0.48 + 0.57; then B: 0.54 + 0.48 + 0.57 = 1.59
    // fits. (B first would split its 1.59 as 0.54, 0.47, 0.58, leaving A's cent on the other line.)
    CapMark a = group("A", "1.05", true);
    CapMark b = group("B", "1.59", false);
    boolean[] regrouped = new boolean[3];

    List<Money> out = CapRounding.roundWithinCaps(
        List.of(line("0.539", b), line("0.475", a, b), line("0.575", a, b)), HALF_UP, regrouped);

    assertThat(out).isEqualTo(usd("0.54", "0.48", "0.57"));
    assertThat(regrouped).containsExactly(false, true, true);
  }

  @Test
  void anOuterCapNeverPushesACentBackIntoAnInnerCapItHolds() {
    // inner A (percent cap, sub-cent limit 0.398) cut 0.131 and 0.267; outer B (limit 1.150) cut
    // those and 0.752. A may give at most 0.39: its total 0.398 rounds half up to 0.40 > 0.398, so it
    // is rounded down to 0.39 and split by largest remainder (12.837 and 26.163 cents) 0.13 + 0.26.
    // B may give at most 1.15 (its exact total 1.150 rounded once); its shares are 75.2, 13.1 and 26.7
    // cents, floors 0.75 + 0.13 + 0.26 = 1.14, and the spare cent, whose largest remainder is 0.267's,
    // cannot go to A (already at its 0.39), so it goes to 0.752: 0.76 + 0.13 + 0.26 = 1.15.
    // (Before the fix it went to 0.267: 0.13 + 0.27 = 0.40 > 0.398, over A's limit.)
    CapMark a = group("A", "0.398", true);
    CapMark b = group("B", "1.150", true);
    boolean[] regrouped = new boolean[3];

    List<Money> out = CapRounding.roundWithinCaps(
        List.of(line("0.752", b), line("0.131", a, b), line("0.267", a, b)), HALF_UP, regrouped);

    assertThat(out).isEqualTo(usd("0.76", "0.13", "0.26"));
    assertThat(regrouped).containsExactly(true, true, true);
  }
}
