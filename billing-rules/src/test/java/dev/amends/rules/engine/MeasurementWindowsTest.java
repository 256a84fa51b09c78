package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import dev.amends.rules.Claim;
import dev.amends.rules.MeasurementWindow;
import dev.amends.rules.Policy;
import dev.amends.rules.Rules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window a policy measures for a billing period, and the period its credit lands in. */
class MeasurementWindowsTest {
  @Test
  void aYearsRollingWindowStandsForTwelveMonths() {
    Claim claim = Claim.builder().id("CLM-1").filedAt(Instant.parse("2024-06-15T10:00:00Z")).build();

    BillingPeriod window = MeasurementWindows.rollingBefore(claim, 365, ZoneOffset.UTC);

    // 365 days before the claim's date, 15 June 2024 (2024 is a leap year: from 16 June 2023);
    // 365 × 12 / 365 = 12 months
    assertThat(window).isEqualTo(
        BillingPeriod.of(LocalDate.of(2023, 6, 16), LocalDate.of(2024, 6, 15), ZoneOffset.UTC, 12));
  }

  @Test
  void aMeasurementWithoutDowntimeLandsInNoPeriod() {
    var m = Measurer.of(MeasurementRules.defaults()).measure(subscription("sub-1", USD_20_00), JUNE_2024_UTC,
        OutageLog.of(List.of()));

    assertThat(MeasurementWindows.eligibleCreditPeriod(ACCOUNT_USD_20.billing(), m)).isNull();
  }

  @Test
  void aQuarterCreditedFivePeriodsLaterIsFoundForQuarterlyBilling() {
    // billed by calendar quarter; the quarter ending 1 April 2024 ends in Q1 2024, and five
    // quarters later is Q2 2025
    Account quarterly = Account.builder().from(ACCOUNT_USD_20)
        .billing(BillingSchedule.calendar(BillingCycle.QUARTERLY, ZoneOffset.UTC)).build();
    Policy policy = policyBuilder("p", Rules.flatAmount("flat", USD_20_00), HALF_UP)
        .measurementWindow(MeasurementWindow.calendarQuarter(5)).build();
    BillingPeriod q2 = BillingPeriod.of(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1), ZoneOffset.UTC, 3);

    assertThat(MeasurementWindows.measured(policy, quarterly, q2))
        .isEqualTo(BillingPeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 1), ZoneOffset.UTC, 3));
  }
}
