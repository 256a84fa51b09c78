package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.outage.Outage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.joda.money.Money;

/** Properties of whole decisions: amounts within bounds, and the same decision whatever the input order. */
class CreditDecisionTest {
  static final RuleNode TREE = Rules.cap("cap", CapLimit.percentOfFee(new BigDecimal("100")),
      Rules.sum("s",
          new PerHourDown("hourly", "0.35"),
          Rules.mostGenerous("best",
              Rules.availabilityTiers("tiers", Tier.range("99.0", "99.9", "10"), Tier.range("0", "99.0", "25")),
              Fixed.credit("floor", "0.25"))));

  @Property(tries = 200)
  void cappedLinesAreNeverNegativeAndNeverAboveTheirCap(
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 10_000) Integer> cents,
      @ForAll @IntRange(min = 0, max = 20_000) int limitCents,
      @ForAll Rules.CapScope scope,
      @ForAll Rules.Spread spread) {
    List<RuleNode> children = new ArrayList<>();
    for (int i = 0; i < cents.size(); i++) {
      children.add(Fixed.credit("c" + i, BigDecimal.valueOf(cents.get(i), 2).toPlainString(), i % 2 == 0 ? "OUT-1" : "OUT-2"));
    }
    Money limit = Money.ofMinor(org.joda.money.CurrencyUnit.USD, limitCents);
    RuleNode tree = Rules.cap("cap", CapLimit.amount(limit), scope, spread,
        Rules.sum("s", children.toArray(RuleNode[]::new)));

    Evaluation e = evaluate(tree);
    Map<String, ExactMoney> byGroup = new LinkedHashMap<>();
    for (Evaluation.PendingLine l : e.lines()) {
      assertThat(l.amount().isNegative()).isFalse();
      String group = scope == Rules.CapScope.PER_INCIDENT ? String.join(",", l.outageIds()) : "";
      byGroup.merge(group, l.amount(), ExactMoney::plus);
    }
    byGroup.values().forEach(sum -> assertThat(sum).isLessThanOrEqualTo(ExactMoney.of(limit)));

    // Once rounded, each cap group's lines still sum to no more than the limit.
    Map<String, Money> roundedByGroup = new LinkedHashMap<>();
    for (CreditLine line : decide(tree).lines()) {
      assertThat(line.amount().isNegative()).isFalse();
      String group = scope == Rules.CapScope.PER_INCIDENT ? String.join(",", line.outageIds()) : "";
      roundedByGroup.merge(group, line.amount(), Money::plus);
    }
    roundedByGroup.values().forEach(sum -> assertThat(sum.isGreaterThan(limit)).isFalse());
  }

  @Property(tries = 100)
  void decisionAndKeysAreTheSameAcrossRunsAndInputOrders(
      @ForAll("outages") List<Outage> outages, @ForAll Random random) {
    Account forward = account("acct-1", subscription("sub-a", USD_20_00), subscription("sub-b", usd("35.50")),
        subscription("sub-c", usd("9.99")));
    Account backward = account("acct-1", forward.subscriptions().reversed().toArray(dev.amends.core.account.Subscription[]::new));
    List<Outage> shuffled = new ArrayList<>(outages);
    Collections.shuffle(shuffled, random);
    Policy p = policy("p", TREE);

    CreditDecision first = engine(p, outages.toArray(Outage[]::new)).decide(forward, JUNE_2024_UTC);
    CreditDecision again = engine(p, outages.toArray(Outage[]::new)).decide(forward, JUNE_2024_UTC);
    CreditDecision reordered = engine(p, shuffled.toArray(Outage[]::new)).decide(backward, JUNE_2024_UTC);

    assertThat(again.lines()).isEqualTo(first.lines());
    assertThat(reordered.lines()).isEqualTo(first.lines());
    assertThat(reordered.explain()).isEqualTo(first.explain());
    for (CreditLine line : first.lines()) {
      assertThat(line.amount().isNegative()).isFalse();
      // the cap is 100 % of a fee of at most USD 35.50, and each subscription has at most two lines
      assertThat(line.amount().isGreaterThan(usd("35.50"))).isFalse();
    }
  }

  @Provide
  Arbitrary<List<Outage>> outages() {
    Arbitrary<int[]> window = Combinators.combine(
            Arbitraries.integers().between(-600, 30 * 24 * 60 + 600),
            Arbitraries.integers().between(1, 3 * 24 * 60))
        .as((start, length) -> new int[] {start, length});
    return window.list().ofMinSize(0).ofMaxSize(6).map(ws -> {
      List<Outage> list = new ArrayList<>();
      for (int i = 0; i < ws.size(); i++) {
        String start = JUNE_2024_UTC.start().plus(Duration.ofMinutes(ws.get(i)[0])).toString();
        list.add(outage("GEN-" + i, start, Duration.ofMinutes(ws.get(i)[1])));
      }
      return list;
    });
  }


  @org.junit.jupiter.api.Test
  void explainDescribesTheFiftyOutagesWithTheMostTimeAndCountsTheRest() {
    // 60 outages in June 2024: OUT-0 lasts 1 min, OUT-1 2 min, ... OUT-59 60 min, each starting on
    // the hour so none overlaps. The 50 longest are OUT-10 … OUT-59; OUT-0 … OUT-9 are left out.
    List<Outage> outages = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      outages.add(outage("OUT-" + i, java.time.Instant.parse("2024-06-01T00:00:00Z").plus(Duration.ofHours(i))
          .toString(), Duration.ofMinutes(i + 1)));
    }
    CreditDecision d = engine(policy("p", Fixed.credit("a", "1.00")), outages.toArray(new Outage[0]))
        .decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    String text = d.explain();
    assertThat(text).contains("OUT-59: down 1h in period").contains("OUT-10: down 11m in period")
        .doesNotContain("OUT-9: down").doesNotContain("OUT-0: down")
        .contains("… and 10 more outage(s) with less time in the period")
        .contains("trace(\"sub-1\", \"p\").measurement().orElseThrow().breakdown()");
    assertThat(d.trace("sub-1", "p").orElseThrow().measurement().orElseThrow().breakdown()).hasSize(60);
  }
}
