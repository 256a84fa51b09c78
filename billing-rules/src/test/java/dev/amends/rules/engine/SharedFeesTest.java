package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.Price;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Proration;
import dev.amends.core.account.Subscription;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SharedFeesTest {
  final SharedFees fees = new SharedFees(SharedFees.CAPACITY);

  static Subscription sub(String id, int seats, Instant from) {
    return Subscription.builder().from(subscription(id, USD_20_00)).seats(seats).active(from, Instant.MAX).build();
  }

  @Test
  void computesOnceForTheSamePricesSeatsWindowAndPeriod() {
    PeriodFee a = fees.fee(ACCOUNT_USD_20, sub("sub-a", 1, LONG_AGO), JUNE_2024_UTC, Proration.BY_TIME);
    PeriodFee b = fees.fee(ACCOUNT_USD_20, sub("sub-b", 1, LONG_AGO), JUNE_2024_UTC, Proration.BY_TIME);

    assertThat(b).isSameAs(a);
    assertThat(b.fee().rounded(HALF_UP)).isEqualTo(usd("20.00"));
  }

  @Test
  void computesAgainForOtherSeatsOrAnotherActiveWindow() {
    PeriodFee one = fees.fee(ACCOUNT_USD_20, sub("sub-a", 1, LONG_AGO), JUNE_2024_UTC, Proration.BY_TIME);
    PeriodFee three = fees.fee(ACCOUNT_USD_20, sub("sub-a", 3, LONG_AGO), JUNE_2024_UTC, Proration.BY_TIME);
    PeriodFee half = fees.fee(ACCOUNT_USD_20, sub("sub-a", 1, Instant.parse("2024-06-16T00:00:00Z")),
        JUNE_2024_UTC, Proration.BY_TIME);

    assertThat(one.fee().rounded(HALF_UP)).isEqualTo(usd("20.00"));
    assertThat(three.fee().rounded(HALF_UP)).isEqualTo(usd("60.00")); // 3 seats × 20.00
    assertThat(half.fee().rounded(HALF_UP)).isEqualTo(usd("10.00")); // 15 of 30 days × 20.00
  }

  @Test
  void aMissingPriceNamesEachSubscription() {
    PriceSchedule fromJuly = PriceSchedule.of(Price.monthly(LocalDate.of(2024, 7, 1), USD_20_00));
    Subscription a = Subscription.builder().from(subscription("sub-a", USD_20_00)).prices(fromJuly).build();
    Subscription b = Subscription.builder().from(subscription("sub-b", USD_20_00)).prices(fromJuly).build();

    assertThatThrownBy(() -> fees.fee(ACCOUNT_USD_20, a, JUNE_2024_UTC, Proration.BY_TIME))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("sub-a");
    assertThatThrownBy(() -> fees.fee(ACCOUNT_USD_20, b, JUNE_2024_UTC, Proration.BY_TIME))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("sub-b");
  }
}
