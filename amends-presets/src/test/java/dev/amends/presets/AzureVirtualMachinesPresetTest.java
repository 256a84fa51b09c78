package dev.amends.presets;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.Policy;
import dev.amends.rules.RequiresClaim;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** azure-virtual-machines: availability zones, 10 / 25 / 100 % below 99.99 / 99 / 95 %, over the minutes deployed. */
class AzureVirtualMachinesPresetTest {
  static final Policy AZURE = Presets.load("azure-virtual-machines");

  @Test
  void reproducesEveryRowOfTheTableAtItsBoundaries() {
    TierTableCheck.of(((RequiresClaim) AZURE.rule()).child())
        .row("100", "0.00")
        .row("99.99", "0.00")     // not less than 99.99 %
        .row("99.9899", "10.00")
        .row("99.0", "10.00")     // not less than 99 %: 10 %
        .row("98.9999", "25.00")
        .row("95.0", "25.00")
        .row("94.9999", "100.00")
        .row("0", "100.00")
        .check();
  }

  @Test
  void aWorkedMonthMeasuresOverTheMinutesTheDeploymentExisted() {
    // A zone-redundant deployment at USD 300.00 a month, deployed 2024-06-11 00:00 UTC: 20 of
    // June's 30 days, Maximum Available Minutes 28,800, fee for June 20/30 x 300.00 = USD 200.00.
    // Down 2024-06-20 02:00-07:00, 300 minutes: (28,800 - 300) / 28,800 = 98.9583 % -> 25 %
    // of USD 200.00 = USD 50.00. (Over the whole month it would be 99.3056 %, the 10 % row.)
    CreditDecision d = Scenario.account("contoso").zone("UTC")
        .subscription("vmss-web", s -> s.plan("vm-zonal").monthly("USD 300.00").on("westeurope/vmss-web")
            .activeFrom("2024-06-11T00:00"))
        .outage("WEU-0620", o -> o.on("westeurope").from("2024-06-20T02:00").until("2024-06-20T07:00"))
        .claim("azure-1", "2024-07-15T00:00")
        .period(YearMonth.of(2024, 6))
        .decideWith(AZURE);
    assertThat(d).hasLine("claimed/tiers").withAmount("USD 50.00").withReasonContaining("98.9583")
        .and().hasTotal("USD 50.00");
  }
}
