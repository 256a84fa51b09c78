package dev.amends.core.account;

import static dev.amends.core.fixtures.Story2007.CUSTOMER_ON_CLUSTER_2;
import static dev.amends.core.fixtures.Story2007.DEC_2007_EASTERN;
import static dev.amends.core.fixtures.Story2007.EASTERN;
import static dev.amends.core.fixtures.Story2007.ON_CLUSTER_2;
import static dev.amends.core.fixtures.Story2007.USD_20_00;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.Interval;

/**
 * The fee for a billing period. December 2007 in US Eastern (EST all month) has 31 days, 744 hours:
 * it runs from 2007-12-01T05:00Z to 2008-01-01T05:00Z.
 */
class PeriodFeeTest {
  private static final Rounding HALF_UP = Rounding.of(RoundingMode.HALF_UP);
  private static final Instant DEC_1_2007 = Instant.parse("2007-12-01T05:00:00Z");
  private static final Instant JAN_1_2008 = Instant.parse("2008-01-01T05:00:00Z");
  /** 25 Dec 2007, 15:00 Eastern (EST, -5). */
  private static final Instant DEC_25_2007_3PM = Instant.parse("2007-12-25T20:00:00Z");
  private static final BillingPeriod MAR_2024_EASTERN = BillingPeriod.month(YearMonth.of(2024, 3), EASTERN);

  private static ExactMoney usd(long num, long den) {
    return ExactMoney.of(CurrencyUnit.USD, Ratio.of(num, den));
  }

  private static Subscription.Builder sub(PriceSchedule prices) {
    return Subscription.builder()
        .id("sub-x")
        .plan("grid")
        .prices(prices)
        .active(Instant.parse("2006-01-01T05:00:00Z"), Instant.MAX)
        .addPlacements(Scope.of("grid/cluster-2"));
  }

  private static Subscription monthly20(Instant from, Instant to) {
    return sub(PriceSchedule.monthly(USD_20_00)).active(from, to).build();
  }

  private static Account account(Subscription s) {
    return Account.builder().id("acct-x").currency(CurrencyUnit.USD).zone(EASTERN).addSubscriptions(s).build();
  }

  private static PeriodFee fee(Subscription s, BillingPeriod p, Proration proration) {
    return PeriodFee.of(account(s), s, p, proration);
  }

  // ---------------------------------------------------------------- whole and partial months

  @ParameterizedTest
  @EnumSource(Proration.class)
  void fullMonthCostsTheMonthlyPriceWhateverTheProration(Proration proration) {
    PeriodFee f = PeriodFee.of(CUSTOMER_ON_CLUSTER_2, ON_CLUSTER_2, DEC_2007_EASTERN, proration);

    assertThat(f.fullFee()).isEqualTo(usd(20, 1));
    assertThat(f.fee()).isEqualTo(usd(20, 1));
    assertThat(f.fee().rounded(HALF_UP)).isEqualTo(Money.parse("USD 20.00"));
    assertThat(f.activeShare()).isEqualTo(Ratio.ONE);
    assertThat(f.activeWindow()).contains(DEC_2007_EASTERN.window());
    assertThat(f.isActive()).isTrue();
    assertThat(f.period()).isEqualTo(DEC_2007_EASTERN);
    assertThat(f.proration()).isEqualTo(proration);
    assertThat(f).hasToString("USD 20.00 for 2007-12");
  }

  @Test
  void startingOnChristmasAfternoonPaysByTheHour() {
    PeriodFee f = fee(monthly20(DEC_25_2007_3PM, Instant.MAX), DEC_2007_EASTERN, Proration.BY_TIME);

    // 25 Dec 15:00 to 1 Jan 00:00 Eastern: 6 days 9 hours = 153 h of 744 h.
    // 20 × 153/744 = 3060/744 = 255/62 = 4.112903… → USD 4.11
    assertThat(f.activeShare()).isEqualTo(Ratio.of(153, 744));
    assertThat(f.fee()).isEqualTo(usd(255, 62));
    assertThat(f.fee().rounded(HALF_UP)).isEqualTo(Money.parse("USD 4.11"));
    assertThat(f.fullFee()).isEqualTo(usd(20, 1));
    assertThat(f.activeWindow()).contains(Interval.of(DEC_25_2007_3PM, JAN_1_2008));
    assertThat(f).hasToString("USD 4.112903 (51/248 of USD 20.00) for 2007-12");
  }

