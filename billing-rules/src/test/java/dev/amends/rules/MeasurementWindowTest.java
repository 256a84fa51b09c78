package dev.amends.rules;

import dev.amends.rules.engine.MeasurementWindows;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link MeasurementWindow.CalendarQuarter}: availability over a calendar quarter on monthly
 * billing, credited on a named invoice. The second quarter of 2024 (April to June) has 30 + 31 +
 * 30 = 91 days, 131,040 minutes; the account pays USD 20.00 a month, USD 60.00 for the quarter.
 */
class MeasurementWindowTest {
  static final RuleNode TIERS = Rules.availabilityTiers("tiers",
      Tier.range("99.0", "99.9", "10"), Tier.range("0", "99.0", "25"));
  /** 24 hours down from 00:00 UTC on 10 April 2024: 1,440 minutes. */
  static final Outage APRIL = outage("APR-1", "2024-04-10T00:00:00Z", Duration.ofHours(24));
  static final BillingPeriod APRIL_2024_UTC = BillingPeriod.month(YearMonth.of(2024, 4), ZoneOffset.UTC);
  static final BillingPeriod JULY_2024_UTC = BillingPeriod.month(YearMonth.of(2024, 7), ZoneOffset.UTC);

  static Policy quarterly(int periodsAfterEnd) {
    return policyBuilder("q", TIERS, HALF_UP).measurementWindow(MeasurementWindow.calendarQuarter(periodsAfterEnd))
        .build();
  }

  static CreditEngine engine(Policy policy) {
    return CreditEngine.builder().policies(PolicyBook.of(policy)).outages(OutageLog.of(List.of(APRIL, OUT_1)))
        .traces(true).build();
  }

  @Test
  void aQuarterMeasuredOnMonthlyBillingIsCreditedOnTheInvoiceAfterIt() {
    // April's 1,440 minutes + June's 180 (OUT-1, 3 hours) = 1,620 of 131,040 minutes:
    // 129,420 / 131,040 = 98.7637 % < 99.0 -> 25 % of the quarter's fee 3 x USD 20.00 = USD 60.00 = USD 15.00,
    // a line of July's invoice
    CreditDecision d = engine(quarterly(1)).decide(ACCOUNT_USD_20, JULY_2024_UTC);

    assertThat(d.lines()).singleElement().satisfies(l -> {
      assertThat(l.amount()).isEqualTo(usd("15.00"));
      assertThat(l.period()).isEqualTo(JULY_2024_UTC);
      assertThat(l.outageIds()).containsExactly("APR-1", "OUT-1");
      assertThat(l.reason()).contains("98.7637");
    });
    assertThat(d.traces()).singleElement().satisfies(t -> {
      assertThat(t.fee().orElseThrow().period().label()).isEqualTo("2024-04-01/2024-07-01");
      assertThat(t.fee().orElseThrow().fee().rounded(HALF_UP)).isEqualTo(usd("60.00"));
    });
  }

