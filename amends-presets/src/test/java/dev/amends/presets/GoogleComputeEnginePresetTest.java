package dev.amends.presets;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.Policy;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * google-compute-engine: instances in multiple zones, per project per region; 10 / 25 / 50 %
 * below 99.99 / 99.00 / 95.00 %; only whole minutes of downtime count. June 2024 = 43,200 minutes.
 */
class GoogleComputeEnginePresetTest {
  static final Policy GCE = Presets.load("google-compute-engine");

  @Test
  void reproducesEveryRowOfTheTableAtItsBoundaries() {
    // "99.00 % - < 99.99 %: 10 %", "95.00 % - < 99.00 %: 25 %", "< 95.00 %: 50 %", on USD 100.00;
    // the rule alone, as 99.99 % of June is 4.32 minutes, which whole minutes cannot state
    TierTableCheck.of(GCE.rule())
        .row("100", "0.00")
        .row("99.99", "0.00")
        .row("99.9899", "10.00")
        .row("99.0", "10.00")
        .row("98.9999", "25.00")
        .row("95.0", "25.00")
        .row("94.9999", "50.00")
        .row("0", "50.00")
        .check();
  }

  @Test
  void aWorkedMonthCountsOnlyWholeMinutes() {
    // Project shop-prod in europe-west1, USD 2,400.00 of Compute Engine in June 2024.
    // Down 10:00:30-11:03:10 (62 min 40 s): the partial minutes 10:00 and 11:03 do not count,
    // the 62 whole minutes 10:01-11:03 do. 62 / 43,200 = 0.1435 % down, 99.8565 % up
    // -> [99.00, 99.99): 10 % of 2,400.00 = USD 240.00.
    CreditDecision d = Scenario.account("shop").zone("UTC")
        .subscription("shop-prod/europe-west1", s -> s.plan("gce").monthly("USD 2400.00").on("gce/europe-west1"))
        .outage("GCE-EW1", o -> o.on("gce/europe-west1").from("2024-06-04T10:00:30").until("2024-06-04T11:03:10"))
        .period(YearMonth.of(2024, 6))
        .decideWith(GCE);
    assertThat(d).hasLine("tiers").withAmount("USD 240.00").withReasonContaining("99.8564")
        .and().hasTotal("USD 240.00");
  }

  @Test
  void intermittentDowntimeOfLessThanAMinuteIsNotCounted() {
    // 59 seconds, even across a whole minute's boundary, fill no whole minute: 100 %, nothing
    CreditDecision d = Scenario.account("shop").zone("UTC")
        .subscription("shop-prod/europe-west1", s -> s.plan("gce").monthly("USD 2400.00").on("gce/europe-west1"))
        .outage("BLIP", o -> o.on("gce/europe-west1").from("2024-06-04T10:00:30").until("2024-06-04T10:01:29"))
        .period(YearMonth.of(2024, 6))
        .decideWith(GCE);
    assertThat(d).hasNoLines();
  }
}
