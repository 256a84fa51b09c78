package dev.amends.testkit;

import static dev.amends.testkit.AmendsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.money.Rounding;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import dev.amends.rules.DaysValue;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.Policy;
import dev.amends.rules.Rules;
import dev.amends.rules.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Every assertion passes on a right decision and fails, readably, on a wrong expectation. */
class DecisionAssertTest {
  /** The 2007 story: USD 2.00 on sub-c2 for the overrun, nothing on sub-c1. */
  static final CreditDecision STORY = GridStory2007Test.DECEMBER_2007.decideWith(GridStory2007Test.GRID_SLA);

  /** 100 % down for 20 minutes gives 3 days of service under a tier below 99.99 %: June 2024 in New York. */
  static final CreditDecision DAYS = Scenario.account("acct-d").zone("America/New_York")
      .subscription("sub-1", s -> s.monthly("USD 30.00").on("grid"))
      .outage("OUT-1", o -> o.on("grid").from("2024-06-10T10:00").lasting(Duration.ofMinutes(20)))
      .period(YearMonth.of(2024, 6))
      .decideWith(Policy.builder().id("days").version(1).effectiveFrom(Instant.EPOCH)
          .rule(Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY, Tier.range("0", "99.99", "3")))
          .rounding(Rounding.of(RoundingMode.HALF_UP)).build());

  @Test
  void aRightDecisionPassesEveryAssertion() {
    assertThat(STORY)
        .hasLine("tiers").withAmount("USD 2.00").withAmount("2.00").restsOn("MAINT-2007-12-01")
        .withReasonContaining("99.0591 %").ofKind(CreditLine.Kind.CREDIT).forSubscription("sub-c2")
        .and().hasLine("sub-c2", "tiers").withAmount("USD 2.00")
        .and().hasLineCount(1).hasTotal("USD 2.00").hasTotal("EUR 0.00").hasTotals("USD 2.00").hasNoFlags()
        .doesNotHaveFlags(DecisionFlag.CAP_REACHED).hasNoWarnings().explanationContains("Totals: USD 2.00");
    // 20 min of 43,200 is 99.9537 % < 99.99 %: 3 days; paid through 1 July 00:00 New York, so the term ends 4 July
    assertThat(DAYS).hasLine("days").withDays("3").extendsTermTo("2024-07-04T00:00").withAmount("USD 0.00");
  }

  @Test
  void aWrongAmountShowsTheLine() {
    assertThatThrownBy(() -> assertThat(STORY).hasLine("tiers").withAmount("USD 2.50"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the line for rule \"tiers\" to be USD 2.50, but it is USD 2.00:\n"
            + "  USD 2.00 CREDIT sub-c2 grid-sla v1 tiers: availability 99.0591 % < 99.9 % -> 10 % of USD 20.00 "
            + "(outages MAINT-2007-12-01)");
  }

  @Test
  void wrongOutagesReasonKindSubscriptionDaysAndTermFail() {
    assertThatThrownBy(() -> assertThat(STORY).hasLine("tiers").restsOn("OUT-9"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to rest on outages [OUT-9], but it rests on [MAINT-2007-12-01]");
    assertThatThrownBy(() -> assertThat(STORY).hasLine("tiers").restsOnNoOutage())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to rest on outages [], but it rests on [MAINT-2007-12-01]");
    assertThatThrownBy(() -> assertThat(STORY).hasLine("tiers").withReasonContaining("25 %"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the reason of the line for rule \"tiers\" to contain\n  \"25 %\"\n"
            + "but it is\n  \"availability 99.0591 % < 99.9 % -> 10 % of USD 20.00\"");
    assertThatThrownBy(() -> assertThat(STORY).hasLine("tiers").ofKind(CreditLine.Kind.TOP_UP))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be a TOP_UP, but it is a CREDIT");
    assertThatThrownBy(() -> assertThat(STORY).hasLine("tiers").forSubscription("sub-c1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be for subscription sub-c1, but it is for sub-c2");
    assertThatThrownBy(() -> assertThat(STORY).hasLine("tiers").withDays("3"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to carry 3 days of service, but it carries none");
    assertThatThrownBy(() -> assertThat(DAYS).hasLine("days").withDays("2.5"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to carry 2.5 days of service, but it carries 3");
    assertThatThrownBy(() -> assertThat(DAYS).hasLine("days").extendsTermTo("2024-07-03T00:00"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to extend the term to 2024-07-03T04:00:00Z, but it extends it to 2024-07-04T04:00:00Z");
  }

  @Test
  void aMissingOrAmbiguousLineFails() {
    assertThatThrownBy(() -> assertThat(STORY).hasLine("sla/tiers"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a line for rule \"sla/tiers\" in the decision for acct-1, 2007-12, but there is none.")
        .hasMessageContaining("The trace has no node \"sla/tiers\".");
    CreditDecision two = GridStory2007Test.DECEMBER_2007
        .outage("OUT-C1", o -> o.on("grid/cluster-1").from("2007-12-05T00:00").until("2007-12-05T08:00"))
        .decideWith(GridStory2007Test.GRID_SLA);
    // sub-c1: 8 h = 480 min of 44,640 down, 98.9247 % -> 25 % of USD 20.00 = USD 5.00
    assertThatThrownBy(() -> assertThat(two).hasLine("tiers"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected one line for rule \"tiers\" in the decision for acct-1, 2007-12, but 2 match; "
            + "name the full path or the subscription: hasLine(subscriptionId, rule):\n  USD 5.00 CREDIT sub-c1");
    assertThatThrownBy(() -> assertThat(STORY).hasNoLineFor("tiers"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected no line for rule \"tiers\" in the decision for acct-1, 2007-12, but found:\n"
            + "  USD 2.00 CREDIT sub-c2");
  }

  @Test
  void wrongCountsAndTotalsShowTheLines() {
    assertThatThrownBy(() -> assertThat(STORY).hasNoLines())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected no lines in the decision for acct-1, 2007-12, but found 1:\n  USD 2.00 CREDIT");
    assertThatThrownBy(() -> assertThat(STORY).hasLineCount(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected 2 line(s) in the decision for acct-1, 2007-12, but found 1:");
    assertThatThrownBy(() -> assertThat(STORY).hasTotal("USD 42.00"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the decision for acct-1, 2007-12 to total USD 42.00, but it totals USD 2.00; "
            + "its lines:\n  USD 2.00 CREDIT sub-c2");
    assertThatThrownBy(() -> assertThat(STORY).hasTotals("USD 2.00", "EUR 1.00"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to total [USD 2.00, EUR 1.00], but it totals [USD 2.00]");
    assertThatThrownBy(() -> assertThat(STORY).hasTotals())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to total [], but it totals [USD 2.00]");
  }

  @Test
  void wrongFlagsAndWarningsFail() {
    CreditDecision over = Scenario.account("acct-o")
        .subscription("sub-1", s -> s.monthly("USD 10.00").on("grid"))
        .period(YearMonth.of(2024, 6))
        .decideWith(Policy.builder().id("flat").version(1).effectiveFrom(Instant.EPOCH)
            .rule(Rules.flatAmount("flat", org.joda.money.Money.parse("USD 15.00")))
            .rounding(Rounding.of(RoundingMode.HALF_UP)).build());
    // USD 15.00 on a USD 10.00 fee: more than the full fee, flagged, with a warning
    assertThat(over).hasFlags(DecisionFlag.OVER_FULL_FEE).hasOnlyFlags(DecisionFlag.OVER_FULL_FEE)
        .hasWarningContaining("sub-1").hasLine("flat").withAmount("USD 15.00").restsOnNoOutage();

    assertThatThrownBy(() -> assertThat(STORY).hasFlags(DecisionFlag.CAP_REACHED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the decision for acct-1, 2007-12 to be flagged [CAP_REACHED], but its flags are []");
    assertThatThrownBy(() -> assertThat(over).hasNoFlags())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to carry no flags, but it is flagged [OVER_FULL_FEE]; warnings:\n  ");
    assertThatThrownBy(() -> assertThat(over).hasOnlyFlags(DecisionFlag.CAP_REACHED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be flagged exactly [CAP_REACHED], but its flags are [OVER_FULL_FEE]");
    assertThatThrownBy(() -> assertThat(over).doesNotHaveFlags(DecisionFlag.OVER_FULL_FEE, DecisionFlag.CAP_REACHED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not to be flagged [OVER_FULL_FEE], but it is");
    assertThatThrownBy(() -> assertThat(over).hasNoWarnings())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected no warnings in the decision for acct-o, 2024-06, but found:\n  ");
    assertThatThrownBy(() -> assertThat(STORY).hasWarningContaining("minimum"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a warning containing \"minimum\" in the decision for acct-1, 2007-12, but it has none");
    assertThatThrownBy(() -> assertThat(STORY).explanationContains("counted 13h"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the explanation of the decision for acct-1, 2007-12 to contain\n  \"counted 13h\"\n"
            + "but it reads:\nCredit decision for account acct-1");
  }

  @Test
  void aLineOnItsOwnHasNoDecisionToGoBackTo() {
    CreditLine line = STORY.lines().get(0);

    assertThat(line).withAmount("USD 2.00");
    assertThatThrownBy(() -> assertThat(line).and())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("this line was not reached from a decision");
    assertThat(new BigDecimal("2.00")).isEqualByComparingTo("2");
  }
}