  @Test
  void startingOnChristmasAfternoonPaysForSevenWholeDaysByDay() {
    PeriodFee f = fee(monthly20(DEC_25_2007_3PM, Instant.MAX), DEC_2007_EASTERN, Proration.BY_DAY);

    // 25, 26, …, 31 December: 7 days of 31, the start day counting whole.
    // 20 × 7/31 = 140/31 = 4.516129… → USD 4.52 (HALF_UP)
    assertThat(f.activeShare()).isEqualTo(Ratio.of(7, 31));
    assertThat(f.fee()).isEqualTo(usd(140, 31));
    assertThat(f.fee().rounded(HALF_UP)).isEqualTo(Money.parse("USD 4.52"));
  }

  @Test
  void startingOnChristmasAfternoonPaysTheWholeMonthWithoutProration() {
    PeriodFee f = fee(monthly20(DEC_25_2007_3PM, Instant.MAX), DEC_2007_EASTERN, Proration.NONE);

    assertThat(f.fee()).isEqualTo(usd(20, 1));
    assertThat(f.activeShare()).isEqualTo(Ratio.ONE);
  }

  @Test
  void priceStartingWithTheSubscriptionDoesNotShrinkTheFullFee() {
    // The price takes effect on the day the subscription starts, as a new customer's would.
    PriceSchedule fromChristmas = PriceSchedule.of(Price.monthly(LocalDate.of(2007, 12, 25), USD_20_00));
    Subscription s = sub(fromChristmas).active(DEC_25_2007_3PM, Instant.MAX).build();

    PeriodFee byTime = fee(s, DEC_2007_EASTERN, Proration.BY_TIME);
    PeriodFee byDay = fee(s, DEC_2007_EASTERN, Proration.BY_DAY);
    PeriodFee none = fee(s, DEC_2007_EASTERN, Proration.NONE);

    // Same answers as with a price that has always applied: 153/744, 7/31, and the whole month.
    assertThat(byTime.fullFee()).isEqualTo(usd(20, 1));
    assertThat(byTime.fee()).isEqualTo(usd(255, 62));
    assertThat(byTime.activeShare()).isEqualTo(Ratio.of(153, 744));
    assertThat(byDay.fee()).isEqualTo(usd(140, 31));
    assertThat(byDay.activeShare()).isEqualTo(Ratio.of(7, 31));
    assertThat(none.fee()).isEqualTo(usd(20, 1));
    assertThat(none.fee().rounded(HALF_UP)).isEqualTo(Money.parse("USD 20.00"));
  }

  @Test
  void endingMidMonthPaysForTheFirstPart() {
    // Ends at 10 Dec 2007 12:00 Eastern (17:00 UTC): active 9 days 12 hours = 228 h of 744.
    Subscription s = monthly20(Instant.parse("2006-01-01T05:00:00Z"), Instant.parse("2007-12-10T17:00:00Z"));

    // BY_TIME: 20 × 228/744 = 4560/744 = 190/31 = 6.129032… → USD 6.13
    PeriodFee byTime = fee(s, DEC_2007_EASTERN, Proration.BY_TIME);
    assertThat(byTime.fee()).isEqualTo(usd(190, 31));
    assertThat(byTime.fee().rounded(HALF_UP)).isEqualTo(Money.parse("USD 6.13"));
    assertThat(byTime.activeWindow()).contains(Interval.of(DEC_1_2007, Instant.parse("2007-12-10T17:00:00Z")));
    // BY_DAY: 1 … 10 December = 10 days of 31; 20 × 10/31 = 200/31 = 6.451612… → USD 6.45
    PeriodFee byDay = fee(s, DEC_2007_EASTERN, Proration.BY_DAY);
    assertThat(byDay.fee()).isEqualTo(usd(200, 31));
    assertThat(byDay.fee().rounded(HALF_UP)).isEqualTo(Money.parse("USD 6.45"));
  }

