package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "10x the prorated fee for the downtime beyond 99.9 %". */
class ProratedMultipleRuleTest {
  static final CreditRule TEN_X_BEYOND_99_9 =
      Rules.multipleOfProratedFee("ten-x", new BigDecimal("10"), new BigDecimal("99.9"));

  // June 2024 in New York: 43,200 min; the allowance is 0.1 % of it = 43.2 min.

  @Test
  void creditsTenTimesTheFeeForTheDowntimeBeyondTheAllowance() {
    // 120 min down - 43.2 allowed = 76.8 min excess; 20.00 × 76.8 / 43,200 = 0.0355...;
    // × 10 = 15,360 / 43,200 = 16/45 = 0.3555... → USD 0.36 (either half mode: not a half).
    Outcome o = TEN_X_BEYOND_99_9.evaluate(given(USD_20_00).downMinutes("120").context());

    ExactMoney amount = o.amount().orElseThrow();
    assertThat(amount).isEqualTo(ExactMoney.of(USD, Ratio.of(16, 45)));
    assertThat(HALF_UP.round(amount)).isEqualTo(money("USD 0.36"));
    assertThat(HALF_EVEN.round(amount)).isEqualTo(money("USD 0.36"));
    // 43.2 min = 2,592 s; 76.8 min = 4,608 s; 20.00 x 76.8 / 43,200 = 8/225
    assertThat(o.values())
        .containsEntry("downtime", TraceValue.duration(Duration.ofMinutes(120)))
        .containsEntry("allowance", TraceValue.duration(Duration.ofSeconds(2592)))
        .containsEntry("excess", TraceValue.duration(Duration.ofSeconds(4608)))
        .containsEntry("proratedFee", TraceValue.money(ExactMoney.of(USD, Ratio.of(8, 225))));
    assertThat(o.values().values()).extracting(TraceValue::text)
        .containsExactly("120 min", "43.2 min", "76.8 min", "USD 0.035556");
  }

  @Test
  void givesNoCreditAtExactlyTheAllowance() {
    Outcome o = TEN_X_BEYOND_99_9.evaluate(given(USD_20_00).downMinutes("43.2").context());

    assertThat(o.isCredit()).isFalse();
    assertThat(o.reason()).isEqualTo("43.2 min down <= allowance 43.2 min = (100 % - 99.9 %) of 43200 min");
  }

  @Test
  void givesNoCreditUnderTheAllowance() {
    assertThat(TEN_X_BEYOND_99_9.evaluate(given(USD_20_00).downMinutes("30").context()).isCredit()).isFalse();
    assertThat(TEN_X_BEYOND_99_9.evaluate(given(USD_20_00).context()).isCredit()).isFalse();
  }

  @Test
  void creditsOneNanosecondBeyondTheAllowance() {
    // 1 ns excess: 20.00 × 10 × 1 / (43,200 × 60 × 10^9) = 200 / 2,592,000,000,000,000 = 1/12,960,000,000,000.
    Outcome o = TEN_X_BEYOND_99_9.evaluate(given(USD_20_00).down(minutes("43.2").plusNanos(1)).context());

    assertThat(o.amount()).contains(ExactMoney.of(USD, Ratio.of(1, 12_960_000_000_000L)));
  }

  @Test
  void takesAFixedDurationAllowance() {
    CreditRule rule = Rules.multipleOfProratedFee("ten-x", new BigDecimal("10"), Duration.ofHours(1));
    // 120 min - 60 allowed = 60 min; 20.00 × 60 / 43,200 × 10 = 12,000 / 43,200 = 5/18 = 0.2777... → USD 0.28.
    Outcome o = rule.evaluate(given(USD_20_00).downMinutes("120").context());

    assertThat(o.amount()).contains(ExactMoney.of(USD, Ratio.of(5, 18)));
    assertThat(HALF_UP.round(o.amount().orElseThrow())).isEqualTo(money("USD 0.28"));
    // Exactly 60 min: no credit.
    assertThat(rule.evaluate(given(USD_20_00).downMinutes("60").context()).isCredit()).isFalse();
  }

  @Test
  void proratesByTheLengthOfTheMonth() {
    // July 2024: 44,640 min; allowance 44.64 min; 120 - 44.64 = 75.36 min excess;
    // 20.00 × 75.36 / 44,640 × 10 = 15,072 / 44,640 = 157/465 = 0.33763... → USD 0.34.
    Outcome o = TEN_X_BEYOND_99_9.evaluate(given(USD_20_00).period(JULY_2024_NY).downMinutes("120").context());

    assertThat(o.amount()).contains(ExactMoney.of(USD, Ratio.of(157, 465)));
    assertThat(HALF_UP.round(o.amount().orElseThrow())).isEqualTo(money("USD 0.34"));
  }

  @ParameterizedTest(name = "10 × 1 % of {0} = {1} → {2} half-up, {3} half-even")
  @CsvSource({
      // 10 × 0.01 × USD 0.25 = 0.025 → 0.03 half-up, 0.02 half-even
      "USD 0.25,  0.025,  USD 0.03,  USD 0.02",
      // 10 × 0.01 × JPY 1,005 = 100.5 → 101 half-up, 100 half-even
      "JPY 1005,  100.5,  JPY 101,   JPY 100",
      // 10 × 0.01 × BHD 0.125 = 0.0125 → 0.013 half-up, 0.012 half-even
      "BHD 0.125, 0.0125, BHD 0.013, BHD 0.012"})
  void roundsTheMultipleOnceAtTheCurrencysScale(String fee, String exact, String halfUp, String halfEven) {
    // 475.2 min down - 43.2 allowed = 432 min = 1 % of 43,200 → 10 × 1 % = 10 % of the fee.
    ExactMoney amount = TEN_X_BEYOND_99_9.evaluate(given(money(fee)).downMinutes("475.2").context())
        .amount().orElseThrow();

    assertThat(amount.amount()).isEqualTo(Ratio.of(new BigDecimal(exact)));
    assertThat(HALF_UP.round(amount)).isEqualTo(money(halfUp));
    assertThat(HALF_EVEN.round(amount)).isEqualTo(money(halfEven));
  }

  @Test
  void decidesToTheCentThroughTheEngine() {
    // A 120 min unplanned outage: USD 0.36 as above.
    var outage = outage("INC-1", Instant.parse("2024-06-14T14:00:00Z"), Instant.parse("2024-06-14T16:00:00Z"));
    var account = given(USD_20_00).account();

    CreditDecision d = engineFor(onePolicy(TEN_X_BEYOND_99_9, HALF_UP), outage).decide(account, JUNE_2024_NY);

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(money("USD 0.36"));
    assertThat(d.lines().get(0).outageIds()).containsExactly("INC-1");
  }

  @Test
  void rejectsAnAvailabilityAboveOneHundred() {
    assertThatThrownBy(() -> Rules.multipleOfProratedFee("x", BigDecimal.TEN, new BigDecimal("100.1")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("x.availabilityPercent"));
  }

  @Test
  void rejectsANegativeMultipleOrAllowance() {
    assertThatThrownBy(() -> Rules.multipleOfProratedFee("x", new BigDecimal("-1"), new BigDecimal("99.9")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("x.multiple"));
    assertThatThrownBy(() -> Rules.multipleOfProratedFee("x", BigDecimal.TEN, Duration.ofMinutes(-1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("x.allowance"));
  }
}
