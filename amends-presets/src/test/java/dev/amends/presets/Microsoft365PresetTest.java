package dev.amends.presets;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.core.outage.Impact;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.Policy;
import dev.amends.rules.RequiresClaim;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * microsoft-365: 25 / 50 / 100 % below 99.9 / 99 / 95 %, downtime in user-minutes. June 2024
 * has 30 days, 43,200 minutes. Microsoft's own worked example is not in the stored copies of
 * its SLA, so it is not reproduced here.
 */
class Microsoft365PresetTest {
  static final Policy M365 = Presets.load("microsoft-365");

  @Test
  void reproducesEveryRowOfTheTableAtItsBoundaries() {
    // "< 99.9 %: 25 %", "< 99 %: 50 %", "< 95 %: 100 %", on USD 100.00 a month
    TierTableCheck.of(((RequiresClaim) M365.rule()).child())
        .row("100", "0.00")
        .row("99.9", "0.00")      // not less than 99.9 %
        .row("99.8999", "25.00")
        .row("99.0", "25.00")     // not less than 99 %: still 25 %
        .row("98.9999", "50.00")
        .row("95.0", "50.00")
        .row("94.9999", "100.00")
        .row("0", "100.00")
        .check();
  }

  @Test
  void aWorkedMonthWeighsEachIncidentByTheUsersItImpacted() {
    // Exchange Online for 200 licensed users at USD 8.00 each: USD 1,600.00 for June 2024.
    // User Minutes = 200 x 43,200 = 8,640,000.
    // Incident A, 2024-06-05 08:00-14:00: 360 minutes x 50 users = 18,000 user-minutes.
    // Incident B, 2024-06-21 10:00-11:00: 60 minutes x 200 users = 12,000 user-minutes.
    // Downtime 30,000 user-minutes; (8,640,000 - 30,000) / 8,640,000 = 99.6528 % -> 25 %
    // of USD 1,600.00 = USD 400.00. (Unweighted, 420 minutes would be 99.0278 %: also 25 %,
    // but incident A alone at full weight, 360 min, would differ from its 90 weighted minutes.)
    CreditDecision d = Scenario.account("contoso").zone("UTC")
        .subscription("exo", s -> s.plan("exchange-online").monthly("USD 1600.00").on("m365/exchange"))
        .outage("EX-A", o -> o.on("m365/exchange").from("2024-06-05T08:00").until("2024-06-05T14:00")
            .impact(Impact.full().withAffectedUsers(50, 200)))
        .outage("EX-B", o -> o.on("m365/exchange").from("2024-06-21T10:00").until("2024-06-21T11:00"))
        .claim("ms-1", "2024-07-31T12:00")
        .period(YearMonth.of(2024, 6))
        .decideWith(M365);
    assertThat(d).hasLine("claimed/tiers").withAmount("USD 400.00").withReasonContaining("99.6527")
        .and().hasTotal("USD 400.00");
  }

  @Test
  void aQuarterOfTheUsersDownForFiveHoursIsWithinTheCommitment() {
    // 300 minutes x 1/4 = 75 weighted minutes; 75 / 43,200 = 0.1736 % down, 99.8264 % up: 25 %.
    // 100 minutes x 1/4 = 25 weighted minutes: 99.9421 % up, no credit.
    Scenario quarterDown = Scenario.account("fabrikam").zone("UTC")
        .subscription("spo", s -> s.plan("sharepoint-online").monthly("USD 100.00").on("m365/sharepoint"))
        .claim("ms-2", "2024-07-01T09:00")
        .period(YearMonth.of(2024, 6));
    assertThat(quarterDown
        .outage("SP-1", o -> o.on("m365/sharepoint").from("2024-06-10T00:00").until("2024-06-10T01:40")
            .impact(Impact.full().withAffectedUsers(1, 4)))
        .decideWith(M365)).hasNoLines();
    assertThat(quarterDown
        .outage("SP-2", o -> o.on("m365/sharepoint").from("2024-06-10T00:00").until("2024-06-10T05:00")
            .impact(Impact.full().withAffectedUsers(1, 4)))
        .decideWith(M365)).hasTotal("USD 25.00");
  }
}
