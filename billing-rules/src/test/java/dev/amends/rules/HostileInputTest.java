package dev.amends.rules;

/**
 * Every bad input we know of, fed through the public API of billing-rules, and the error it gets.
 *
 * <p>Each nested class holds one family of bad inputs. A bad input must end in one of our own
 * exceptions naming the field, the value and the rule it broke: never a bare JDK exception, a
 * hang, a crash, or a silent wrong answer.
 */
class HostileInputTest {

  // ---- section: nulls and generated builders -------------------------------------------------



  // ---- end of section: nulls and generated builders ------------------------------------------


  // ---- section: measurement, telemetry and time ----------------------------------------------



  // ---- end of section: measurement, telemetry and time ---------------------------------------


  // ---- section: decimals, rounding, ids, rule trees, keys ------------------------------------



  // ---- end of section: decimals, rounding, ids, rule trees, keys -----------------------------


  // ---- section: accounts, standing, outages, days of service ---------------------------------

  // Fully qualified names keep this section's imports out of the shared header (fewer merge conflicts).
  @org.junit.jupiter.api.Nested
  class AccountsStandingDaysOfService {
    @org.junit.jupiter.api.Test
    void aNegativePercentOfFeeIsRejectedNamingTheRuleAndValue() {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> Rules.percentOfFee("goodwill", new java.math.BigDecimal("-0.01")))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("goodwill.percent must not be negative: -0.01");
    }

    @org.junit.jupiter.api.Test
    void aNullPercentOfFeeIsRejectedNamingIt() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rules.percentOfFee("goodwill", null))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("goodwill.percent is required: null");
    }

    @org.junit.jupiter.api.Test
    void aNullStatusInStandingInIsRejectedNamingIt() {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> Conditions.standingIn(dev.amends.core.account.Standing.Status.GOOD,
                  dev.amends.core.account.Standing.Status.OVERDUE, null))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("standingIn.rest[1] is required: null");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Conditions.standingIn(null))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("standingIn.first is required: null");
    }

    @org.junit.jupiter.api.Test
    void aMissingDaysValueIsRejectedNamingTheRule() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rules.daysOfService("days", null,
              Tier.range("0", "99.9", "3")))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("days.value is required: null");
    }

    @org.junit.jupiter.api.Test
    void aMissingDayCountIsRejectedNamingIt() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> DaysValue.valuedAt(null))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("daysValue.dayCount is required: null");
    }

    @org.junit.jupiter.api.Test
    void daysBeyondTheSupportedDatesFailNamingTheRuleNotWithADateTimeException() {
      // A trillion days past 1 July 2024 is far beyond year 999,999,999.
      var rule = Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY, Tier.range("0", "99.9", "1000000000000"));
      var outage = LeafFixtures.outage("INC-1",
          java.time.Instant.parse("2024-06-14T14:00:00Z"), java.time.Instant.parse("2024-06-15T00:00:00Z"));
      var engine = LeafFixtures.engineFor(LeafFixtures.onePolicy(rule, LeafFixtures.HALF_UP), outage);

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> engine.decide(LeafFixtures.given(LeafFixtures.USD_20_00).account(), LeafFixtures.JUNE_2024_NY))
          .isInstanceOf(RuleEvaluationException.class)
          .hasMessage("rule days extends the term from 2024-07-01T04:00:00Z by 1000000000000 days, "
              + "beyond the supported dates");
    }
  }

  // ---- end of section: accounts, standing, outages, days of service --------------------------


  // ---- section: periods, placements, grants, policy windows ----------------------------------

  @org.junit.jupiter.api.Nested
  class PeriodsAndGrants {
    final CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(CampaignTest.NO_SLA)).build();
    final dev.amends.core.account.Account account = dev.amends.core.fixtures.Story2007.CUSTOMER_ON_CLUSTER_2;

    @org.junit.jupiter.api.Test
    void aOneDayPeriodPosingAsAYearIsRejected() {
      var oneDay = dev.amends.core.time.BillingPeriod.of(java.time.LocalDate.of(2007, 12, 1),
          java.time.LocalDate.of(2007, 12, 2), account.zone(), 12);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.decide(account, oneDay))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessageContaining("request.period").hasMessageContaining("2007-12-01");
    }

    @org.junit.jupiter.api.Test
    void aPeriodInAnotherZoneIsRejected() {
      var utc = dev.amends.core.time.BillingPeriod.month(java.time.YearMonth.of(2007, 12), java.time.ZoneOffset.UTC);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.decide(account, utc))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessageContaining("request.period").hasMessageContaining("Z");
    }

    @org.junit.jupiter.api.Test
    void aNullMonthIsNamed() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.decide(account, (java.time.YearMonth) null))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessageContaining("period.month");
    }

    @org.junit.jupiter.api.Test
    void aNullCampaignIsNamed() {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> CreditEngine.builder().campaigns((Campaign) null))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessageContaining("engine.campaigns[0]");
    }

    @org.junit.jupiter.api.Test
    void aCampaignSharingAPolicyIdIsRejected() {
      Campaign clash = Campaign.builder().id("grid-sla").eligibleAt(CampaignTest.APOLOGY)
          .eligibility(Conditions.placedUnder(dev.amends.core.fixtures.Story2007.GRID))
          .unit(Campaign.Unit.PER_ACCOUNT)
          .grant(Rules.flatAmount("ten", org.joda.money.Money.parse("USD 10.00")))
          .rounding(dev.amends.core.money.Rounding.of(java.math.RoundingMode.HALF_UP)).build();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> CreditEngine.builder().policies(PolicyBook.of(CampaignTest.NO_SLA)).campaigns(clash).build())
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessageContaining("engine.campaigns").hasMessageContaining("grid-sla");
    }
  }



  // ---- end of section: periods, placements, grants, policy windows ---------------------------
}
