package dev.amends.testkit;

import static dev.amends.testkit.AmendsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.money.Rounding;
import dev.amends.core.money.Ratio;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.TraceValue;
import dev.amends.rules.Policy;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Trace assertions: a node at a path was met, not met, capped, skipped or lost, with its numbers. */
class TraceNodeAssertTest {
  static Policy policy(RuleNode rule) {
    return Policy.builder().id("p").version(1).effectiveFrom(Instant.EPOCH).rule(rule)
        .rounding(Rounding.of(RoundingMode.HALF_UP)).allowsOverFullFee(true).build();
  }

  static final Scenario DOWN_A_DAY = Scenario.account("acct-1")
      .subscription("sub-1", s -> s.monthly("USD 20.00").on("grid"))
      .outage("OUT-1", o -> o.on("grid").from("2024-06-10T00:00").lasting(Duration.ofHours(24)))
      .period(YearMonth.of(2024, 6));

  /** 24 h down: 48 started half hours at 5 % = 240 % of USD 20.00 = USD 48.00, capped at 100 % = USD 20.00. */
  static final CreditDecision CAPPED = DOWN_A_DAY.decideWith(policy(ScenarioTest.PER_HALF_HOUR));

  /** First match of the tiers (which credit) and a flat USD 1.00 (skipped); most generous of two flats. */
  static final CreditDecision CHOICES = DOWN_A_DAY.decideWith(policy(Rules.sum("all",
      Rules.firstMatch("first", TierTableCheckTest.CLOUD_TIERS, Rules.flatAmount("flat", Money.parse("USD 1.00"))),
      Rules.mostGenerous("best", Rules.flatAmount("three", Money.parse("USD 3.00")),
          Rules.flatAmount("five", Money.parse("USD 5.00"))))));

  @Test
  void nodesAreFoundByPathAndJudgedByVerdict() {
    assertThat(CAPPED)
        .hasTraceNode("sub-1", "sla").wasCapped().wasMet()
        .withSummaryContaining("capped from USD 48.00 to USD 20.00 (limit 100 % of fee USD 20.00)")
        .withAmount("USD 20.00")
        // 1,440 min = 48 started blocks × 5 % = 240 % of USD 20.00 = USD 48.00, before the cap
        .hasChild("per-half-hour").wasCredited().withAmount("USD 48.00").withSummaryContaining("48 started block(s)")
        .and().hasTraceNode("sub-1", "p", "sla/per-half-hour").wasCredited();
    assertThat(CHOICES)
        .hasTraceNode("sub-1", "first/tiers").wasCredited().withAmount("USD 5.00")
        .and().hasTraceNode("sub-1", "flat").wasSkipped()
        .and().hasTraceNode("sub-1", "three").wasLost().wasMet().withAmount("USD 3.00")
        .withSummaryContaining("lost to five (USD 5.00 >= USD 3.00)")
        .and().hasTraceNode("sub-1", "best").hasChild("five").wasCredited();
    assertThat(GridStory2007Test.DECEMBER_2007.decideWith(GridStory2007Test.GRID_SLA))
        .hasTraceNode("sub-c1", "tiers").wasNotMet().withNoAmount().withSummaryContaining("availability 100 %");
  }