  @Test
  void endingExactlyAtMidnightDoesNotCountTheNextDay() {
    // Ends at 11 Dec 00:00 Eastern (05:00 UTC): exactly 10 days under either convention.
    Subscription s = monthly20(Instant.parse("2006-01-01T05:00:00Z"), Instant.parse("2007-12-11T05:00:00Z"));

    assertThat(fee(s, DEC_2007_EASTERN, Proration.BY_TIME).fee()).isEqualTo(usd(200, 31));
    assertThat(fee(s, DEC_2007_EASTERN, Proration.BY_DAY).fee()).isEqualTo(usd(200, 31));
  }

  @ParameterizedTest
  @EnumSource(Proration.class)
  void subscriptionOutsideThePeriodPaysNothing(Proration proration) {
    // Ended exactly when December began: the half-open window does not touch the period.
    Subscription s = monthly20(Instant.parse("2006-01-01T05:00:00Z"), DEC_1_2007);
    PeriodFee f = fee(s, DEC_2007_EASTERN, proration);

    assertThat(f.isActive()).isFalse();
    assertThat(f.activeWindow()).isEmpty();
    assertThat(f.fee().isZero()).isTrue();
    assertThat(f.fullFee()).isEqualTo(usd(20, 1));
    assertThat(f.activeShare()).isEqualTo(Ratio.ZERO);
  }

  @Test
  void startingOnTheDaylightSavingDayPaysForTheShortDayAsItWas() {
    // Active from 10 March 2024 00:00 EST (05:00 UTC), the day clocks sprang forward.
    Subscription s = monthly20(Instant.parse("2024-03-10T05:00:00Z"), Instant.MAX);

    // BY_TIME: 10 Mar 05:00Z to 1 Apr 04:00Z = 22 days − 1 h = 527 h of 743 h.
    // 20 × 527/743 = 10540/743 = 14.185733… → USD 14.19
    PeriodFee byTime = fee(s, MAR_2024_EASTERN, Proration.BY_TIME);
    assertThat(byTime.activeShare()).isEqualTo(Ratio.of(527, 743));
    assertThat(byTime.fee()).isEqualTo(usd(10_540, 743));
    assertThat(byTime.fee().rounded(HALF_UP)).isEqualTo(Money.parse("USD 14.19"));
    // BY_DAY: 10 … 31 March = 22 of 31 days; 20 × 22/31 = 440/31 = 14.193548… → USD 14.19
    assertThat(fee(s, MAR_2024_EASTERN, Proration.BY_DAY).fee()).isEqualTo(usd(440, 31));
  }

  // ---------------------------------------------------------------- price changes

  @Test
  void priceChangeMidPeriodChargesEachPriceForItsPart() {
    // USD 20.00 until 10 Dec, USD 31.00 from 11 Dec: 10 days at 20 and 21 days at 31.
    PriceSchedule prices = PriceSchedule.of(List.of(
        Price.monthly(LocalDate.of(2006, 1, 1), USD_20_00),
        Price.monthly(LocalDate.of(2007, 12, 11), Money.parse("USD 31.00"))));
    Subscription s = sub(prices).build();

    PeriodFee f = fee(s, DEC_2007_EASTERN, Proration.BY_TIME);

    // 20 × 10/31 + 31 × 21/31 = 200/31 + 651/31 = 851/31 = 27.451612… → USD 27.45
    assertThat(f.fullFee()).isEqualTo(usd(851, 31));
    assertThat(f.fee()).isEqualTo(usd(851, 31));
    assertThat(f.fee().rounded(HALF_UP)).isEqualTo(Money.parse("USD 27.45"));
    assertThat(f.activeShare()).isEqualTo(Ratio.ONE);
  }

