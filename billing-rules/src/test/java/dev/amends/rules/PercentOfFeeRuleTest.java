package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Standing;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A fixed percentage of the prorated fee for the period. */
class PercentOfFeeRuleTest {
  static final CreditRule TEN_PERCENT = Rules.percentOfFee("ten", new BigDecimal("10"));

  @Test
  void creditsThePercentageOfTheFeeWithTheNumbersInTheReason() {
    Outcome o = TEN_PERCENT.evaluate(given(USD_20_00).context());

    // 10 % of 20.00 = 2.00
    assertThat(o.amount()).contains(ExactMoney.of(money("USD 2.00")));
    assertThat(o.reason()).isEqualTo("10 % of USD 20.00 = USD 2.00");
    assertThat(o.values()).containsEntry("percent", TraceValue.percent(BigDecimal.TEN))
        .containsEntry("fee", TraceValue.money(ExactMoney.of(money("USD 20.00"))));
    assertThat(o.values().get("fee").text()).isEqualTo("USD 20.00");
  }

  @Test
  void takesThePercentageOfTheProratedFee() {
    // Active from 16 June 00:00 New York: 15 of June's 30 days, fee 20.00 × 15/30 = 10.00; 10 % = 1.00.
    Outcome o = TEN_PERCENT.evaluate(
        given(USD_20_00).active(Instant.parse("2024-06-16T04:00:00Z"), Instant.MAX).context());

    assertThat(o.amount()).contains(ExactMoney.of(money("USD 1.00")));
    assertThat(o.reason()).isEqualTo("10 % of USD 10.00 = USD 1.00");
  }

  @ParameterizedTest(name = "{0} % of {1} = {2} → {3}")
  @CsvSource({
      // 12.5 % of 20.00 = 2.50
      "12.5, USD 20.00, 2.5,    USD 2.50",
      // 7 % of 0.25 = 0.0175 → 0.02 half-up (rounded once, by the engine's rounding)
      "7,    USD 0.25,  0.0175, USD 0.02",
      // 150 % of 20.00 = 30.00: more than the fee is allowed
      "150,  USD 20.00, 30,     USD 30.00",
      // 10 % of JPY 1,005 = 100.5 → 101
      "10,   JPY 1005,  100.5,  JPY 101"})
  void computesExactlyAndRoundsOnce(String percent, String fee, String exact, String rounded) {
    ExactMoney amount = Rules.percentOfFee("pct", new BigDecimal(percent))
        .evaluate(given(money(fee)).context()).amount().orElseThrow();

    assertThat(amount.amount()).isEqualTo(Ratio.of(new BigDecimal(exact)));
    assertThat(HALF_UP.round(amount)).isEqualTo(money(rounded));
  }

  @Test
  void showsAnUnroundedAmountInTheReason() {
    // 7 % of 0.25 = 0.0175
    assertThat(Rules.percentOfFee("pct", new BigDecimal("7")).evaluate(given(money("USD 0.25")).context()).reason())
        .isEqualTo("7 % of USD 0.25 = USD 0.0175");
  }

  @Test
  void zeroPercentIsACreditOfZero() {
    Outcome o = Rules.percentOfFee("none", BigDecimal.ZERO).evaluate(given(USD_20_00).context());

    assertThat(o.isCredit()).isTrue();
    assertThat(o.amount()).contains(ExactMoney.zero(USD));
  }

  @Test
  void theCanonicalFormIgnoresTrailingZeros() {
    assertThat(Rules.percentOfFee("ten", new BigDecimal("10.00")).canonical())
        .isEqualTo(TEN_PERCENT.canonical())
        .isEqualTo("{\"kind\":\"percent-of-fee\",\"id\":\"ten\",\"percent\":10}");
    assertThat(Rules.percentOfFee("ten", new BigDecimal("10.5")).canonical())
        .isEqualTo("{\"kind\":\"percent-of-fee\",\"id\":\"ten\",\"percent\":10.5}");
  }

  @Test
  void rejectsANegativeOrMissingPercentNamingIt() {
    assertThatThrownBy(() -> Rules.percentOfFee("pct", new BigDecimal("-1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("pct.percent must not be negative: -1");
    assertThatThrownBy(() -> Rules.percentOfFee("pct", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("pct.percent is required: null");
  }

  @Test
  void givesALineUnderAConditionThatHoldsAndNoneUnderOneThatDoesNot() {
    // INC-1, 10 h in June, ends 2024-06-15T00:00:00Z. Goodwill: 10 % if in good standing at the incident.
    var outage = outage("INC-1", Instant.parse("2024-06-14T14:00:00Z"), Instant.parse("2024-06-15T00:00:00Z"));
    var policy = onePolicy(Rules.when("goodwill", Conditions.inGoodStandingAtIncident(), TEN_PERCENT), HALF_UP);
    Standing overdueAtIncident = Standing.overdueSince(Instant.parse("2024-06-10T04:00:00Z"))
        .then(Standing.Status.GOOD, Instant.parse("2024-06-20T16:00:00Z"));

    CreditDecision good = engineFor(policy, outage).decide(given(USD_20_00).account(), JUNE_2024_NY);
    CreditDecision overdue = engineFor(policy, outage)
        .decide(given(USD_20_00).standing(overdueAtIncident).account(), JUNE_2024_NY);

    assertThat(good.lines()).singleElement().satisfies(l -> {
      assertThat(l.amount()).isEqualTo(money("USD 2.00"));
      assertThat(l.rulePath()).isEqualTo("goodwill/ten");
      assertThat(l.reason()).isEqualTo("10 % of USD 20.00 = USD 2.00");
      assertThat(l.outageIds()).containsExactly("INC-1");
    });
    assertThat(overdue.lines()).isEmpty();
    assertThat(overdue.explain())
        .contains("standing at the end of incident INC-1 (2024-06-15T00:00:00Z): OVERDUE since 2024-06-10T04:00:00Z");
  }
}
