package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Availability tiers: percent of the (prorated) fee by the exact availability. */
class AvailabilityTiersRuleTest {
  /** The usual cloud table: below 99.9 % → 10 %, below 99 % → 25 %, below 95 % → 100 %. */
  static final CreditRule TIERS = Rules.availabilityTiers("tiers",
      Tier.range("99.0", "99.9", "10"),
      Tier.range("95.0", "99.0", "25"),
      Tier.range("0", "95.0", "100"));

  // June 2024 in New York: 30 days = 43,200 min.
  // 0.1 % of 43,200 min = 43.2 min; 1 % = 432 min; 5 % = 2,160 min.

  @Test
  void givesNoCreditAtExactlyTheThreshold() {
    // 43.2 min down: (43,200 - 43.2) / 43,200 = 99.9 % exactly, not below 99.9.
    Outcome o = TIERS.evaluate(given(USD_20_00).downMinutes("43.2").context());

    assertThat(o.isCredit()).isFalse();
    assertThat(o.reason()).isEqualTo("availability 99.9 % = 99.9 %, above every tier; no credit");
    assertThat(o.flags()).isEmpty();
  }

  @Test
  void givesTheTierOneNanosecondBelowTheThreshold() {
    // 43.2 min + 1 ns down: 99.8999...% → [99.0, 99.9) → 10 % of USD 20.00 = USD 2.00.
    Outcome o = TIERS.evaluate(given(USD_20_00).down(minutes("43.2").plusNanos(1)).context());

    assertThat(o.amount()).contains(ExactMoney.of(money("USD 2.00")));
    assertThat(o.reason()).isEqualTo("availability 99.8999 % < 99.9 % -> 10 % of USD 20.00");
    assertThat(o.values()).containsEntry("tier", TraceValue.text("[99, 99.9)"))
        .containsEntry("percent", TraceValue.percent(new BigDecimal("10.0")))
        .containsEntry("fee", TraceValue.money(ExactMoney.of(money("USD 20.00"))));
    // 2,592,000,000,001 ns down of 43,200 min = 2,592,000,000,000,000 ns in June (New York)
    assertThat(o.values().get("availability"))
        .isEqualTo(TraceValue.availability(Ratio.of(2_589_407_999_999_999L, 2_592_000_000_000_000L)))
        .extracting(TraceValue::text).isEqualTo("99.8999 %");
    assertThat(o.values().get("percent").text()).isEqualTo("10");
  }

  @Test
  void includesTheLowerBoundOfATier() {
    // 432 min down: exactly 99.0 % → in [99.0, 99.9) → 10 % of USD 20.00 = USD 2.00.
    Outcome atBound = TIERS.evaluate(given(USD_20_00).downMinutes("432").context());
    // 432 min + 1 ns: just below 99.0 % → [95.0, 99.0) → 25 % = USD 5.00.
    Outcome below = TIERS.evaluate(given(USD_20_00).down(minutes("432").plusNanos(1)).context());

    assertThat(atBound.amount()).contains(ExactMoney.of(money("USD 2.00")));
    assertThat(below.amount()).contains(ExactMoney.of(money("USD 5.00")));
  }

  @Test
  void givesTheWholeFeeInTheBottomTier() {
    // 2,160 min + 1 ns down: just below 95 % → 100 % of USD 20.00.
    Outcome o = TIERS.evaluate(given(USD_20_00).down(minutes("2160").plusNanos(1)).context());

    assertThat(o.amount()).contains(ExactMoney.of(money("USD 20.00")));
  }

  @Test
  void givesNoCreditWithoutDowntime() {
    Outcome o = TIERS.evaluate(given(USD_20_00).context());

    assertThat(o.isCredit()).isFalse();
    assertThat(o.reason()).isEqualTo("availability 100 % > 99.9 %, above every tier; no credit");
  }

  @Test
  void includesAnInclusiveUpperBound() {
    CreditRule rule = Rules.availabilityTiers("tiers",
        Tier.of("99.0", true, "99.9", true, "10"),
        Tier.of("99.9", false, "100", true, "0"));
    // Exactly 99.9 % (43.2 min down) is in [99.0, 99.9] → 10 % of USD 20.00 = USD 2.00.
    Outcome o = rule.evaluate(given(USD_20_00).downMinutes("43.2").context());
    // 43.2 min - 1 ns: above 99.9 % → (99.9, 100] → 0 %: a zero credit.
    Outcome above = rule.evaluate(given(USD_20_00).down(minutes("43.2").minusNanos(1)).context());

    assertThat(o.amount()).contains(ExactMoney.of(money("USD 2.00")));
    assertThat(o.reason()).isEqualTo("availability 99.9 % <= 99.9 % -> 10 % of USD 20.00");
    assertThat(above.amount()).contains(ExactMoney.zero(USD));
  }