  @Test
  void priceChangeAndPartialActivityProrateSegmentBySegment() {
    // Price USD 20.00, then USD 31.00 from 11 Dec; active from 25 Dec 15:00 Eastern only.
    PriceSchedule prices = PriceSchedule.of(List.of(
        Price.monthly(LocalDate.of(2006, 1, 1), USD_20_00),
        Price.monthly(LocalDate.of(2007, 12, 11), Money.parse("USD 31.00"))));
    Subscription s = sub(prices).active(DEC_25_2007_3PM, Instant.MAX).build();

    // All 153 active hours fall in the USD 31.00 part:
    // 31 × 153/744 = 4743/744 = 51/8 = 6.375 exactly, a half cent → USD 6.38 (HALF_UP)
    PeriodFee byTime = fee(s, DEC_2007_EASTERN, Proration.BY_TIME);
    assertThat(byTime.fee()).isEqualTo(usd(51, 8));
    assertThat(byTime.fee().rounded(HALF_UP)).isEqualTo(Money.parse("USD 6.38"));
    // BY_DAY: 31 × 7/31 = USD 7 exactly
    assertThat(fee(s, DEC_2007_EASTERN, Proration.BY_DAY).fee()).isEqualTo(usd(7, 1));
  }

  @ParameterizedTest
  @EnumSource(Proration.class)
  void activeAllMonthPaysTheFullFeeEvenAcrossDaylightSavingAndAPriceChange(Proration proration) {
    // March 2024 in New York: 31 local days, the 10th only 23 hours long.
    // USD 20.00 until the 14th, USD 30.00 from the 15th: 14 days (335 h) and 17 days (408 h).
    PriceSchedule prices = PriceSchedule.of(List.of(
        Price.monthly(LocalDate.of(2024, 1, 1), USD_20_00),
        Price.monthly(LocalDate.of(2024, 3, 15), Money.parse("USD 30.00"))));
    Subscription s = sub(prices).build();

    PeriodFee f = fee(s, MAR_2024_EASTERN, proration);

    // Whatever the convention, a subscription active all period pays its full fee.
    assertThat(f.fee()).isEqualTo(f.fullFee());
    assertThat(f.activeShare()).isEqualTo(Ratio.ONE);
  }

  @Test
  void priceChangeInADaylightSavingMonthIsWeightedByHoursOrByDays() {
    PriceSchedule prices = PriceSchedule.of(List.of(
        Price.monthly(LocalDate.of(2024, 1, 1), USD_20_00),
        Price.monthly(LocalDate.of(2024, 3, 15), Money.parse("USD 30.00"))));
    Subscription s = sub(prices).build();

    // By time: (20 × 335 + 30 × 408) / 743 = (6700 + 12240) / 743 = 18940/743 = 25.491251… → USD 25.49
    assertThat(fee(s, MAR_2024_EASTERN, Proration.BY_TIME).fee()).isEqualTo(usd(18_940, 743));
    // By day: (20 × 14 + 30 × 17) / 31 = (280 + 510) / 31 = 790/31 = 25.483870… → USD 25.48
    assertThat(fee(s, MAR_2024_EASTERN, Proration.BY_DAY).fee()).isEqualTo(usd(790, 31));
    assertThat(fee(s, MAR_2024_EASTERN, Proration.BY_DAY).fee().rounded(HALF_UP)).isEqualTo(Money.parse("USD 25.48"));
  }

