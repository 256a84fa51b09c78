package dev.amends.presets;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.Policy;
import dev.amends.rules.RequiresClaim;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * digitalocean-droplet: below 99.99 %, 100 % of the lost time at the hourly rate. June 2024 has
 * 30 days, 720 hours, 43,200 minutes, 8,640 five-minute intervals.
 */
class DigitalOceanDropletPresetTest {
  static final Policy DO = Presets.load("digitalocean-droplet");

  @Test
  void reproducesTheTableAtItsBoundary() {
    // "less than 99.99 %: 100 % of lost time at the hourly rate incurred", on USD 720.00 for the
    // 720 hours of June (USD 1.00 an hour), measured exactly:
    TierTableCheck.of(((RequiresClaim) DO.rule()).child()).fee("USD 720.00")
        .row("100", "0.00")
        .row("99.99", "0.00")     // 4.32 minutes down, exactly 99.99 %: not less than it, nothing
        .row("99.9899", "0.07")   // 4.3632 minutes = 0.07272 h -> USD 0.07
        .row("99.98", "0.14")     // 8.64 minutes = 0.144 h -> USD 0.14
        .row("99.5", "3.60")      // 216 minutes = 3.6 h
        .row("0", "720.00")       // down all month: every hour of it
        .check();
  }

  @Test
  void aWorkedMonthCountsStartedFiveMinuteIntervalsOverThePartOfTheMonthTheDropletExisted() {
    // A Droplet at USD 960.00 for the 720 hours of June (USD 1.3333 an hour), created
    // 2024-06-16 00:00 UTC: it existed 360 hours, 21,600 minutes, and its June fee is USD 480.00.
    // Unreachable 2024-06-20 13:02-13:31, 29 minutes (more than 5): the 5-minute intervals
    // starting 13:00, 13:05, ..., 13:30 each saw unavailability: 7 intervals, 35 minutes.
    // Uptime over the part of June it existed: (21,600 - 35) / 21,600 = 99.8380 % < 99.99 %.
    // Credit: 35 minutes at the hourly rate: 480.00 x 35 / 21,600 = 960.00 x 35 / 43,200
    // = 0.7777.. -> USD 0.78.
    CreditDecision d = Scenario.account("team-1").zone("UTC")
        .subscription("droplet-1", s -> s.plan("m-8vcpu-64gb").monthly("USD 960.00").on("nyc3/hv-17/droplet-1")
            .activeFrom("2024-06-16T00:00"))
        .outage("HV-17", o -> o.on("nyc3/hv-17").from("2024-06-20T13:02").until("2024-06-20T13:31"))
        .claim("ticket-9", "2024-08-02T00:00")
        .period(YearMonth.of(2024, 6))
        .decideWith(DO);
    assertThat(d).hasLine("claimed/below-99.99/lost-time").withAmount("USD 0.78")
        .and().hasTotal("USD 0.78");
  }

  @Test
  void unavailabilityOfExactlyFiveMinutesDoesNotCount() {
    // "All the requests to a resource fail for more than 5 minutes": 13:00-13:05 is not more than 5.
    CreditDecision d = Scenario.account("team-1").zone("UTC")
        .subscription("droplet-1", s -> s.plan("s-1vcpu-1gb").monthly("USD 720.00").on("ams3/droplet-1"))
        .outage("BLIP", o -> o.on("ams3").from("2024-06-20T13:00").until("2024-06-20T13:05"))
        .claim("ticket-10", "2024-07-02T00:00")
        .period(YearMonth.of(2024, 6))
        .decideWith(DO);
    assertThat(d).hasNoLines();
  }
}