  @Test
  void flagsAnAvailabilityOnABoundaryNeitherNeighbourIncludes() {
    CreditRule rule = Rules.availabilityTiers("tiers",
        Tier.range("95", "99", "25"),
        Tier.of("99", false, "99.9", false, "10"));
    // 432 min down: exactly 99 %: [95, 99) excludes it and (99, 99.9) excludes it.
    Outcome o = rule.evaluate(given(USD_20_00).downMinutes("432").context());

    assertThat(o.isCredit()).isFalse();
    assertThat(o.flags()).containsExactly(DecisionFlag.AMBIGUOUS_BOUNDARY);
    assertThat(o.reason()).isEqualTo("availability 99 % is exactly on a boundary no tier includes; not mapped");
    assertThat(o.values()).containsEntry("availability", TraceValue.availability(Ratio.of(99, 100)));
    assertThat(o.values().get("availability").text()).isEqualTo("99 %");
  }

  @Test
  void acceptsATableWhoseNeighboursBothExcludeABoundWhenThePolicyIsBuilt() {
    Policy p = onePolicy(Rules.availabilityTiers("tiers",
        Tier.range("95", "99", "25"), Tier.of("99", false, "99.9", false, "10")), HALF_UP);

    assertThat(p.rule().id()).isEqualTo("tiers");
  }

  @Test
  void doesNotFlagAValueThatOnlyOneSideOfAGapExcludes() {
    // An invalid table (a gap from 95 to 99) evaluated outside a policy: 99 % is in the gap,
    // not on a bound where two tiers meet.
    CreditRule rule = Rules.availabilityTiers("tiers",
        Tier.range("90", "95", "25"), Tier.of("99", false, "99.9", false, "10"));

    Outcome o = rule.evaluate(given(USD_20_00).downMinutes("432").context());

    assertThat(o.isCredit()).isFalse();
    assertThat(o.flags()).isEmpty();
  }

  @Test
  void rejectsAGapAndAnOverlapWhenThePolicyIsBuiltNamingTheNodePath() {
    RuleNode tree = Rules.sum("sla",
        Rules.availabilityTiers("tiers",
            Tier.range("99.0", "99.9", "10"),
            Tier.range("90", "95", "25"),
            Tier.range("0", "91", "100")));

    assertThatThrownBy(() -> onePolicy(tree, HALF_UP))
        .isInstanceOfSatisfying(PolicyDefinitionException.class, e -> assertThat(e.problems()).containsExactly(
            "sla/tiers.tiers overlap: [0, 91) and [90, 95)",
            "sla/tiers.tiers have a gap between [90, 95) and [99, 99.9)"))
        .hasMessageStartingWith("policy p v1 is invalid:");
  }

  @Test
  void rejectsTiersThatShareAnIncludedBound() {
    RuleNode tiers = Rules.availabilityTiers("tiers",
        Tier.of("95", true, "99", true, "25"), Tier.range("99", "99.9", "10"));

    assertThatThrownBy(() -> onePolicy(tiers, HALF_UP))
        .isInstanceOfSatisfying(PolicyDefinitionException.class, e -> assertThat(e.problems())
            .containsExactly("tiers.tiers overlap: [95, 99] and [99, 99.9)"));
  }

  @Test
  void rejectsEveryOverlapOfAWideTierWithoutInventingAGap() {
    // [0, 100) swallows both narrow tiers: two overlaps, and no gap between [10, 20) and [30, 40).
    RuleNode tiers = Rules.availabilityTiers("tiers",
        Tier.range("0", "100", "1"), Tier.range("10", "20", "2"), Tier.range("30", "40", "3"));

    assertThatThrownBy(() -> onePolicy(tiers, HALF_UP))
        .isInstanceOfSatisfying(PolicyDefinitionException.class, e -> assertThat(e.problems()).containsExactly(
            "tiers.tiers overlap: [0, 100) and [10, 20)",
            "tiers.tiers overlap: [0, 100) and [30, 40)"));
  }

