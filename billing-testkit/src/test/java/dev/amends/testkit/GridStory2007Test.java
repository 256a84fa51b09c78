package dev.amends.testkit;

import static dev.amends.testkit.AmendsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.money.Rounding;
import dev.amends.rules.Campaign;
import dev.amends.rules.Conditions;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.Rules;
import dev.amends.rules.Tier;
import dev.amends.core.scope.Scope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * The December 2007 grid story, stated with the testkit: maintenance on {@code grid/cluster-2}
 * announced ten days ahead for 00:00–06:00 Eastern, which ran until 13:00. The announced six
 * hours are excluded; the seven-hour overrun counts.
 */
class GridStory2007Test {
  static final Policy GRID_SLA = Policy.builder()
      .id("grid-sla").version(1)
      .effectiveFrom(Instant.parse("2007-01-01T05:00:00Z"))
      .measurementRules(MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).build())
      .rule(Rules.availabilityTiers("tiers",
          Tier.range("99.0", "99.9", "10"), Tier.range("95.0", "99.0", "25"), Tier.range("0", "95.0", "100")))
      .rounding(Rounding.of(RoundingMode.HALF_UP))
      .build();

  /** Two customers, one on each cluster, and the failed firmware upgrade on cluster-2. */
  static final Scenario DECEMBER_2007 = Scenario.account("acct-1").currency("USD").zone("America/New_York")
      .subscription("sub-c1", s -> s.plan("grid").monthly("20.00").on("grid/cluster-1"))
      .subscription("sub-c2", s -> s.plan("grid").monthly("20.00").on("grid/cluster-2"))
      .outage("MAINT-2007-12-01", o -> o.on("grid/cluster-2").from("2007-12-01T00:00").until("2007-12-01T13:00")
          .announcedMaintenance("2007-11-21T00:00", "2007-12-01T00:00", "2007-12-01T06:00"))
      .period(YearMonth.of(2007, 12));

  @Test
  void overrunOfAnnouncedMaintenanceCounts() {
    CreditDecision d = DECEMBER_2007.decideWith(GRID_SLA);

    // 13 h down, 6 h announced excluded, 7 h = 420 min counted of 31 × 1,440 = 44,640:
    // availability 44,220 / 44,640 = 99.0591 %, in [99.0, 99.9) -> 10 % of USD 20.00 = USD 2.00
    assertThat(d).hasLine("sub-c2", "tiers").withAmount("USD 2.00").restsOn("MAINT-2007-12-01")
        .withReasonContaining("availability 99.0591 % < 99.9 %")
        .and().hasNoLineFor("sub-c1").hasLineCount(1).hasTotal("USD 2.00").hasNoFlags().hasNoWarnings()
        .explanationContains("counted 7h; excluded 6h")
        .hasCounted("sub-c2", "MAINT-2007-12-01", Duration.ofHours(7), Duration.ofHours(6))
        .hasTraceNode("sub-c2", "tiers").wasCredited().withAmount("USD 2.00")
        .and().hasTraceNode("sub-c1", "tiers").wasNotMet().withSummaryContaining("availability 100 %");
  }

  @Test
  void aWrongCountIsReportedWithTheOutagesBreakdown() {
    CreditDecision d = DECEMBER_2007.decideWith(GRID_SLA);

    assertThatThrownBy(() -> assertThat(d).hasCounted("sub-c2", "MAINT-2007-12-01", Duration.ofHours(13), Duration.ZERO))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected outage MAINT-2007-12-01 to count 780 min and be excluded 0 min for sub-c2 in the "
            + "decision for acct-1, 2007-12, but it was measured as:\n  grid-sla: MAINT-2007-12-01: down 13h in period; "
            + "counted 7h; excluded 6h: announced maintenance window");
    assertThatThrownBy(() -> assertThat(d).hasCounted("sub-c1", "MAINT-2007-12-01", Duration.ZERO, Duration.ZERO))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but no measurement of sub-c1 includes it");
  }

  @Test
  void announcedWindowAloneCountsNothing() {
    CreditDecision d = DECEMBER_2007
        .outage("MAINT-2007-12-15", o -> o.on("grid/cluster-1").from("2007-12-15T00:00").until("2007-12-15T06:00")
            .announcedMaintenance("2007-12-01T00:00", "2007-12-15T00:00", "2007-12-15T06:00"))
        .decideWith(GRID_SLA);

    // cluster-1's maintenance kept inside its announced window: 0 min counted, 100 %, no credit
    assertThat(d).hasNoLineFor("sub-c1").hasLineCount(1).hasTotal("USD 2.00");
  }

  @Test
  void maintenanceAnnouncedTooLateCountsInFull() {
    CreditDecision d = Scenario.account("acct-1").zone("America/New_York")
        .subscription("sub-c2", s -> s.plan("grid").monthly("USD 20.00").on("grid/cluster-2"))
        .outage("MAINT-2007-12-01", o -> o.on("grid/cluster-2").from("2007-12-01T00:00").until("2007-12-01T13:00")
            .announcedMaintenance("2007-11-30T12:00", "2007-12-01T00:00", "2007-12-01T06:00"))
        .period(YearMonth.of(2007, 12))
        .decideWith(GRID_SLA);

    // 12 h notice < 24 h: all 13 h = 780 min count; 43,860 / 44,640 = 98.25268… % (shown cut to
    // 98.2526 %), in [95, 99) -> 25 % of USD 20.00 = USD 5.00
    assertThat(d).hasLine("tiers").withAmount("USD 5.00").withReasonContaining("availability 98.2526 % < 99 %");
  }

  @Test
  void goodwillCampaignGivesEveryGridSubscriptionTwoFreeMonths() {
    Campaign goodwill = Campaign.builder().id("goodwill-2007")
        .eligibleAt(Instant.parse("2007-12-10T17:00:00Z"))
        .eligibility(Conditions.placedUnder(Scope.of("grid")))
        .unit(Campaign.Unit.PER_SUBSCRIPTION)
        .grant(Rules.freePeriods("two-months-free", new BigDecimal("2"), Rules.FreePeriodValue.MONTHLY_PRICE))
        .rounding(Rounding.of(RoundingMode.HALF_UP))
        .build();

    CreditDecision d = DECEMBER_2007.decideWith(PolicyBook.of(GRID_SLA), goodwill);

    // 2 × USD 20.00 = USD 40.00 per subscription; plus the USD 2.00 SLA credit on cluster-2
    assertThat(d).hasLine("sub-c1", "two-months-free").withAmount("USD 40.00").restsOnNoOutage()
        .and().hasLine("sub-c2", "goodwill-2007/two-months-free").withAmount("USD 40.00")
        .and().hasTotal("USD 82.00").hasLineCount(3);
  }

  @Test
  void theScenarioStatesTheStoryInTheAccountsZone() {
    // 00:00 Eastern on 1 December 2007 is 05:00 UTC; 13:00 Eastern is 18:00 UTC
    assertThat(DECEMBER_2007.outageLog().all()).singleElement().satisfies(o -> {
      assertThat(o.window().getStart()).isEqualTo(Instant.parse("2007-12-01T05:00:00Z"));
      assertThat(o.window().getEnd()).isEqualTo(Instant.parse("2007-12-01T18:00:00Z"));
      assertThat(o.announcement().orElseThrow().notice()).isEqualTo(Duration.ofDays(10));
    });
    assertThat(DECEMBER_2007.request().period().start()).isEqualTo(Instant.parse("2007-12-01T05:00:00Z"));
  }

  @Test
  void aMissingLineIsReportedWithTheLinesThereAreAndTheTrace() {
    CreditDecision d = DECEMBER_2007.decideWith(GRID_SLA);

    assertThatThrownBy(() -> assertThat(d).hasLine("sub-c1", "tiers"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a line for rule \"tiers\" for subscription sub-c1 in the decision for acct-1, 2007-12")
        .hasMessageContaining("USD 2.00 CREDIT sub-c2 grid-sla v1 tiers: availability 99.0591 %")
        .hasMessageContaining("sub-c1 under grid-sla: tiers [availability-tiers] NOT_MET: availability 100 %");
  }
}
