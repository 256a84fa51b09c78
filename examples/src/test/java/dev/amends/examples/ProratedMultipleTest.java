package dev.amends.examples;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.rules.DecisionFlag;
import dev.amends.testkit.TierTableCheck;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * examples/prorated-multiple: 10 x the prorated fee for the downtime beyond 99.9 %, at most the
 * fee. June 2026 = 30 days = 43,200 min; USD 432.00 a month = USD 0.01 a minute; the allowance is
 * 0.1 % of 43,200 min = 43.2 min = 43 min 12 s.
 */
class ProratedMultipleTest {
  static final ExampleFiles FILES = ExampleFiles.of("prorated-multiple");
  static final YearMonth JUNE_2026 = YearMonth.of(2026, 6);

  @Test
  void tenTimesTheFeeForTheMinutesBeyondTheAllowance() {
    TierTableCheck.of(FILES.policy()).fee("USD 432.00").period(JUNE_2026)
        .downtimeRow(Duration.ofSeconds(43 * 60 + 12), "0.00")      // exactly the allowance
        .downtimeRow(Duration.ofSeconds(44 * 60 + 12), "0.10")      // 1 min beyond: 10 x 0.01
        .row("99.9", "0.00")                                        // 99.9 % is the allowance
        .row("99.8", "4.32")                                        // 86.4 min, 43.2 beyond: 10 x 0.432
        .downtimeRow(Duration.ofHours(24), "139.68")                // 1,440 - 43.2 = 1,396.8 min: 10 x 13.968
        .downtimeRow(Duration.ofHours(100), "432.00")               // 10 x 59.568 = 595.68, capped at the fee
        .check();
  }

  @Test
  void anHourBeyondTheAllowanceIsSixDollars() {
    // 103 min 12 s down - 43 min 12 s allowed = 60 min; USD 0.60 prorated x 10 = USD 6.00
    assertThat(FILES.engine().decide(FILES.accounts().getFirst(), JUNE_2026))
        .hasLine("ten-x").withAmount("USD 6.00").restsOn("INC-2026-06-09").withReasonContaining("10 x")
        .and().hasTotals("USD 6.00").doesNotHaveFlags(DecisionFlag.OVER_FULL_FEE);
  }
}