  @Test
  void missingPriceForAnActivePartIsRejectedNamingThePrices() {
    // Active all December, but the only price starts on 15 December.
    PriceSchedule fromMidDecember = PriceSchedule.of(Price.monthly(LocalDate.of(2007, 12, 15), USD_20_00));
    Subscription s = sub(fromMidDecember).build();

    assertThatThrownBy(() -> fee(s, DEC_2007_EASTERN, Proration.BY_TIME))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("subscription.prices");
          assertThat(e.rule()).isEqualTo("has no price in force on 2007-12-01 for subscription sub-x");
          assertThat(e.value()).isEqualTo("[USD 20.00 per MONTHLY from 2007-12-15]");
        });
  }

  // ---------------------------------------------------------------- cycles and seats

  @Test
  void annualPriceInAMonthlyPeriodIsATwelfth() {
    // USD 240 a year / 12 = USD 20 for March 2024
    Subscription s = sub(PriceSchedule.of(Price.of(LocalDate.of(2024, 1, 1), Money.parse("USD 240.00"), BillingCycle.ANNUAL)))
        .build();

    PeriodFee f = fee(s, MAR_2024_EASTERN, Proration.BY_TIME);

    assertThat(f.fullFee()).isEqualTo(usd(20, 1));
    assertThat(f.fee()).isEqualTo(usd(20, 1));
  }

  @Test
  void monthlyPriceInAQuarterlyPeriodIsTripled() {
    BillingPeriod q1 = BillingSchedule.calendar(BillingCycle.QUARTERLY, EASTERN).periodContaining(LocalDate.of(2024, 2, 1));
    Subscription s = sub(PriceSchedule.monthly(USD_20_00)).build();

    // 3 × USD 20.00
    assertThat(fee(s, q1, Proration.BY_TIME).fee()).isEqualTo(usd(60, 1));
    assertThat(fee(s, q1, Proration.BY_DAY).fee()).isEqualTo(usd(60, 1));
  }

  @Test
  void annualPriceInAQuarterlyPeriodIsAQuarter() {
    BillingPeriod q1 = BillingSchedule.calendar(BillingCycle.QUARTERLY, EASTERN).periodContaining(LocalDate.of(2024, 2, 1));
    Subscription s = sub(PriceSchedule.of(Price.of(LocalDate.of(2020, 1, 1), Money.parse("USD 250.00"), BillingCycle.ANNUAL)))
        .build();

    // 250 × 3/12 = 62.50
    assertThat(fee(s, q1, Proration.NONE).fee()).isEqualTo(usd(125, 2));
  }

  @Test
  void monthlyPriceInAnAnnualPeriodIsTwelveTimes() {
    BillingPeriod y2024 = BillingSchedule.calendar(BillingCycle.ANNUAL, EASTERN).periodContaining(LocalDate.of(2024, 7, 1));

    assertThat(fee(sub(PriceSchedule.monthly(USD_20_00)).build(), y2024, Proration.BY_TIME).fee()).isEqualTo(usd(240, 1));
  }

  @Test
  void seatsMultiplyTheFee() {
    Subscription three = sub(PriceSchedule.monthly(USD_20_00)).seats(3).build();
    Subscription threeFromChristmas = sub(PriceSchedule.monthly(USD_20_00)).seats(3).active(DEC_25_2007_3PM, Instant.MAX).build();

    // 3 × 20 = 60
    assertThat(fee(three, DEC_2007_EASTERN, Proration.BY_TIME).fee()).isEqualTo(usd(60, 1));
    // 3 × 20 × 7/31 = 420/31 = 13.548387… → USD 13.55
    PeriodFee partial = fee(threeFromChristmas, DEC_2007_EASTERN, Proration.BY_DAY);
    assertThat(partial.fee()).isEqualTo(usd(420, 31));
    assertThat(partial.fee().rounded(HALF_UP)).isEqualTo(Money.parse("USD 13.55"));
    assertThat(partial.fullFee()).isEqualTo(usd(60, 1));
  }

  @Test
  void aFreePlanCostsNothingButIsStillActive() {
    Subscription free = sub(PriceSchedule.monthly(Money.parse("USD 0.00"))).build();

    PeriodFee f = fee(free, DEC_2007_EASTERN, Proration.BY_TIME);

    assertThat(f.fee().isZero()).isTrue();
    assertThat(f.isActive()).isTrue();
    assertThat(f.activeShare()).isEqualTo(Ratio.ONE);
  }

  @Test
  void yenFeesStayExactUntilRounded() {
    Subscription s = Subscription.builder()
        .id("sub-jp")
        .plan("grid")
        .prices(PriceSchedule.monthly(Money.parse("JPY 1000")))
        .active(DEC_25_2007_3PM, Instant.MAX)
        .addPlacements(Scope.of("grid/cluster-2"))
        .build();
    Account a = Account.builder().id("acct-jp").currency(CurrencyUnit.JPY).zone(EASTERN).addSubscriptions(s).build();

    PeriodFee f = PeriodFee.of(a, s, DEC_2007_EASTERN, Proration.BY_DAY);

    // 1000 × 7/31 = 7000/31 = 225.806… → JPY 226
    assertThat(f.fee()).isEqualTo(ExactMoney.of(CurrencyUnit.JPY, Ratio.of(7000, 31)));
    assertThat(f.fee().rounded(HALF_UP)).isEqualTo(Money.parse("JPY 226"));
  }

  @Test
  void rejectsMissingArgumentsNamingThem() {
    assertThatThrownBy(() -> PeriodFee.of(null, ON_CLUSTER_2, DEC_2007_EASTERN, Proration.BY_TIME))
        .hasMessage("account is required: null");
    assertThatThrownBy(() -> PeriodFee.of(CUSTOMER_ON_CLUSTER_2, ON_CLUSTER_2, DEC_2007_EASTERN, null))
        .hasMessage("proration is required: null");
  }
  // ---------------------------------------------------------------- properties

  /** USD 20.00, then USD 30.00 from 15 March 2024. */
  private static final PriceSchedule TWENTY_THEN_THIRTY = PriceSchedule.of(List.of(
      Price.monthly(LocalDate.of(2024, 1, 1), USD_20_00),
      Price.monthly(LocalDate.of(2024, 3, 15), Money.parse("USD 30.00"))));

  @Property
  void splittingTheActiveWindowInTwoSplitsTheFeeByTimeExactly(
      @ForAll @IntRange(min = 1, max = 44_579) int cutMinute, @ForAll @IntRange(min = 1, max = 5) int seats) {
    // March 2024 in New York is 44,580 minutes; cut it anywhere.
    Instant start = MAR_2024_EASTERN.start();
    Instant cut = start.plus(Duration.ofMinutes(cutMinute));
    Subscription before = sub(TWENTY_THEN_THIRTY).seats(seats).active(start, cut).build();
    Subscription after = sub(TWENTY_THEN_THIRTY).seats(seats).active(cut, Instant.MAX).build();
    Subscription whole = sub(TWENTY_THEN_THIRTY).seats(seats).active(start, Instant.MAX).build();

    PeriodFee a = fee(before, MAR_2024_EASTERN, Proration.BY_TIME);
    PeriodFee b = fee(after, MAR_2024_EASTERN, Proration.BY_TIME);
    PeriodFee all = fee(whole, MAR_2024_EASTERN, Proration.BY_TIME);

    assertThat(a.fee().plus(b.fee())).isEqualTo(all.fee());
    assertThat(all.fee()).isEqualTo(all.fullFee());
    assertThat(a.activeShare().plus(b.activeShare())).isEqualTo(Ratio.ONE);
    assertThat(a.fee().compareTo(all.fullFee())).isLessThanOrEqualTo(0);
  }

  @Property
  void aPriceChangeToTheSamePriceChangesNothing(
      @ForAll @IntRange(min = -2_000, max = 46_000) int startMinute,
      @ForAll @IntRange(min = 1, max = 46_000) int lengthMinutes,
      @ForAll @IntRange(min = 2, max = 31) int changeDay,
      @ForAll @IntRange(min = 0, max = 1_000_000) int cents,
      @ForAll @IntRange(min = 1, max = 5) int seats,
      @ForAll Proration proration) {
    // One price all March 2024 takes the one-segment path; the same price "changed" to itself on
    // some day of March takes the segmented path. Both must charge exactly the same.
    Money price = Money.ofMinor(CurrencyUnit.USD, cents);
    Instant start = MAR_2024_EASTERN.start().plus(Duration.ofMinutes(startMinute));
    Instant end = start.plus(Duration.ofMinutes(lengthMinutes));
    Subscription plain = sub(PriceSchedule.of(List.of(Price.monthly(LocalDate.of(2024, 1, 1), price))))
        .seats(seats).active(start, end).build();
    Subscription split = sub(PriceSchedule.of(List.of(
            Price.monthly(LocalDate.of(2024, 1, 1), price),
            Price.monthly(LocalDate.of(2024, 3, changeDay), price))))
        .seats(seats).active(start, end).build();

    PeriodFee one = fee(plain, MAR_2024_EASTERN, proration);
    PeriodFee two = fee(split, MAR_2024_EASTERN, proration);

    assertThat(one.fullFee()).isEqualTo(two.fullFee());
    assertThat(one.fee()).isEqualTo(two.fee());
    assertThat(one.activeShare()).isEqualTo(two.activeShare());
    assertThat(one.isActive()).isEqualTo(two.isActive());
    // The full fee is the price times the seats, whatever the activity.
    assertThat(one.fullFee()).isEqualTo(ExactMoney.of(price).multipliedBy(seats));
  }
}