  @Test
  void valuesAreComparedByWhatTheyHoldOrHowTheyRead() {
    CreditDecision story = GridStory2007Test.DECEMBER_2007.decideWith(GridStory2007Test.GRID_SLA);

    // 420 min of 44,640 down: availability exactly 44,220 / 44,640, read as 99.0591 % (cut to 4 decimals)
    assertThat(story).hasTraceNode("sub-c2", "tiers")
        .hasValue("availability", TraceValue.availability(Ratio.of(44_220, 44_640)))
        .hasValue("availability", "99.0591 %")
        .hasValue("percent", TraceValue.percent(new BigDecimal("10.0")))
        .hasValue("fee", "USD 20.00");
    // 1,440 min is 48 started blocks
    assertThat(CAPPED).hasTraceNode("sub-1", "per-half-hour")
        .hasValue("blocks", TraceValue.count(48)).hasValue("downtime", TraceValue.duration(Duration.ofHours(24)));

    assertThatThrownBy(() -> assertThat(story).hasTraceNode("sub-c2", "tiers").hasValue("availability", "99.06 %"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected trace node \"tiers\" to have availability = 99.06 %, but it reads 99.0591 %. "
            + "Its values: availability = 99.0591 %, tier = ");
    assertThatThrownBy(() -> assertThat(CAPPED).hasTraceNode("sub-1", "per-half-hour")
        .hasValue("blocks", TraceValue.count(47)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have blocks = 47 (Count[value=47]), but it is 48 (Count[value=48])");
    assertThatThrownBy(() -> assertThat(CAPPED).hasTraceNode("sub-1", "per-half-hour").hasValue("tier", "x"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it has no value tier. Its values: downtime = 1440 min, blocks = 48");
  }

  @Test
  void aDecisionWithoutTraceSaysSoRatherThanThatTheNodeIsMissing() {
    CreditEngine untraced = CreditEngine.builder().policies(PolicyBook.of(policy(ScenarioTest.PER_HALF_HOUR)))
        .outages(DOWN_A_DAY.outageLog()).traces(false).build();
    CreditDecision d = Scenario.account("acct-1")
        .subscription("sub-1", s -> s.monthly("USD 20.00").on("grid"))
        .period(YearMonth.of(2024, 6))
        .decideWith(untraced);

    assertThat(d).hasLine("per-half-hour").withAmount("USD 20.00");
    assertThatThrownBy(() -> assertThat(d).hasTraceNode("sub-1", "sla"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the decision for acct-1, 2024-06 to carry its trace, but its engine was built "
            + "with traces(false)");
    assertThatThrownBy(() -> assertThat(d).hasLine("tiers"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("(The engine recorded no trace: traces(false).)");
  }

  @Test
  void aWrongVerdictShowsTheSubtree() {
    assertThatThrownBy(() -> assertThat(CAPPED).hasTraceNode("sub-1", "sla").wasCredited())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected trace node \"sla\" to be CREDITED, but it is CAPPED:\n"
            + "  sla [cap] CAPPED: capped from USD 48.00 to USD 20.00 (limit 100 % of fee USD 20.00)\n"
            + "    sla/per-half-hour [per-block] CREDITED: 1440 min down = 48 started block(s)");
    assertThatThrownBy(() -> assertThat(CHOICES).hasTraceNode("sub-1", "flat").wasMet())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected trace node \"all/first/flat\" to be met (one of [CREDITED, LOST, CAPPED, ZERO]), "
            + "but it is SKIPPED");
    assertThatThrownBy(() -> assertThat(CHOICES).hasTraceNode("sub-1", "three").withAmount("USD 5.00"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected trace node \"all/best/three\" to give USD 5.00, but it gives USD 3.00:\n  all/best/three [flat-amount] LOST");
    assertThatThrownBy(() -> assertThat(CHOICES).hasTraceNode("sub-1", "three").withNoAmount())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to give no amount, but it gives USD 3.00:\n  all/best/three [flat-amount] LOST");
    assertThatThrownBy(() -> assertThat(CHOICES).hasTraceNode("sub-1", "three").withSummaryContaining("won"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the summary of trace node \"all/best/three\" to contain\n  \"won\"\nbut it is\n"
            + "  \"flat credit of USD 3.00; lost to five (USD 5.00 >= USD 3.00)\"");
  }

  @Test
  void aMissingOrAmbiguousNodeShowsTheTrace() {
    assertThatThrownBy(() -> assertThat(CHOICES).hasTraceNode("sub-1", "second"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a trace node \"second\" for sub-1 in the decision for acct-1, 2024-06, but there "
            + "is none. The trace:\n  sub-1 under p:\n    all [sum] CREDITED: sum of 2 line(s) = USD 10.00\n"
            + "      all/first [first-match] CREDITED: first match: tiers\n");
    assertThatThrownBy(() -> assertThat(CHOICES).hasTraceNode("sub-9", "all"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a trace of sub-9 in the decision for acct-1, 2024-06, but there is none; "
            + "traces: [sub-1 under p]");
    assertThatThrownBy(() -> assertThat(CHOICES).hasTraceNode("sub-1", "all").hasChild("all"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected one node \"all\" below trace node \"all\", but 0 match");
  }
}
