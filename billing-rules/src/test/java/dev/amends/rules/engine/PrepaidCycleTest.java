package dev.amends.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Price;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The prepaid cycle that holds a billed period: which price's cycle, from which day. Accounts
 * billed by calendar month in UTC; June 2025 decided.
 */
class PrepaidCycleTest {
  static final BillingSchedule MONTHLY = BillingSchedule.monthly(ZoneOffset.UTC);
  static final BillingPeriod JUNE_2025 = BillingPeriod.month(YearMonth.of(2025, 6), ZoneOffset.UTC);
  static final Money EUR_600 = Money.parse("EUR 600.00");
  static final Money EUR_660 = Money.parse("EUR 660.00");

  static Subscription sub(Instant activeFrom, Price... prices) {
    return Subscription.builder().id("sub-1").plan("grid").prices(PriceSchedule.of(List.of(prices)))
        .active(activeFrom, Instant.MAX).addPlacements(Scope.of("svc/node-1")).build();
  }

  static BillingPeriod cycle(Subscription sub) {
    return TermExtension.prepaidCycle(MONTHLY, sub, JUNE_2025);
  }

  static BillingPeriod from(int year, int month, int day, int months) {
    LocalDate start = LocalDate.of(year, month, day);
    return BillingPeriod.of(start, start.plusMonths(months), ZoneOffset.UTC, months);
  }

  @Test
  void aMonthlyPriceStartedMidMonthPrepaysTheCalendarMonthBilled() {
    // the price's cycle is the billing's own: the prepaid term is the billed period itself, not a
    // month from the 15th
    Subscription s = sub(Instant.parse("2025-01-15T00:00:00Z"),
        Price.of(LocalDate.of(2025, 1, 15), Money.parse("EUR 50.00"), BillingCycle.MONTHLY));

    assertThat(cycle(s)).isEqualTo(JUNE_2025);
  }

  @Test
  void aPriceRiseInTheSameCycleDoesNotRestartTheTerm() {
    // annual from 1 March 2024, raised on 15 January 2025: the term still runs from 1 March
    Subscription s = sub(Instant.parse("2000-01-01T00:00:00Z"),
        Price.of(LocalDate.of(2024, 3, 1), EUR_600, BillingCycle.ANNUAL),
        Price.of(LocalDate.of(2025, 1, 15), EUR_660, BillingCycle.ANNUAL));

    assertThat(cycle(s)).isEqualTo(from(2025, 3, 1, 12));
  }

  @Test
  void aTermStartsWithTheRunOfPricesOfItsCycle() {
    // monthly until 15 January 2025, annual since: the prepaid year runs from 15 January
    Subscription s = sub(Instant.parse("2000-01-01T00:00:00Z"),
        Price.of(LocalDate.of(2024, 3, 1), Money.parse("EUR 50.00"), BillingCycle.MONTHLY),
        Price.of(LocalDate.of(2025, 1, 15), EUR_660, BillingCycle.ANNUAL));

    assertThat(cycle(s)).isEqualTo(from(2025, 1, 15, 12));
  }

  @Test
  void anOpenEndedPriceIsAnchoredOnTheSubscriptionsFirstDay() {
    // the annual price has no start date: the year runs from the subscription's first day, 10 May
    Subscription s = sub(Instant.parse("2024-05-10T00:00:00Z"), Price.of(LocalDate.MIN, EUR_600, BillingCycle.ANNUAL));

    assertThat(cycle(s)).isEqualTo(from(2025, 5, 10, 12));
  }

  @Test
  void aSubscriptionAfterThePricesDateIsAnchoredOnItsFirstDay() {
    Subscription s = sub(Instant.parse("2024-05-10T00:00:00Z"),
        Price.of(LocalDate.of(2024, 3, 1), EUR_600, BillingCycle.ANNUAL));

    assertThat(cycle(s)).isEqualTo(from(2025, 5, 10, 12));
  }

  @Test
  void withNeitherDateBoundedTheTermIsCalendarAligned() {
    Subscription s = sub(Instant.MIN, Price.of(LocalDate.MIN, EUR_600, BillingCycle.QUARTERLY));

    assertThat(cycle(s)).isEqualTo(from(2025, 4, 1, 3));
  }
}
