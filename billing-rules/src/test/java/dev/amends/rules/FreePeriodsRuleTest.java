package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingCycle;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Free months or periods (goodwill). */
class FreePeriodsRuleTest {
  static final CreditRule TWO_MONTHS =
      Rules.freePeriods("free", new BigDecimal("2"), Rules.FreePeriodValue.MONTHLY_PRICE);
  static final CreditRule TWO_PERIODS =
      Rules.freePeriods("free", new BigDecimal("2"), Rules.FreePeriodValue.FULL_PERIOD_FEE);

  @Test
  void valuesFreeMonthsAtTheMonthlyPrice() {
    // 2 × USD 20.00 = USD 40.00
    Outcome o = TWO_MONTHS.evaluate(given(USD_20_00).context());

    assertThat(o.amount()).contains(ExactMoney.of(money("USD 40.00")));
    assertThat(o.reason()).isEqualTo("2 month(s) free at USD 20.00 a month = USD 40.00");
  }

  @Test
  void valuesFreeMonthsOfAnAnnualPriceAtATwelfth() {
    // USD 240.00 a year / 12 = USD 20.00 a month × 2 = USD 40.00
    Outcome o = TWO_MONTHS.evaluate(given(USD_20_00).price(money("USD 240.00"), BillingCycle.ANNUAL).context());

    assertThat(o.amount()).contains(ExactMoney.of(money("USD 40.00")));
    assertThat(o.reason()).isEqualTo("2 month(s) free at USD 20.00 a month (USD 240.00 per ANNUAL / 12) = USD 40.00");
  }

  @Test
  void valuesFreeMonthsOfAQuarterlyPriceAtAThird() {
    // USD 60.00 a quarter / 3 = USD 20.00 a month × 2 = USD 40.00
    Outcome o = TWO_MONTHS.evaluate(given(USD_20_00).price(money("USD 60.00"), BillingCycle.QUARTERLY).context());

    assertThat(o.amount()).contains(ExactMoney.of(money("USD 40.00")));
  }

  @Test
  void valuesFreeMonthsForEverySeat() {
    // USD 20.00 × 3 seats × 2 months = USD 120.00
    Outcome o = TWO_MONTHS.evaluate(given(USD_20_00).seats(3).context());

    assertThat(o.amount()).contains(ExactMoney.of(money("USD 120.00")));
  }

  @Test
  void valuesFreePeriodsAtTheFullPeriodFee() {
    // 2 × USD 20.00 = USD 40.00
    Outcome o = TWO_PERIODS.evaluate(given(USD_20_00).context());

    assertThat(o.amount()).contains(ExactMoney.of(money("USD 40.00")));
    assertThat(o.reason()).isEqualTo("2 period(s) free at USD 20.00 a period = USD 40.00");
  }

  @Test
  void valuesFreePeriodsAtTheFullFeeEvenForAPartialPeriod() {
    // Active from 16 June: the prorated fee is USD 10.00, the full fee USD 20.00 → 2 × 20.00 = USD 40.00.
    var ctx = given(USD_20_00).active(Instant.parse("2024-06-16T04:00:00Z"), Instant.MAX).context();

    assertThat(TWO_PERIODS.evaluate(ctx).amount()).contains(ExactMoney.of(money("USD 40.00")));
    assertThat(TWO_MONTHS.evaluate(ctx).amount()).contains(ExactMoney.of(money("USD 40.00")));
  }

  @Test
  void valuesFreeMonthsOfASubscriptionThatStartedWithinThePeriod() {
    // First price USD 20.00 from 16 June, active from 16 June 00:00 New York: no price on 1 June,
    // so the price of the first active day: 2 × USD 20.00 = USD 40.00.
    var ctx = given(USD_20_00).priceFrom(java.time.LocalDate.of(2024, 6, 16), USD_20_00)
        .active(Instant.parse("2024-06-16T04:00:00Z"), Instant.MAX).context();

    assertThat(TWO_MONTHS.evaluate(ctx).amount()).contains(ExactMoney.of(money("USD 40.00")));
  }

  @Test
  void givesAZeroCreditForNoFreeMonths() {
    Outcome o = Rules.freePeriods("free", BigDecimal.ZERO, Rules.FreePeriodValue.MONTHLY_PRICE)
        .evaluate(given(USD_20_00).context());

    assertThat(o.amount()).contains(ExactMoney.zero(USD));
  }

  @ParameterizedTest(name = "2 months of {0} a year = {1} → {2} half-up, {3} half-even")
  @CsvSource({
      // USD 0.15 / 12 = 0.0125 × 2 = 0.025 → 0.03 half-up, 0.02 half-even
      "USD 0.15,  0.025,  USD 0.03,  USD 0.02",
      // JPY 6,003 / 12 = 500.25 × 2 = 1,000.5 → 1,001 half-up, 1,000 half-even
      "JPY 6003,  1000.5, JPY 1001,  JPY 1000",
      // BHD 0.075 / 12 = 0.00625 × 2 = 0.0125 → 0.013 half-up, 0.012 half-even
      "BHD 0.075, 0.0125, BHD 0.013, BHD 0.012"})
  void roundsFreeMonthsOnceAtTheCurrencysScale(String annual, String exact, String halfUp, String halfEven) {
    ExactMoney amount = TWO_MONTHS.evaluate(given(money(annual)).price(money(annual), BillingCycle.ANNUAL).context())
        .amount().orElseThrow();

    assertThat(amount.amount()).isEqualTo(Ratio.of(new BigDecimal(exact)));
    assertThat(HALF_UP.round(amount)).isEqualTo(money(halfUp));
    assertThat(HALF_EVEN.round(amount)).isEqualTo(money(halfEven));
  }

  @Test
  void rejectsANegativeCount() {
    assertThatThrownBy(() -> Rules.freePeriods("free", new BigDecimal("-1"), Rules.FreePeriodValue.MONTHLY_PRICE))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("free.count"));
  }

  @Test
  void rejectsAMissingValuationNamingTheField() {
    assertThatThrownBy(() -> Rules.freePeriods("free", BigDecimal.ONE, null))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("free.valuation"));
  }
}