  @Test
  void rejectsEmptyOutOfRangeAndNegativeTiersAllAtOnce() {
    RuleNode tiers = Rules.availabilityTiers("tiers",
        Tier.range("99.9", "99.9", "10"), Tier.range("99.9", "101", "-5"));

    assertThatThrownBy(() -> onePolicy(tiers, HALF_UP))
        .isInstanceOfSatisfying(PolicyDefinitionException.class, e -> assertThat(e.problems()).containsExactly(
            "tiers.tiers[99.9, 99.9) is empty: lower 99.9 must be below upper 99.9",
            "tiers.tiers[99.9, 101) must lie within [0, 100]",
            "tiers.tiers[99.9, 101).value must not be negative: -5"));
  }

  @Test
  void takesThePercentOfTheProratedFee() {
    // Active from 16 June 00:00 New York (04:00Z): 15 of 30 days → fee USD 10.00;
    // 120 min down → 99.72 % of the period → 10 % of USD 10.00 = USD 1.00.
    var ctx = given(USD_20_00).active(Instant.parse("2024-06-16T04:00:00Z"), Instant.MAX)
        .downMinutes("120").context();

    assertThat(TIERS.evaluate(ctx).amount()).contains(ExactMoney.of(money("USD 1.00")));
  }

  @Test
  void recordsTheCountedOutagesItRestsOn() {
    var outage = outage("INC-1", Instant.parse("2024-06-14T14:00:00Z"), Instant.parse("2024-06-14T16:00:00Z"));
    var ctx = given(USD_20_00).downMinutes("120").countedOutage(outage).context();

    assertThat(TIERS.evaluate(ctx).outageIds()).containsExactly("INC-1");
  }

  @ParameterizedTest(name = "10 % of {0} = {1} → {2} half-up, {3} half-even")
  @CsvSource({
      // 10 % of USD 0.25 = 0.025 → 0.03 half-up, 0.02 half-even
      "USD 0.25,  0.025,  USD 0.03,  USD 0.02",
      // 10 % of JPY 1,005 = 100.5 → 101 half-up, 100 half-even
      "JPY 1005,  100.5,  JPY 101,   JPY 100",
      // 10 % of BHD 0.125 = 0.0125 → 0.013 half-up, 0.012 half-even
      "BHD 0.125, 0.0125, BHD 0.013, BHD 0.012",
      // 10 % of USD 20.00 = 2.00 either way
      "USD 20.00, 2,      USD 2.00,  USD 2.00"})
  void roundsTheTierCreditOnceAtTheCurrencysScale(String fee, String exact, String halfUp, String halfEven) {
    // 120 min down of 43,200: 99.7222...% → [99.0, 99.9) → 10 %.
    Outcome o = TIERS.evaluate(given(money(fee)).downMinutes("120").context());

    ExactMoney amount = o.amount().orElseThrow();
    assertThat(amount.amount()).isEqualTo(Ratio.of(new BigDecimal(exact)));
    assertThat(HALF_UP.round(amount)).isEqualTo(money(halfUp));
    assertThat(HALF_EVEN.round(amount)).isEqualTo(money(halfEven));
  }

  @Test
  void roundsThroughTheEngineWithThePolicysRounding() {
    // A 120 min unplanned outage on grid: 10 % of JPY 1,005 = 100.5 → JPY 101 half-up, JPY 100 half-even.
    var outage = outage("INC-1", Instant.parse("2024-06-14T14:00:00Z"), Instant.parse("2024-06-14T16:00:00Z"));
    var account = given(money("JPY 1005")).account();

    Money up = engineFor(onePolicy(TIERS, HALF_UP), outage).decide(account, JUNE_2024_NY).lines().get(0).amount();
    Money even = engineFor(onePolicy(TIERS, HALF_EVEN), outage).decide(account, JUNE_2024_NY).lines().get(0).amount();

    assertThat(up).isEqualTo(money("JPY 101"));
    assertThat(even).isEqualTo(money("JPY 100"));
  }

  @Property
  void moreDowntimeNeverGivesLessCredit(
      @ForAll @LongRange(min = 0, max = 43_200L * 60) long secondsA,
      @ForAll @LongRange(min = 0, max = 43_200L * 60) long secondsB) {
    long less = Math.min(secondsA, secondsB);
    long more = Math.max(secondsA, secondsB);

    ExactMoney a = credit(TIERS, Duration.ofSeconds(less));
    ExactMoney b = credit(TIERS, Duration.ofSeconds(more));

    assertThat(a.isNegative()).isFalse();
    assertThat(b.compareTo(a)).isGreaterThanOrEqualTo(0);
  }

  /** The credit for a downtime in June 2024 at USD 20.00; zero for no credit. */
  static ExactMoney credit(CreditRule rule, Duration down) {
    return rule.evaluate(given(USD_20_00).down(down).context()).amount().orElse(ExactMoney.zero(USD));
  }
}
