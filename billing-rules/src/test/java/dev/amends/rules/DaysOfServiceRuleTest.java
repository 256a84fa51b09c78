package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.DayCount;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Availability tiers mapped to days of service, as a term extension and valued by a day count. */
class DaysOfServiceRuleTest {
  static final Tier[] TABLE = {
      Tier.range("99.0", "99.9", "1"), Tier.range("95.0", "99.0", "3"), Tier.range("0", "95.0", "7")};

  // June 2024 (New York): 43,200 min. 600 min down → 42,600 / 43,200 = 98.6111...% → 3 days.
  // July 2024 (New York): 44,640 min. 600 min down → 44,040 / 44,640 = 98.6559...% → 3 days.

  @Test
  void extendsTheTermWithoutMoney() {
    Outcome o = Rules.daysOfService("days", null, TABLE).evaluate(given(USD_20_00).downMinutes("600").context());

    assertThat(o.amount()).contains(ExactMoney.zero(USD));
    assertThat(o.days()).contains(Ratio.of(3));
    assertThat(o.reason()).isEqualTo("availability 98.6111 % < 99 % -> 3 days of service");
  }

  @ParameterizedTest(name = "3 days of USD 31.00 in July, {0}: {1} → {2}")
  @CsvSource({
      // 31.00 / 31 days = 1.00 a day × 3 = 3.00
      "ACTUAL,     3,         USD 3.00",
      // 31.00 / 30 = 1.0333... a day × 3 = 3.10
      "THIRTY,     31/10,     USD 3.10",
      // 31.00 × 12 / 365 = 1.01917... a day × 3 = 1,116 / 365 = 3.0575... → 3.06
      "ACTUAL_365, 1116/365,  USD 3.06"})
  void valuesTheDaysAtTheDayCountsDailyRate(DayCount dayCount, String exact, String rounded) {
    Outcome o = Rules.daysOfService("days", dayCount, TABLE)
        .evaluate(given(money("USD 31.00")).period(JULY_2024_NY).downMinutes("600").context());

    ExactMoney amount = o.amount().orElseThrow();
    assertThat(amount.amount()).isEqualTo(ratio(exact));
    assertThat(HALF_UP.round(amount)).isEqualTo(money(rounded));
    assertThat(o.days()).contains(Ratio.of(3));
  }

  @ParameterizedTest(name = "3 days of {0} in June (actual) = {1} → {2} half-up, {3} half-even")
  @CsvSource({
      // USD 0.25 / 30 × 3 = 0.025 → 0.03 half-up, 0.02 half-even
      "USD 0.25,  0.025,  USD 0.03,  USD 0.02",
      // JPY 1,005 / 30 × 3 = 100.5 → 101 half-up, 100 half-even
      "JPY 1005,  100.5,  JPY 101,   JPY 100",
      // BHD 0.125 / 30 × 3 = 0.0125 → 0.013 half-up, 0.012 half-even
      "BHD 0.125, 0.0125, BHD 0.013, BHD 0.012"})
  void roundsTheValueOnceAtTheCurrencysScale(String fee, String exact, String halfUp, String halfEven) {
    ExactMoney amount = Rules.daysOfService("days", DayCount.ACTUAL, TABLE)
        .evaluate(given(money(fee)).downMinutes("600").context()).amount().orElseThrow();

    assertThat(amount.amount()).isEqualTo(Ratio.of(new BigDecimal(exact)));
    assertThat(HALF_UP.round(amount)).isEqualTo(money(halfUp));
    assertThat(HALF_EVEN.round(amount)).isEqualTo(money(halfEven));
  }

  @Test
  void valuesAtTheFullFeeEvenForAPartialPeriod() {
    // Active from 16 June: the fee is USD 10.00, but a day of service is worth 20.00 / 30;
    // 3 days = 2.00 (the rule values days of the full fee). 600 min down of the period → 3 days.
    var ctx = given(USD_20_00).active(Instant.parse("2024-06-16T04:00:00Z"), Instant.MAX)
        .downMinutes("600").context();

    assertThat(Rules.daysOfService("days", DayCount.ACTUAL, TABLE).evaluate(ctx).amount())
        .contains(ExactMoney.of(money("USD 2.00")));
  }

  @Test
  void givesNoDaysAtExactlyTheThreshold() {
    // 43.2 min down: exactly 99.9 %.
    Outcome o = Rules.daysOfService("days", null, TABLE).evaluate(given(USD_20_00).downMinutes("43.2").context());

    assertThat(o.isCredit()).isFalse();
    assertThat(o.days()).isEmpty();
  }

  @Test
  void flagsAnAvailabilityOnABoundaryNeitherNeighbourIncludes() {
    CreditRule rule = Rules.daysOfService("days", null,
        Tier.range("95", "99", "3"), Tier.of("99", false, "99.9", false, "1"));
    // 432 min: exactly 99 %.
    Outcome o = rule.evaluate(given(USD_20_00).downMinutes("432").context());

    assertThat(o.isCredit()).isFalse();
    assertThat(o.flags()).containsExactly(DecisionFlag.AMBIGUOUS_BOUNDARY);
  }

  @Test
  void issuesATermExtensionLineThroughTheEngine() {
    // A 600 min outage in June: 3 days, amount USD 0.00, kept because it carries days.
    var outage = outage("INC-1", Instant.parse("2024-06-14T14:00:00Z"), Instant.parse("2024-06-15T00:00:00Z"));

    CreditDecision d = engineFor(onePolicy(Rules.daysOfService("days", null, TABLE), HALF_UP), outage)
        .decide(given(USD_20_00).account(), JUNE_2024_NY);

    assertThat(d.lines()).singleElement().satisfies(l -> {
      assertThat(l.amount()).isEqualTo(money("USD 0.00"));
      assertThat(l.days()).contains(Ratio.of(3));
    });
  }

  static Ratio ratio(String text) {
    String[] parts = text.split("/");
    return parts.length == 1 ? Ratio.of(new BigDecimal(parts[0]))
        : Ratio.of(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()));
  }
}
