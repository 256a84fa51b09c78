package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.amends.core.money.DayCount;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapTest {
  static final CapLimit USD_5_00 = CapLimit.amount(usd("5.00"));

  static RuleNode threeAndFour() {
    return Rules.sum("s", Fixed.credit("a", "3.00"), Fixed.credit("b", "4.00"));
  }

  @Test
  void cutsTheLastLinesFirstWhenSpreadInOrder() {
    CreditDecision d = decide(Rules.cap("cap", USD_5_00, Rules.CapScope.PER_PERIOD, Rules.Spread.IN_ORDER,
        threeAndFour()));

    // 3.00 + 4.00 = 7.00 > 5.00: a keeps 3.00, b gets 5.00 - 3.00 = 2.00
    assertThat(d.lines()).extracting(CreditLine::rulePath, CreditLine::amount)
        .containsExactly(tuple("cap/s/a", usd("3.00")), tuple("cap/s/b", usd("2.00")));
    assertThat(d.flags()).contains(DecisionFlag.CAP_REACHED);
  }

  @Test
  void cutsEveryLineByTheSameFactorWhenSpreadProRata() {
    CreditDecision d = decide(Rules.cap("cap", USD_5_00, Rules.CapScope.PER_PERIOD, Rules.Spread.PRO_RATA,
        threeAndFour()));

    // factor 5/7: a = 15/7 = 2.142857… -> 2.14; b = 20/7 = 2.857142… -> 2.86; 2.14 + 2.86 = 5.00
    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(usd("2.14"), usd("2.86"));
    assertThat(d.lines().get(1).reason()).isEqualTo("fixed 4.00; capped from USD 7.00 to USD 5.00 (limit USD 5.00)");
  }

  @Test
  void spreadsACutOverThreeLinesInOrderOrProRata() {
    RuleNode three = Rules.sum("s", Fixed.credit("a", "4.00"), Fixed.credit("b", "4.00"), Fixed.credit("c", "4.00"));
    CapLimit ten = CapLimit.amount(usd("10.00"));

    // 12.00 > 10.00 in order: 4.00, 4.00, then 10.00 - 8.00 = 2.00
    assertThat(decide(Rules.cap("cap", ten, Rules.CapScope.PER_PERIOD, Rules.Spread.IN_ORDER, three)).lines())
        .extracting(CreditLine::amount).containsExactly(usd("4.00"), usd("4.00"), usd("2.00"));
    // pro rata: each 4.00 × 10/12 = 3.3333…; the cut group is rounded as a whole, 10.00, and split
    // by largest remainder: 3.34 + 3.33 + 3.33 = 10.00 (not 3 × 3.33 = 9.99, a cent short of the cap)
    assertThat(decide(Rules.cap("cap", ten, Rules.CapScope.PER_PERIOD, Rules.Spread.PRO_RATA, three)).lines())
        .extracting(CreditLine::amount).containsExactly(usd("3.34"), usd("3.33"), usd("3.33"));
  }

  @Test
  void dropsALineCutToNothingInOrder() {
    RuleNode three = Rules.sum("s", Fixed.credit("a", "3.00"), Fixed.credit("b", "2.00"), Fixed.credit("c", "1.00"));

    // 6.00 > 5.00: a 3.00, b 2.00, c 5.00 - 5.00 = 0 -> no line
    assertThat(decide(Rules.cap("cap", USD_5_00, three)).lines()).extracting(CreditLine::rulePath)
        .containsExactly("cap/s/a", "cap/s/b");
  }

  @Test
  void tracesTheCutAsCappedFromToWithTheLimit() {
    Evaluation e = evaluate(Rules.cap("cap", USD_5_00, threeAndFour()));

    assertThat(e.trace().verdict()).isEqualTo(Verdict.CAPPED);
    assertThat(e.trace().summary()).isEqualTo("capped from USD 7.00 to USD 5.00 (limit USD 5.00)");
    assertThat(e.trace().values())
        .containsEntry("before", TraceValue.money(ExactMoney.of(usd("7.00"))))
        .containsEntry("limit", TraceValue.text("USD 5.00"))
        .containsEntry("after", TraceValue.money(ExactMoney.of(usd("5.00"))));
    assertThat(e.flags()).containsExactly(DecisionFlag.CAP_REACHED);
  }

  @Test
  void passesLinesThroughWhenTheCapDoesNotBind() {
    Evaluation e = evaluate(Rules.cap("cap", CapLimit.amount(usd("7.00")), threeAndFour()));

    // 7.00 is not above 7.00
    assertThat(e.trace().verdict()).isEqualTo(Verdict.CREDITED);
    assertThat(e.trace().summary()).isEqualTo("within cap: USD 7.00 <= USD 7.00");
    assertThat(e.flags()).doesNotContain(DecisionFlag.CAP_REACHED);
    assertThat(e.lines()).extracting(l -> l.reason()).containsExactly("fixed 3.00", "fixed 4.00");
  }

  @Test
  void isNotMetWhenTheChildGivesNothing() {
    Evaluation e = evaluate(Rules.cap("cap", USD_5_00, Fixed.none("a", "no")));

    assertThat(e.trace().verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(e.trace().summary()).isEqualTo("nothing to cap");
  }

  @Test
  void limitsToAPercentOfTheFee() {
    Evaluation e = evaluate(Rules.cap("cap", CapLimit.percentOfFee(new BigDecimal("10")), Fixed.credit("a", "3.00")));

    // 10 % of USD 20.00 = 2.00
    assertThat(e.trace().summary()).isEqualTo("capped from USD 3.00 to USD 2.00 (limit 10 % of fee USD 20.00)");
    assertThat(decide(Rules.cap("cap", CapLimit.percentOfFee(new BigDecimal("10")), Fixed.credit("a", "3.00")))
        .lines()).extracting(CreditLine::amount).containsExactly(usd("2.00"));
  }

  @Test
  void limitsToDaysValuedAtTheDayCount() {
    RuleNode tree = Rules.cap("cap", CapLimit.days(new BigDecimal("3"), DayCount.ACTUAL), Fixed.credit("a", "5.00"));

    // June, 30 days: 3 × 20.00 / 30 = 2.00
    assertThat(decide(tree).lines()).extracting(CreditLine::amount).containsExactly(usd("2.00"));
    // December, 31 days: 3 × 20.00 / 31 = 1.935483…; HALF_UP would give 1.94, above the limit,
    // so a capped line is rounded down to stay within it: 1.93
    CreditDecision dec = engine(policy("p", tree)).decide(ACCOUNT_USD_20, DEC_2024_UTC);
    assertThat(dec.lines()).extracting(CreditLine::amount).containsExactly(usd("1.93"));
    assertThat(dec.trace("sub-1", "p").orElseThrow().root().summary())
        .isEqualTo("capped from USD 5.00 to USD 1.935484 (limit 3 days at ACTUAL = USD 1.935484)");
    // THIRTY in December: 3 × 20.00 / 30 = 2.00
    RuleNode thirty = Rules.cap("cap", CapLimit.days(new BigDecimal("3"), DayCount.THIRTY), Fixed.credit("a", "5.00"));
    assertThat(engine(policy("p", thirty)).decide(ACCOUNT_USD_20, DEC_2024_UTC).lines())
        .extracting(CreditLine::amount).containsExactly(usd("2.00"));
  }

  @Test
  void cutsDaysOfServiceToTheDayLimit() {
    // 5 days of a June month valued at 5 × 20.00 / 30 = 10/3
    RuleNode tree = Rules.cap("cap", CapLimit.days(new BigDecimal("3"), DayCount.ACTUAL),
        Fixed.credit("days", "10/3").withDays("5"));

    CreditLine line = decide(tree).lines().get(0);

    // factor 3/5: 10/3 × 3/5 = 2.00 and 5 × 3/5 = 3 days
    assertThat(line.amount()).isEqualTo(usd("2.00"));
    assertThat(line.days()).contains(Ratio.of(3));
  }

  @Test
  void capsEachIncidentOnItsOwn() {
    RuleNode lines = Rules.sum("s",
        Fixed.credit("a", "3.00", "OUT-1"), Fixed.credit("b", "4.00", "OUT-2"), Fixed.credit("c", "2.00", "OUT-1"));
    CapLimit four = CapLimit.amount(usd("4.00"));

    CreditDecision perIncident = decide(Rules.cap("cap", four, Rules.CapScope.PER_INCIDENT, Rules.Spread.IN_ORDER, lines));
    // OUT-1: 3.00 + 2.00 = 5.00 > 4.00 -> a 3.00, c 1.00; OUT-2: 4.00 is not above 4.00 -> b 4.00; written order kept
    assertThat(perIncident.lines()).extracting(CreditLine::rulePath, CreditLine::amount)
        .containsExactly(tuple("cap/s/a", usd("3.00")), tuple("cap/s/b", usd("4.00")), tuple("cap/s/c", usd("1.00")));
    assertThat(perIncident.trace("sub-1", "p").orElseThrow().root().summary())
        .isEqualTo("capped from USD 5.00 to USD 4.00 (limit USD 4.00, incident OUT-1)");

    CreditDecision proRata = decide(Rules.cap("cap", four, Rules.CapScope.PER_INCIDENT, Rules.Spread.PRO_RATA, lines));
    // OUT-1 factor 4/5: a 2.40, c 1.60; b untouched
    assertThat(proRata.lines()).extracting(CreditLine::amount).containsExactly(usd("2.40"), usd("4.00"), usd("1.60"));

    CreditDecision perPeriod = decide(Rules.cap("cap", four, Rules.CapScope.PER_PERIOD, Rules.Spread.IN_ORDER, lines));
    // 9.00 > 4.00: a 3.00, b 1.00, c nothing
    assertThat(perPeriod.lines()).extracting(CreditLine::rulePath, CreditLine::amount)
        .containsExactly(tuple("cap/s/a", usd("3.00")), tuple("cap/s/b", usd("1.00")));
  }

  @ParameterizedTest(name = "{0} fee {1}: 25 % = {2} -> {3} {4}")
  @CsvSource({
      // fee,       25 % of it, rounding,  credit
      // A capped credit never exceeds its limit: where the mode rounds up past it, it goes down.
      "USD 20.10, 5.025,  HALF_UP,   USD 5.02",
      "USD 20.30, 5.075,  HALF_EVEN, USD 5.07",
      "USD 20.10, 5.025,  HALF_EVEN, USD 5.02",
      "USD 20.00, 5.00,   HALF_EVEN, USD 5.00",
      "JPY 2010,  502.5,  HALF_UP,   JPY 502",
      "JPY 2010,  502.5,  HALF_EVEN, JPY 502",
      "BHD 20.010, 5.0025, HALF_UP,   BHD 5.002",
      "BHD 20.006, 5.0015, HALF_EVEN, BHD 5.001",
      "BHD 20.010, 5.0025, HALF_EVEN, BHD 5.002",
  })
  void roundsTheCappedLineOnceAndNeverAboveTheLimit(String fee, String quarter, RoundingMode mode, String credit) {
    Money monthly = Money.parse(fee);
    RuleNode tree = Rules.cap("cap", CapLimit.percentOfFee(new BigDecimal("25")), Fixed.credit("a", "900"));
    Policy p = policyBuilder("p", tree, Rounding.of(mode)).build();

    CreditDecision d = engine(p).decide(account("acct-" + monthly.getCurrencyUnit(), monthly), JUNE_2024_UTC);

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(Money.parse(credit));
    assertThat(d.trace("sub-1", "p").orElseThrow().root().values().get("after").text())
        .isEqualTo(monthly.getCurrencyUnit().getCode() + " " + quarter);
    assertThat(d.flags()).contains(DecisionFlag.CAP_REACHED);
  }

  @Test
  void recordsTheCappedAmountOnTheTrace() {
    Evaluation e = evaluate(Rules.cap("cap", USD_5_00, threeAndFour()));

    assertThat(e.trace().amount()).isEqualTo(Optional.of(dev.amends.core.money.ExactMoney.of(usd("5.00"))));
    assertThat(e.trace().children()).singleElement().extracting(TraceNode::verdict).isEqualTo(Verdict.CREDITED);
  }

  @Test
  void proRataLinesRoundedTogetherNeverSumAboveTheCap() {
    RuleNode tree = Rules.cap("cap", CapLimit.percentOfFee(new BigDecimal("100")), Rules.CapScope.PER_PERIOD,
        Rules.Spread.PRO_RATA,
        Rules.sum("s", Fixed.credit("a", "10.00"), Fixed.credit("b", "10.00"), Fixed.credit("c", "10.00")));

    CreditDecision d = decide(tree);

    // 30.00 capped to the fee, 20.00: each line 20/3 = 6.666…, which HALF_UP alone would make
    // 6.67 × 3 = 20.01. The group's total 20.00 is split by largest remainder: 6.67, 6.67, 6.66.
    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(usd("6.67"), usd("6.67"), usd("6.66"));
    assertThat(d.total(org.joda.money.CurrencyUnit.USD)).isEqualTo(usd("20.00"));
    assertThat(d.lines().get(2).reason()).endsWith("rounded with its cap group so the cents stay within the cap");
  }

  @Test
  void linesUnderABindingCapRoundedOneByOneStayAsTheyAre() {
    RuleNode tree = Rules.cap("cap", CapLimit.percentOfFee(new BigDecimal("100")), Rules.CapScope.PER_PERIOD,
        Rules.Spread.PRO_RATA, Rules.sum("s", Fixed.credit("a", "15.00"), Fixed.credit("b", "15.00")));

    // 30.00 capped to 20.00: 10.00 each, exact; no regrouping needed.
    assertThat(decide(tree).lines()).extracting(CreditLine::amount).containsExactly(usd("10.00"), usd("10.00"));
    assertThat(decide(tree).lines().get(0).reason()).doesNotContain("rounded with its cap group");
  }
}
