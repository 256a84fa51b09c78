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
