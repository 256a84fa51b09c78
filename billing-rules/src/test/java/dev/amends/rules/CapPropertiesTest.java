package dev.amends.rules;

import dev.amends.rules.engine.CapLimits;
import dev.amends.rules.engine.Evaluation;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.amends.core.money.DayCount;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A cap's lines, for every limit, scope and spread: exactly the capped total before rounding, and
 * after the engine's one rounding never above the cap and, where the cap cut, summing to the
 * group's total rounded once.
 */
class CapPropertiesTest {
  /** One child line: cents, days (or none), and the outage it rests on (or none). */
  record Child(int cents, Integer days, String outage) {}

  @Provide
  Arbitrary<List<Child>> children() {
    Arbitrary<Child> child = Combinators.combine(
        Arbitraries.integers().between(0, 3000),
        Arbitraries.integers().between(0, 12).injectNull(0.4),
        Arbitraries.of("A", "B", "").injectNull(0.0))
        .as(Child::new);
    return child.list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<CapLimit> limits() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 150).map(p -> CapLimit.percentOfFee(BigDecimal.valueOf(p))),
        Arbitraries.integers().between(0, 8000).map(c -> CapLimit.amount(Money.ofMinor(org.joda.money.CurrencyUnit.USD, c))),
        Arbitraries.integers().between(0, 40).map(d -> CapLimit.days(BigDecimal.valueOf(d, 1), DayCount.ACTUAL)));
  }

  static RuleNode tree(List<Child> children) {
    List<RuleNode> leaves = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      Child c = children.get(i);
      String amount = BigDecimal.valueOf(c.cents(), 2).toPlainString();
      Fixed f = c.outage().isEmpty() ? Fixed.credit("l" + i, amount) : Fixed.credit("l" + i, amount, c.outage());
      leaves.add(c.days() == null ? f : f.withDays(String.valueOf(c.days())));
    }
    return Rules.sum("s", leaves.toArray(RuleNode[]::new));
  }

  @Property(tries = 2000)
  void capsExactlyBeforeRoundingAndStaysWithinTheCapAfterIt(
      @ForAll("children") List<Child> children, @ForAll("limits") CapLimit limit,
      @ForAll Rules.CapScope scope, @ForAll Rules.Spread spread, @ForAll boolean halfUp) {
    RuleContext ctx = context(ACCOUNT_USD_20, JUNE_2024_UTC);
    Evaluation e = evaluate(Rules.cap("cap", limit, scope, spread, tree(children)), ctx);
    ExactMoney limitMoney = CapLimits.money(limit, ctx);
    Ratio limitDays = CapLimits.days(limit);

    // The input lines and the capped lines, by group.
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < children.size(); i++) {
      Child c = children.get(i);
      boolean positive = c.cents() > 0 || (c.days() != null && c.days() > 0);
      if (positive) {
        groups.computeIfAbsent(scope == Rules.CapScope.PER_INCIDENT ? c.outage() : "", k -> new ArrayList<>()).add(i);
      }
    }
    Rounding rounding = Rounding.of(halfUp ? RoundingMode.HALF_UP : RoundingMode.HALF_EVEN);
    boolean[] regrouped = new boolean[e.lines().size()];
    List<Money> rounded = CreditEngine.roundWithinCaps(e.lines(), rounding, regrouped);
    for (List<Integer> members : groups.values()) {
      Ratio sum = Ratio.ZERO;
      Ratio days = Ratio.ZERO;
      for (int i : members) {
        sum = sum.plus(Ratio.of(children.get(i).cents(), 100));
        days = days.plus(Ratio.of(children.get(i).days() == null ? 0 : children.get(i).days()));
      }
      Ratio keptMoney = Ratio.ZERO;
      Ratio keptDays = Ratio.ZERO;
      Money roundedSum = Money.zero(org.joda.money.CurrencyUnit.USD);
      for (int k = 0; k < e.lines().size(); k++) {
        PendingLine l = e.lines().get(k);
        if (members.contains(Integer.parseInt(l.path().substring("cap/s/l".length())))) {
          keptMoney = keptMoney.plus(l.amount().amount());
          keptDays = keptDays.plus(l.days() == null ? Ratio.ZERO : l.days());
          roundedSum = roundedSum.plus(rounded.get(k));
        }
      }
      boolean cut = sum.compareTo(limitMoney.amount()) > 0 || (limitDays != null && days.compareTo(limitDays) > 0);
      if (limitDays == null) {
        // A money limit: exactly min(sum, limit).
        assertThat(keptMoney).isEqualTo(sum.min(limitMoney.amount()));
      } else {
        // A day limit: neither money nor days above it, and one of them reached exactly whenever something was cut.
        assertThat(keptMoney.compareTo(sum.min(limitMoney.amount()))).isLessThanOrEqualTo(0);
        assertThat(keptDays.compareTo(days.min(limitDays))).isLessThanOrEqualTo(0);
        if (cut) {
          assertThat(keptMoney.equals(limitMoney.amount()) || keptDays.equals(limitDays)).isTrue();
        } else {
          assertThat(keptMoney).isEqualTo(sum);
        }
      }
      // After rounding: never above the cap; a cut group sums to its total rounded once (down if that is over).
      assertThat(ExactMoney.of(roundedSum).compareTo(limitMoney)).isLessThanOrEqualTo(0);
      if (cut && keptMoney.signum() > 0) {
        Money once = ExactMoney.of(org.joda.money.CurrencyUnit.USD, keptMoney).rounded(rounding);
        if (ExactMoney.of(once).compareTo(limitMoney) > 0) {
          once = ExactMoney.of(org.joda.money.CurrencyUnit.USD, keptMoney).rounded(Rounding.of(RoundingMode.DOWN));
        }
        assertThat(roundedSum).isEqualTo(once);
      }
    }
  }

  @Test
  void keepsEarlierLinesWholeInOrderWhenTheLinesCarryDays() {
    // Limit 10 days at 20.00 / 30 = 0.666… a day = USD 6.666…; a: 3.00 and 5 days, b: 4.00 and 10 days.
    // a fits whole (3.00 <= 6.67, 5 <= 10); b keeps min(3.666…/4.00, 5/10) = 1/2: 2.00 and 5 days.
    RuleNode tree = Rules.sum("s", Fixed.credit("a", "3.00").withDays("5"), Fixed.credit("b", "4.00").withDays("10"));

    Evaluation e = evaluate(Rules.cap("cap", CapLimit.days(BigDecimal.TEN, DayCount.ACTUAL), tree),
        context(ACCOUNT_USD_20, JUNE_2024_UTC));

    assertThat(e.lines()).extracting(PendingLine::path, l -> l.amount().amount(), PendingLine::days).containsExactly(
        tuple("cap/s/a", Ratio.of(3), Ratio.of(5)), tuple("cap/s/b", Ratio.of(2), Ratio.of(5)));
    assertThat(e.trace().summary()).startsWith("capped from USD 7.00 to USD 5.00 (limit 10 days at ACTUAL");
  }

  @Test
  void cutsMoneyLinesAfterALineWithDaysInOrderSoTheTotalIsTheLimit() {
    // Limit USD 5.00: a (3.00 and 2 days) whole; b (4.00) keeps 2.00. Before, b kept 4.00 less nothing: 7.00 > 5.00.
    RuleNode tree = Rules.sum("s", Fixed.credit("a", "3.00").withDays("2"), Fixed.credit("b", "4.00"));

    CreditDecision d = decide(Rules.cap("cap", CapLimit.amount(usd("5.00")), tree));

    assertThat(d.lines()).extracting(CreditLine::rulePath, CreditLine::amount)
        .containsExactly(tuple("cap/s/a", usd("3.00")), tuple("cap/s/b", usd("2.00")));
  }
}
