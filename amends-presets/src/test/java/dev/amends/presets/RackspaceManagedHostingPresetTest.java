package dev.amends.presets;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.Policy;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** rackspace-managed-hosting: 5 % of the monthly fee per half hour or part thereof, from the ticket, at most 100 %. */
class RackspaceManagedHostingPresetTest {
  static final Policy RACKSPACE = Presets.load("rackspace-managed-hosting");

  @Test
  void reproducesTheScheduleAtEveryHalfHourBoundaryAndTheCap() {
    // The rule on USD 100.00 a month (the table check's outages carry no ticket, so the rule is
    // checked on its own; the ticket is in the worked month below).
    TierTableCheck.of(RACKSPACE.rule())
        .downtimeRow(Duration.ZERO, "0.00")
        .downtimeRow(Duration.ofSeconds(1), "5.00")              // part of a half hour
        .downtimeRow(Duration.ofMinutes(30), "5.00")             // exactly one half hour
        .downtimeRow(Duration.ofMinutes(30).plusNanos(1), "10.00")
        .downtimeRow(Duration.ofMinutes(60), "10.00")
        .downtimeRow(Duration.ofMinutes(570), "95.00")           // 19 half hours
        .downtimeRow(Duration.ofMinutes(570).plusSeconds(1), "100.00")
        .downtimeRow(Duration.ofHours(24), "100.00")             // 48 half hours, capped at the fee
        .check();
  }

  @Test
  void aWorkedMonthCountsFromTheTicket() {
    // A dedicated server at USD 1,999.00 a month. The network fails at 02:10; the customer opens
    // the ticket at 02:47; it transmits again at 04:05. Counted from the ticket: 78 minutes ->
    // 3 half hours started -> 15 % of 1,999.00 = 299.85 -> USD 299.85.
    // (From the failure it would have been 115 minutes: 4 half hours, 20 %.)
    CreditDecision d = Scenario.account("acme").zone("America/Chicago")
        .subscription("srv-1", s -> s.plan("managed-dedicated").monthly("USD 1999.00").on("dfw/aggr-3/srv-1"))
        .outage("NET-0311", o -> o.on("dfw/aggr-3").from("2024-03-11T02:10").until("2024-03-11T04:05")
            .reportedAt("2024-03-11T02:47"))
        .period(YearMonth.of(2024, 3))
        .decideWith(RACKSPACE);
    assertThat(d)
        .hasCounted("srv-1", "NET-0311", Duration.ofMinutes(78), Duration.ofMinutes(37))
        .hasLine("at-most-the-fee/half-hours").withAmount("USD 299.85")
        .and().hasTotal("USD 299.85");
  }

  @Test
  void anOutageNobodyReportedAndAnnouncedMaintenanceEarnNothing() {
    CreditDecision d = Scenario.account("acme").zone("America/Chicago")
        .subscription("srv-1", s -> s.plan("managed-dedicated").monthly("USD 1999.00").on("dfw/aggr-3/srv-1"))
        .outage("NET-SILENT", o -> o.on("dfw/aggr-3").from("2024-03-12T02:10").until("2024-03-12T02:20"))
        .outage("MAINT-1", o -> o.on("dfw").from("2024-03-17T01:00").until("2024-03-17T03:00")
            .announcedMaintenance("2024-03-16T12:00", "2024-03-17T01:00", "2024-03-17T03:00")
            .reportedAt("2024-03-17T01:05"))
        .period(YearMonth.of(2024, 3))
        .decideWith(RACKSPACE);
    assertThat(d).hasNoLines();
  }
}
