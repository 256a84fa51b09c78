package dev.amends.examples;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.rules.Policy;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * examples/days-of-service: 3 / 7 / 15 days below 99.9 / 99.0 / 95.0 %. July 2026 = 31 days =
 * 44,640 min; USD 62.00 a month = USD 2.00 a day; the term is paid through 2026-08-01T00:00Z.
 */
class DaysOfServiceTest {
  static final YearMonth JULY_2026 = YearMonth.of(2026, 7);
  static final ExampleFiles FILES = ExampleFiles.of("days-of-service");
  static final Policy AS_MONEY = FILES.policy();
  static final Policy AS_TERM = FILES.policy("term-extension.json");
  // 8 h = 480 of 44,640 min = 98.9247 %: 7 days
  static final Scenario EIGHT_HOURS_DOWN = Scenario.account("meridian")
      .subscription("app-1", a -> a.plan("app").monthly("USD 62.00").on("app/ap-south"))
      .outage("INC-7", o -> o.on("app/ap-south").from("2026-07-14T02:00").lasting(Duration.ofHours(8)))
      .period(JULY_2026);

  @Test
  void daysAreWorthTheFeeOverTheDaysOfTheMonth() {
    TierTableCheck.of(AS_MONEY).fee("USD 62.00").period(JULY_2026)
        .row("99.9", "0.00")      // not below 99.9 %
        .row("99.0", "6.00")      // 3 days x USD 2.00
        .row("98.99", "14.00")    // 7 days x USD 2.00
        .row("95.0", "14.00")
        .row("94.99", "30.00")    // 15 days x USD 2.00
        .row("0", "30.00")        // at most 15 days
        .check();
  }

  @Test
  void sevenDaysAsMoneyAlsoExtendTheTerm() {
    assertThat(EIGHT_HOURS_DOWN.decideWith(AS_MONEY))
        .hasLine("days").withDays("7").withAmount("USD 14.00").extendsTermTo("2026-08-08T00:00:00Z")
        .and().hasTotals("USD 14.00");
  }

  @Test
  void sevenDaysAsTermExtensionAreWorthNoMoney() {
    assertThat(EIGHT_HOURS_DOWN.decideWith(AS_TERM))
        .hasLine("days").withDays("7").withAmount("USD 0.00").extendsTermTo("2026-08-08T00:00:00Z");
  }
}
