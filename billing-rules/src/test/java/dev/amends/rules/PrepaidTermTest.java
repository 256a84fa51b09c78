package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.HALF_UP;
import static dev.amends.rules.LeafFixtures.engineFor;
import static dev.amends.rules.LeafFixtures.onePolicy;
import static dev.amends.rules.LeafFixtures.outage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.core.account.Price;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.money.Ratio;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Days of service extend the prepaid term that holds the decided period, for every billing
 * cycle: the billing period itself, or the longer cycle of the price in force.
 */
class PrepaidTermTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = LeafFixtures.NEW_YORK;
  /** 3 days whenever availability is below 99.99 %: a 600-minute outage is below it in a month, quarter or year. */
  static final CreditRule THREE_DAYS =
      Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY, Tier.range("0", "99.99", "3"));

  static Account account(ZoneId zone, BillingSchedule billing, Instant activeFrom, Instant activeUntil, Price... prices) {
    Subscription sub = Subscription.builder()
        .id("sub-1")
        .plan("grid")
        .prices(PriceSchedule.of(List.of(prices)))
        .seats(10)
        .active(activeFrom, activeUntil)
        .addPlacements(Scope.of("grid/cluster-2"))
        .build();
    return Account.builder()
        .id("acct-1")
        .currency(prices[0].amount().getCurrencyUnit())
        .zone(zone)
        .billing(billing)
        .addSubscriptions(sub)
        .build();
  }

  static CreditLine onlyLine(Account account, BillingPeriod period, String outageStart) {
    Instant start = Instant.parse(outageStart);
    CreditDecision d = engineFor(onePolicy(THREE_DAYS, HALF_UP), outage("INC-1", start, start.plusSeconds(600 * 60)))
        .decide(account, period);
    assertThat(d.lines()).hasSize(1);
    assertThat(d.lines().get(0).days()).contains(Ratio.of(3));
    return d.lines().get(0);
  }

  @Test
  void annualPlanBilledMonthlyExtendsTheEndOfThePrepaidYear() {
    // The case: 10 seats at EUR 50.00 a month on an annual plan (EUR 600.00 per year),
    // prepaid term 2025-03-01..2026-02-28 in Berlin. March 2025 earns 3 days: paid through
    // 2026-03-01 00:00 +01:00, + 3 local days = 2026-03-04 00:00 +01:00 (2026-03-03T23:00Z), so the
    // term's last day is 3 March 2026. (Before: 2025-04-04, counted from the end of March.)
    Account a = account(BERLIN, BillingSchedule.monthly(BERLIN),
        Instant.parse("2025-02-28T23:00:00Z"), Instant.MAX,
        Price.of(LocalDate.of(2025, 3, 1), Money.parse("EUR 600.00"), BillingCycle.ANNUAL));

    CreditLine l = onlyLine(a, BillingPeriod.month(YearMonth.of(2025, 3), BERLIN), "2025-03-10T08:00:00Z");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2026-03-03T23:00:00Z"));
    assertThat(l.reason()).endsWith(
        "term extended by 3 days from 2026-03-01T00:00+01:00 to 2026-03-04T00:00+01:00 (Europe/Berlin)");
  }

  @Test
  void monthlyPriceBilledMonthlyExtendsTheEndOfTheMonth() {
    // June 2024 in New York: paid through 1 July 00:00 -04:00; + 3 days = 4 July 00:00 (04:00Z).
    Account a = account(NEW_YORK, BillingSchedule.monthly(NEW_YORK), Instant.parse("2020-01-01T05:00:00Z"),
        Instant.MAX, Price.monthly(LocalDate.of(2000, 1, 1), Money.parse("USD 20.00")));

    CreditLine l = onlyLine(a, BillingPeriod.month(YearMonth.of(2024, 6), NEW_YORK), "2024-06-14T14:00:00Z");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2024-07-04T04:00:00Z"));
  }

  @Test
  void quarterlyScheduleExtendsTheEndOfTheQuarter() {
    // Q2 2024 billed quarterly in New York: paid through 1 July 00:00 -04:00; + 3 days = 4 July (04:00Z).
    BillingSchedule quarters = BillingSchedule.calendar(BillingCycle.QUARTERLY, NEW_YORK);
    Account a = account(NEW_YORK, quarters, Instant.parse("2020-01-01T05:00:00Z"), Instant.MAX,
        Price.monthly(LocalDate.of(2000, 1, 1), Money.parse("USD 20.00")));

    CreditLine l = onlyLine(a, quarters.periodStartingIn(YearMonth.of(2024, 4)), "2024-05-14T14:00:00Z");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2024-07-04T04:00:00Z"));
  }

  @Test
  void quarterlyPriceBilledMonthlyExtendsTheEndOfThePrepaidQuarter() {
    // Active from 1 January 2020, a price per quarter: quarters from 1 January, so April 2024 lies
    // in the quarter 2024-04-01..2024-06-30, paid through 1 July 00:00 -04:00; + 3 days = 4 July.
    Account a = account(NEW_YORK, BillingSchedule.monthly(NEW_YORK), Instant.parse("2020-01-01T05:00:00Z"),
        Instant.MAX, Price.of(LocalDate.of(2000, 1, 1), Money.parse("USD 60.00"), BillingCycle.QUARTERLY));

    CreditLine l = onlyLine(a, BillingPeriod.month(YearMonth.of(2024, 4), NEW_YORK), "2024-04-14T14:00:00Z");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2024-07-04T04:00:00Z"));
  }

  @Test
  void anniversaryAnnualScheduleExtendsTheEndOfTheYear() {
    // Billed yearly from 1 March 2025 in Berlin: the period is the prepaid term; paid through
    // 2026-03-01 00:00 +01:00, + 3 days = 2026-03-04 00:00 +01:00 (2026-03-03T23:00Z).
    BillingSchedule years = BillingSchedule.anniversary(BillingCycle.ANNUAL, LocalDate.of(2025, 3, 1), BERLIN);
    Account a = account(BERLIN, years, Instant.parse("2025-02-28T23:00:00Z"), Instant.MAX,
        Price.monthly(LocalDate.of(2025, 3, 1), Money.parse("EUR 50.00")));

    CreditLine l = onlyLine(a, years.periodStartingIn(YearMonth.of(2025, 3)), "2025-03-10T08:00:00Z");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2026-03-03T23:00:00Z"));
  }

  @Test
  void anniversaryMonthsOfAnAnnualPriceExtendTheAnniversaryYear() {
    // Billed monthly from the 15th, EUR 600.00 a year from 15 March 2025: the prepaid year runs
    // 2025-03-15..2026-03-14; the month 2025-06-15..2025-07-14 lies in it; paid through
    // 2026-03-15 00:00 +01:00, + 3 days = 2026-03-18 00:00 +01:00 (2026-03-17T23:00Z).
    BillingSchedule months = BillingSchedule.anniversary(BillingCycle.MONTHLY, LocalDate.of(2025, 3, 15), BERLIN);
    Account a = account(BERLIN, months, Instant.parse("2025-03-14T23:00:00Z"), Instant.MAX,
        Price.of(LocalDate.of(2025, 3, 15), Money.parse("EUR 600.00"), BillingCycle.ANNUAL));

    CreditLine l = onlyLine(a, months.periodStartingIn(YearMonth.of(2025, 6)), "2025-06-20T08:00:00Z");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2026-03-17T23:00:00Z"));
  }

  @Test
  void annualTermStartsWhenTheAnnualPricesBegin() {
    // Monthly until 1 June 2025, then EUR 600.00 a year: the first prepaid year runs from 1 June
    // 2025, so July 2025 is paid through 2026-06-01 00:00 +02:00; + 3 days = 4 June (2026-06-03T22:00Z).
    Account a = account(BERLIN, BillingSchedule.monthly(BERLIN), Instant.parse("2024-12-31T23:00:00Z"), Instant.MAX,
        Price.monthly(LocalDate.of(2025, 1, 1), Money.parse("EUR 50.00")),
        Price.of(LocalDate.of(2025, 6, 1), Money.parse("EUR 600.00"), BillingCycle.ANNUAL));

    CreditLine l = onlyLine(a, BillingPeriod.month(YearMonth.of(2025, 7), BERLIN), "2025-07-10T08:00:00Z");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2026-06-03T22:00:00Z"));
  }

  @Test
  void prepaidYearIsCappedByTheEndOfTheActiveWindow() {
    // The annual subscription ends 1 September 2025 00:00 +02:00 (2025-08-31T22:00Z), before its
    // prepaid year: paid through then, + 3 days = 4 September 00:00 +02:00 (2025-09-03T22:00Z).
    Account a = account(BERLIN, BillingSchedule.monthly(BERLIN), Instant.parse("2025-02-28T23:00:00Z"),
        Instant.parse("2025-08-31T22:00:00Z"),
        Price.of(LocalDate.of(2025, 3, 1), Money.parse("EUR 600.00"), BillingCycle.ANNUAL));

    CreditLine l = onlyLine(a, BillingPeriod.month(YearMonth.of(2025, 3), BERLIN), "2025-03-10T08:00:00Z");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2025-09-03T22:00:00Z"));
  }
}