  @Test
  void theMonthsOfTheQuarterGiveNothingAndSaySo() {
    // the same outages decided month by month: June alone would be 180 of 43,200 minutes = 99.5833 % -> 10 % of
    // USD 20.00 = USD 2.00 without the window; with it, May and June give nothing, and April the first quarter's
    // credit (nothing: no downtime from January to March)
    CreditDecision monthly = engine(policy("q", TIERS)).decide(ACCOUNT_USD_20, JUNE_2024_UTC);
    assertThat(monthly.lines()).extracting(CreditLine::amount).containsExactly(usd("2.00"));
    CreditDecision april = engine(quarterly(1)).decide(ACCOUNT_USD_20, APRIL_2024_UTC);
    assertThat(april.lines()).isEmpty();
    assertThat(april.traces()).singleElement().satisfies(t -> assertThat(t.measurement().orElseThrow().period()
        .label()).isEqualTo("2024-01-01/2024-04-01"));

    for (BillingPeriod month : List.of(MAY_2024_UTC, JUNE_2024_UTC)) {
      CreditDecision d = engine(quarterly(1)).decide(ACCOUNT_USD_20, month);

      assertThat(d.lines()).as(month.label()).isEmpty();
      assertThat(d.traces()).singleElement().satisfies(t -> {
        assertThat(t.root().verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(t.root().summary()).contains("measures calendar quarters", "none is credited in " + month.label());
      });
    }
  }

  @Test
  void zeroPeriodsAfterTheEndCreditsTheQuarterInItsLastMonth() {
    // the same USD 15.00, on June's invoice; July then gives nothing for the second quarter
    assertThat(engine(quarterly(0)).decide(ACCOUNT_USD_20, JUNE_2024_UTC).lines())
        .extracting(CreditLine::amount).containsExactly(usd("15.00"));
    assertThat(engine(quarterly(0)).decide(ACCOUNT_USD_20, JULY_2024_UTC).lines()).isEmpty();
  }

  @Test
  void onQuarterlyBillingZeroPeriodsAfterTheEndDecidesAsWithoutAWindow() {
    Account byQuarter = Account.builder().from(ACCOUNT_USD_20)
        .billing(BillingSchedule.calendar(BillingCycle.QUARTERLY, ZoneOffset.UTC)).build();
    BillingPeriod q2 = byQuarter.billing().periodStartingIn(YearMonth.of(2024, 4));

    // 98.7637 % of the quarter either way: 25 % of USD 60.00 = USD 15.00
    assertThat(engine(quarterly(0)).decide(byQuarter, q2).lines())
        .extracting(CreditLine::amount).containsExactly(usd("15.00"));
    assertThat(engine(policy("q", TIERS)).decide(byQuarter, q2).lines())
        .extracting(CreditLine::amount).containsExactly(usd("15.00"));
  }

  @Test
  void anniversaryBillingCreditsTheQuarterInThePeriodAfterTheOneHoldingItsEnd() {
    // periods from the 15th: 30 June lies in [15 June, 15 July), so the next one, [15 July, 15 August), gets USD 15.00
    Account fromThe15th = Account.builder().from(ACCOUNT_USD_20)
        .billing(BillingSchedule.anniversary(BillingCycle.MONTHLY, LocalDate.of(2024, 1, 15), ZoneOffset.UTC))
        .build();
    BillingPeriod julyAugust = fromThe15th.billing().periodStartingIn(YearMonth.of(2024, 7));
    BillingPeriod juneJuly = fromThe15th.billing().periodStartingIn(YearMonth.of(2024, 6));

    assertThat(engine(quarterly(1)).decide(fromThe15th, julyAugust).lines())
        .extracting(CreditLine::amount).containsExactly(usd("15.00"));
    assertThat(engine(quarterly(1)).decide(fromThe15th, juneJuly).lines()).isEmpty();
  }

  @Test
  void annualBillingIsRefusedNamingTheMeasurementWindow() {
    Account byYear = Account.builder().from(ACCOUNT_USD_20)
        .billing(BillingSchedule.calendar(BillingCycle.ANNUAL, ZoneOffset.UTC)).build();
    BillingPeriod year = byYear.billing().periodStartingIn(YearMonth.of(2024, 1));

    assertThatThrownBy(() -> engine(quarterly(1)).decide(byYear, year))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("measurementWindow").hasMessageContaining("longer than a quarter");
  }

  @Test
  void anOffsetOutsideZeroToTwelveIsRefusedByName() {
    assertThatThrownBy(() -> MeasurementWindow.calendarQuarter(-1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("measurementWindow.periodsAfterEnd");
    assertThatThrownBy(() -> MeasurementWindow.calendarQuarter(13))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("measurementWindow.periodsAfterEnd");
  }

  @Test
  void aLandingFeeCapIsRefusedWithAMeasurementWindow() {
    RuleNode capped = Rules.cap("landing", CapLimit.percentOfLandingFee(new BigDecimal("100"), 1), TIERS);

    assertThatThrownBy(() -> policyBuilder("q", capped, HALF_UP)
        .measurementWindow(MeasurementWindow.calendarQuarter(1)).build())
        .isInstanceOf(PolicyDefinitionException.class)
        .hasMessageContaining("landing.limit is percent-of-landing-fee");
  }

  /** Every calendar quarter is credited in exactly one billing period, whatever the anchor day and offset. */
  @Property(tries = 60)
  void everyQuarterIsCreditedExactlyOnce(@ForAll @IntRange(min = 1, max = 31) int anchorDay,
      @ForAll @IntRange(min = 0, max = 12) int periodsAfterEnd) {
    Account account = Account.builder().from(ACCOUNT_USD_20)
        .billing(BillingSchedule.anniversary(BillingCycle.MONTHLY, LocalDate.of(2020, 1, anchorDay),
            ZoneOffset.UTC))
        .build();
    Policy policy = quarterly(periodsAfterEnd);
    Map<LocalDate, Integer> credited = new HashMap<>();
    List<BillingPeriod> periods = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2020, 1); m.isBefore(YearMonth.of(2026, 1)); m = m.plusMonths(1)) {
      BillingPeriod period = account.billing().periodStartingIn(m);
      periods.add(period);
      Optional<BillingPeriod> quarter = Optional.ofNullable(MeasurementWindows.measured(policy, account, period));
      quarter.ifPresent(q -> credited.merge(q.startDate(), 1, Integer::sum));
      // credited no earlier than the period holding the quarter's last day
      quarter.ifPresent(q -> assertThat(period.endDate()).isAfter(q.endDate().minusDays(1)));
    }
    // the quarters from 2021 to 2024 lie well inside the periods looked at: each once
    for (LocalDate q = LocalDate.of(2021, 1, 1); q.isBefore(LocalDate.of(2025, 1, 1)); q = q.plusMonths(3)) {
      assertThat(credited.get(q)).as("quarter from " + q).isEqualTo(1);
    }
    assertThat(credited.values()).allMatch(n -> n == 1);
  }
}
