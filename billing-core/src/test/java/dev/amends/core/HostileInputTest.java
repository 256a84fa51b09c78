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

  // Fully qualified names keep this section's imports out of the shared header (fewer merge conflicts).
  @org.junit.jupiter.api.Nested
  class AccountsStandingOutages {
    private final java.time.Instant jan2006 = java.time.Instant.parse("2006-01-01T05:00:00Z");

    @org.junit.jupiter.api.Test
    void aSubscriptionWithNoPlacementsIsRejectedNamingThePlacements() {
      var unplaced = dev.amends.core.account.Subscription.builder()
          .id("sub-1")
          .plan("grid")
          .prices(dev.amends.core.account.PriceSchedule.monthly(org.joda.money.Money.parse("USD 20.00")))
          .active(jan2006, java.time.Instant.MAX);

      org.assertj.core.api.Assertions.assertThatThrownBy(unplaced::build)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("subscription.placements must not be empty: []");
    }

    @org.junit.jupiter.api.Test
    void anAnnouncementOnAnUnplannedOutageIsRejectedNamingTheKind() {
      var announced = dev.amends.core.outage.Outage.builder()
          .id("INC-1")
          .addScopes(dev.amends.core.scope.Scope.of("grid"))
          .window(java.time.Instant.parse("2024-06-10T10:00:00Z"), java.time.Instant.parse("2024-06-10T12:00:00Z"))
          .kind(dev.amends.core.outage.OutageKind.UNPLANNED)
          .announcement(dev.amends.core.outage.Announcement.of(java.time.Instant.parse("2024-06-01T00:00:00Z"),
              org.threeten.extra.Interval.of(
                  java.time.Instant.parse("2024-06-10T10:00:00Z"), java.time.Instant.parse("2024-06-10T12:00:00Z"))));

      org.assertj.core.api.Assertions.assertThatThrownBy(announced::build)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("outage.announcement is only allowed for kind MAINTENANCE or EMERGENCY_MAINTENANCE: "
              + "kind=UNPLANNED");
    }

    @org.junit.jupiter.api.Test
    void aStandingChangeNotAfterThePreviousIsRejectedNamingItsIndexAndInstant() {
      var may20 = java.time.Instant.parse("2024-05-20T04:00:00Z");
      var overdue = new dev.amends.core.account.Standing.Change(may20, dev.amends.core.account.Standing.Status.OVERDUE);
      var earlier = new dev.amends.core.account.Standing.Change(
          may20.minusSeconds(1), dev.amends.core.account.Standing.Status.GOOD);
      var changes = java.util.List.of(overdue, earlier);

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.amends.core.account.Standing.of(changes))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("standing.changes[1].from must be after the previous change at 2024-05-20T04:00:00Z: "
              + "2024-05-20T03:59:59Z");
    }

    @org.junit.jupiter.api.Test
    void aNullStandingChangeIsRejectedNamingItsIndex() {
      var changes = java.util.Arrays.asList(
          new dev.amends.core.account.Standing.Change(
              java.time.Instant.parse("2024-05-20T04:00:00Z"), dev.amends.core.account.Standing.Status.OVERDUE),
          null);

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.amends.core.account.Standing.of(changes))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("standing.changes[1] is required: null");
    }

    @org.junit.jupiter.api.Test
    void aNullInstantAskedOfAStandingIsRejectedNamingIt() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.amends.core.account.Standing.good().at(null))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("standing.at is required: null");
    }
  }

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
