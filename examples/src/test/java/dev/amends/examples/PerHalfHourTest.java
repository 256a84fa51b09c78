package dev.amends.examples;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.rules.CreditEngine;
import dev.amends.testkit.TierTableCheck;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** examples/per-half-hour: 5 % of the monthly fee per started 30 minutes, at most 100 %. */
class PerHalfHourTest {
  static final ExampleFiles FILES = ExampleFiles.of("per-half-hour");

  @Test
  void everyStartedHalfHourIsFivePercentUpToTheWholeFee() {
    // USD 80.00 a month, so one block = 5 % = USD 4.00
    TierTableCheck.of(FILES.policy()).fee("USD 80.00")
        .downtimeRow(Duration.ZERO, "0.00")
        .downtimeRow(Duration.ofMinutes(29), "4.00")     // part of a half hour: 1 block, 5 %
        .downtimeRow(Duration.ofMinutes(30), "4.00")     // exactly one: 1 block, 5 %
        .downtimeRow(Duration.ofMinutes(31), "8.00")     // 2 started blocks, 10 %
        .downtimeRow(Duration.ofHours(10), "80.00")      // 20 blocks x 5 % = 100 %
        .downtimeRow(Duration.ofMinutes(601), "80.00")   // 21 blocks = 105 %, capped at 100 %
        .downtimeRow(Duration.ofHours(24), "80.00")      // 48 blocks = 240 %, capped at 100 %
        .check();
  }

  @Test
  void blocksAreCountedOnTheMonthsTotalDowntime() {
    CreditEngine engine = FILES.engine();
    Account harbor = FILES.accounts().getFirst();
    // 10 min + 25 min = 35 min = 2 started blocks = 10 % of USD 80.00 = USD 8.00
    assertThat(engine.decide(harbor, YearMonth.of(2026, 3)))
        .hasLine("half-hours").withAmount("USD 8.00").restsOn("INC-2026-03-04", "INC-2026-03-19")
        .and().hasTotals("USD 8.00");
  }

  @Test
  void aMonthWithoutOutagesGivesNothing() {
    assertThat(FILES.engine().decide(FILES.accounts().getFirst(), YearMonth.of(2026, 2))).hasNoLines().hasTotals();
  }
}
