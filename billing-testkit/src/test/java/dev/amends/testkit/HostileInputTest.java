package dev.amends.testkit;

import static dev.amends.testkit.AmendsAssertions.assertThat;
import static dev.amends.testkit.ScenarioTest.JUNE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * Every bad input to the testkit we know of, and the named error it gets: bad facts in a
 * scenario are {@link InvalidInputException}s naming the value, never a bare exception or a
 * silent default; malformed expectations are refused the same way, not read as a failed check.
 */
class HostileInputTest {

  @Test
  void badFactsAreRefusedByName() {
    assertThatThrownBy(() -> JUNE.outage("OUT-1", o -> o.on("grid").from("2024-06-10 10:00").lasting(Duration.ofMinutes(5)))
        .outageLog())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.outages[OUT-1].from is not an instant (2007-12-01T05:00:00Z), a local date-time "
            + "(2007-12-01T00:00) or a date (2007-12-01): 2024-06-10 10:00");
    assertThatThrownBy(() -> JUNE.outage("OUT-1", o -> o.on("grid").from("2024-06-10T10:00")).outageLog())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.outages[OUT-1].until is required");
    assertThatThrownBy(() -> Scenario.account("a").zone("America/New_York")
        .subscription("s", s -> s.monthly("USD 1.00").on("grid"))
        .outage("O", o -> o.on("grid").from("2024-03-10T02:30").lasting(Duration.ofMinutes(5))).outageLog())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.outages[O].from is skipped by a daylight-saving change in America/New_York");
    assertThatThrownBy(() -> Scenario.account("a").subscription("s", s -> s.on("grid")).period(YearMonth.of(2024, 6))
        .request())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.account.currency is required when no price names its currency");
    assertThatThrownBy(() -> Scenario.account("a").currency("USD").subscription("s", s -> s.on("grid")).account())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.subscriptions[s].price is required");
    assertThatThrownBy(() -> Scenario.account("a").subscription("s", s -> s.monthly("USD 1.00").on("grid")).request())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.period is required");
    assertThatThrownBy(() -> JUNE.subscription("s", s -> s.monthly("1,00").on("grid")).account())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.subscriptions[s].price.amount is not money such as \"USD 20.00\"");
    assertThatThrownBy(() -> JUNE.currency("XYZ"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.account.currency is not a known currency code: XYZ");
    assertThatThrownBy(() -> JUNE.outage("O", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.outages[O] must not be null");
    assertThatThrownBy(() -> JUNE.outage("O", o -> null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.outages[O] must not be null");
  }

  @Test
  void badExpectationsAreRefusedByName() {
    var story = GridStory2007Test.DECEMBER_2007.decideWith(GridStory2007Test.GRID_SLA);

    assertThatThrownBy(() -> assertThat(story).hasTotal("USD 2.001"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected total is not money such as \"USD 20.00\"");
    assertThatThrownBy(() -> assertThat(story).hasLine("tiers").withAmount("two dollars"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected amount is not money such as \"USD 20.00\"");
    assertThatThrownBy(() -> assertThat(story).hasTotals("USD 2.00", "USD 3.00"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected totals names a currency twice");
    assertThatThrownBy(() -> assertThat(story).hasLine(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rule must not be null");
    assertThatThrownBy(() -> assertThat(story).hasLine("tiers").withDays("three"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected days is not a plain decimal");
    assertThatThrownBy(() -> assertThat(story).hasTraceNode("sub-c2", "tiers").withAmount("2.00"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected amount is not money such as \"USD 2.00\"");
  }

  @Test
  void badTableRowsAndGoldenPathsAreRefusedByName() {
    assertThatThrownBy(() -> TierTableCheck.of(TierTableCheckTest.CLOUD_TIERS).row("99,9", "0.00"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tierTable.rows[1].availability is not a plain decimal such as \"99.95\": 99,9");
    assertThatThrownBy(() -> TierTableCheck.of(TierTableCheckTest.CLOUD_TIERS).downtimeRow(Duration.ofMinutes(-1), "0"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tierTable.rows[1].downtime must not be negative");
    assertThatThrownBy(() -> TierTableCheck.of(TierTableCheckTest.CLOUD_TIERS).fee("20.00"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tierTable.fee needs a currency, such as \"USD 20.00\"");
    assertThatThrownBy(() -> TierTableCheck.of(GridStory2007Test.GRID_SLA).rounding(
            dev.amends.core.money.Rounding.of(java.math.RoundingMode.DOWN)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tierTable.rounding is the policy's own");
    assertThatThrownBy(() -> TierTableCheck.of((dev.amends.rules.RuleNode) null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tierTable.rule must not be null");
    assertThatThrownBy(() -> GoldenFile.at(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("golden.path must not be null");
    assertThatThrownBy(() -> JUNE.period((YearMonth) null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.period must not be null");
  }
}
