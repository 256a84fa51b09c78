package dev.amends.core.money;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class DayCountTest {
  private static final Money USD_20_00 = Money.parse("USD 20.00");
  private static final Rounding HALF_UP = Rounding.of(RoundingMode.HALF_UP);
  /** 31 days. */
  private static final BillingPeriod DEC_2007_EASTERN =
      BillingPeriod.month(YearMonth.of(2007, 12), ZoneId.of("America/New_York"));
  /** 29 days. */
  private static final BillingPeriod FEB_2024_UTC = BillingPeriod.month(YearMonth.of(2024, 2), ZoneOffset.UTC);

  private static ExactMoney usd(long num, long den) {
    return ExactMoney.of(CurrencyUnit.USD, Ratio.of(num, den));
  }

  @Test
  void actualDividesByTheDaysInTheMonth() {
    // 20 / 31 = 0.645161…; 20 / 29 = 0.689655…
    assertThat(DayCount.ACTUAL.dailyRate(USD_20_00, DEC_2007_EASTERN)).isEqualTo(usd(20, 31));
    assertThat(DayCount.ACTUAL.dailyRate(USD_20_00, FEB_2024_UTC)).isEqualTo(usd(20, 29));
    assertThat(DayCount.ACTUAL.dailyRate(USD_20_00, DEC_2007_EASTERN).rounded(HALF_UP))
        .isEqualTo(Money.parse("USD 0.65"));
    assertThat(DayCount.ACTUAL.dailyRate(USD_20_00, FEB_2024_UTC).rounded(HALF_UP)).isEqualTo(Money.parse("USD 0.69"));
  }

  @Test
  void thirtyCountsEveryMonthAsThirtyDays() {
    // 20 / 30 = 2/3 = 0.666… in December and February alike
    assertThat(DayCount.THIRTY.dailyRate(USD_20_00, DEC_2007_EASTERN)).isEqualTo(usd(2, 3));
    assertThat(DayCount.THIRTY.dailyRate(USD_20_00, FEB_2024_UTC)).isEqualTo(usd(2, 3));
  }

  @Test
  void actual365ScalesTheFeeToAYearOfThreeHundredSixtyFiveDays() {
    // 20 × 12 / 365 = 240/365 = 48/73 = 0.657534…, whatever the month's length
    assertThat(DayCount.ACTUAL_365.dailyRate(USD_20_00, DEC_2007_EASTERN)).isEqualTo(usd(48, 73));
    assertThat(DayCount.ACTUAL_365.dailyRate(USD_20_00, FEB_2024_UTC)).isEqualTo(usd(48, 73));
    assertThat(DayCount.ACTUAL_365.dailyRate(USD_20_00, FEB_2024_UTC).rounded(HALF_UP))
        .isEqualTo(Money.parse("USD 0.66"));
  }

  @Test
  void valuesThreeDaysOfServiceInDecember() {
    // ACTUAL: 3 × 20/31 = 60/31 = 1.935483… → USD 1.94
    assertThat(DayCount.ACTUAL.valueOfDays(USD_20_00, DEC_2007_EASTERN, Ratio.of(3))).isEqualTo(usd(60, 31));
    assertThat(DayCount.ACTUAL.valueOfDays(USD_20_00, DEC_2007_EASTERN, Ratio.of(3)).rounded(HALF_UP))
        .isEqualTo(Money.parse("USD 1.94"));
    // THIRTY: 3 × 2/3 = USD 2 exactly
    assertThat(DayCount.THIRTY.valueOfDays(USD_20_00, DEC_2007_EASTERN, Ratio.of(3))).isEqualTo(usd(2, 1));
    // ACTUAL_365: 3 × 48/73 = 144/73 = 1.972602… → USD 1.97
    assertThat(DayCount.ACTUAL_365.valueOfDays(USD_20_00, DEC_2007_EASTERN, Ratio.of(3)).rounded(HALF_UP))
        .isEqualTo(Money.parse("USD 1.97"));
  }

  @Test
  void valuesAFractionOfADay() {
    // Half a day in February 2024: 1/2 × 20/29 = 10/29 = 0.344827… → USD 0.34
    assertThat(DayCount.ACTUAL.valueOfDays(USD_20_00, FEB_2024_UTC, Ratio.of(1, 2))).isEqualTo(usd(10, 29));
    // All 29 days of February are worth the whole fee.
    assertThat(DayCount.ACTUAL.valueOfDays(USD_20_00, FEB_2024_UTC, Ratio.of(29))).isEqualTo(usd(20, 1));
  }

  @Test
  void quarterlyPeriodsDivideByTheQuartersDays() {
    // Q1 2024: 31 + 29 + 31 = 91 days; fee USD 60.00
    BillingPeriod q1 = BillingSchedule.calendar(BillingCycle.QUARTERLY, ZoneOffset.UTC)
        .periodContaining(LocalDate.of(2024, 2, 1));
    Money fee = Money.parse("USD 60.00");

    assertThat(DayCount.ACTUAL.dailyRate(fee, q1)).isEqualTo(usd(60, 91));
    // 60 / (30 × 3) = 2/3
    assertThat(DayCount.THIRTY.dailyRate(fee, q1)).isEqualTo(usd(2, 3));
    // 60 × 12 / (365 × 3) = 720/1095 = 48/73
    assertThat(DayCount.ACTUAL_365.dailyRate(fee, q1)).isEqualTo(usd(48, 73));
  }

  @Test
  void yenDailyRateKeepsItsFraction() {
    // JPY 1,000 / 31 = 32.258…; seven days = 7000/31 = 225.8… → JPY 226
    Money yen = Money.parse("JPY 1000");

    assertThat(DayCount.ACTUAL.valueOfDays(yen, DEC_2007_EASTERN, Ratio.of(7)))
        .isEqualTo(ExactMoney.of(CurrencyUnit.JPY, Ratio.of(7000, 31)));
    assertThat(DayCount.ACTUAL.valueOfDays(yen, DEC_2007_EASTERN, Ratio.of(7)).rounded(HALF_UP))
        .isEqualTo(Money.parse("JPY 226"));
  }
}
