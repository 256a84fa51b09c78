package dev.amends.core;

/**
 * Every bad input we know of, fed through the public API of billing-core, and the error it gets.
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
  class Periods {
    @org.junit.jupiter.api.Test
    void aMonthInWhichNoQuarterStartsIsNamed() {
      var quarterly = dev.amends.core.time.BillingSchedule.calendar(
          dev.amends.core.time.BillingCycle.QUARTERLY, java.time.ZoneOffset.UTC);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> quarterly.periodStartingIn(java.time.YearMonth.of(2024, 2)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("period.month").hasMessageContaining("2024-02");
    }

    @org.junit.jupiter.api.Test
    void aNullPeriodIsNamed() {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> dev.amends.core.time.BillingSchedule.monthly(java.time.ZoneOffset.UTC).isPeriodOf(null))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("period");
    }
  }



  // ---- end of section: periods, placements, grants, policy windows ---------------------------
}
