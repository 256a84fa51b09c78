package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.outage.OutageLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A cap whose limit is zero when the engine runs (100 % of the next invoice's fee, and there is no
 * next invoice) cuts its lines to nothing: no line, and one warning per cap that names the cap,
 * what it cut and its limit, whether the cut is spread in order or pro rata, traces on or off.
 */
class CapToNothingTest {
  /** USD 100.00 a month, ending with June 2024: July's invoice, where June's credit lands, is USD 0.00. */
  static Account endingWithJune() {
    Subscription sub = Subscription.builder().id("sub-1").plan("grid").prices(PriceSchedule.monthly(usd("100.00")))
        .active(LONG_AGO, Instant.parse("2024-07-01T00:00:00Z")).addPlacements(NODE_1).build();
    return account("acct-1", sub);
  }

  /** 50 % of the fee and USD 5.00, together at most 100 % of the next invoice's fee. */
  static RuleNode landingCap(Rules.Spread spread, Rules.Excess excess) {
    return Rules.cap("landing", CapLimit.percentOfLandingFee(new BigDecimal("100"), 1), Rules.CapScope.PER_PERIOD,
        spread, excess, Rules.sum("both", Rules.percentOfFee("half", new BigDecimal("50")),
            Rules.flatAmount("five", usd("5.00"))));
  }

  static CreditDecision decide(RuleNode rule, boolean traces) {
    return decide(rule, traces, OUT_1);
  }

  static CreditDecision decide(RuleNode rule, boolean traces, dev.amends.core.outage.Outage... outages) {
    return CreditEngine.builder().policies(PolicyBook.of(policy("p", rule))).outages(OutageLog.of(List.of(outages)))
        .traces(traces).build().decide(endingWithJune(), JUNE_2024_UTC);
  }

  @ParameterizedTest
  @EnumSource(Rules.Spread.class)
  void aCapCutToNothingGivesNoLineAndOneWarningNamingItAndItsLimit(Rules.Spread spread) {
    // June: 50 % of USD 100.00 = USD 50.00, plus USD 5.00 = USD 55.00; July's fee is USD 0.00, so the
    // limit is 100 % of USD 0.00 = USD 0.00
    for (boolean traces : new boolean[] {true, false}) {
      CreditDecision d = decide(landingCap(spread, Rules.Excess.DROPPED), traces);

      assertThat(d.lines()).as("traces %s", traces).isEmpty();
      assertThat(d.warnings()).as("traces %s", traces).containsExactly("cap landing for sub-1 cut USD 55.00 to"
          + " USD 0.00 (limit 100 % of fee USD 0.00 on the invoice it lands on, 2024-07); no line");
      assertThat(d.flags()).as("traces %s", traces).contains(DecisionFlag.CAP_REACHED);
    }
  }

  @ParameterizedTest
  @EnumSource(Rules.Spread.class)
  void aCutCarriedForwardIsSaidSo(Rules.Spread spread) {
    CreditDecision d = decide(landingCap(spread, Rules.Excess.CARRIED_FORWARD), false);

    assertThat(d.lines()).isEmpty();
    assertThat(d.warnings()).singleElement().asString()
        .startsWith("cap landing for sub-1 cut USD 55.00 to USD 0.00").endsWith("; no line, USD 55.00 carried forward");
    assertThat(d.carriedForward()).singleElement().satisfies(c -> assertThat(c.amount()).isEqualTo(usd("55.00")));
  }

  @Test
  void twoCapsCutToNothingWarnOnceEach() {
    RuleNode both = Rules.sum("two", landingCap(Rules.Spread.PRO_RATA, Rules.Excess.DROPPED),
        Rules.cap("flat", CapLimit.amount(usd("0.00")), Rules.CapScope.PER_PERIOD, Rules.Spread.IN_ORDER,
            Rules.flatAmount("one", usd("1.00"))));

    CreditDecision d = decide(both, true);

    assertThat(d.lines()).isEmpty();
    assertThat(d.warnings()).containsExactly(
        "cap two/landing for sub-1 cut USD 55.00 to USD 0.00 (limit 100 % of fee USD 0.00 on the invoice it lands"
            + " on, 2024-07); no line",
        "cap two/flat for sub-1 cut USD 1.00 to USD 0.00 (limit USD 0.00); no line");
  }

  @ParameterizedTest
  @EnumSource(Rules.Spread.class)
  void aCapPerIncidentWarnsOnceForAllItsIncidents(Rules.Spread spread) {
    // USD 5.00 for each of OUT-1 and OUT-2, each its own incident, each cut to USD 0.00: 10.00 in all
    RuleNode perIncident = Rules.cap("landing", CapLimit.percentOfLandingFee(new BigDecimal("100"), 1),
        Rules.CapScope.PER_INCIDENT, spread, Rules.perOutage("each", Rules.flatAmount("five", usd("5.00"))));

    CreditDecision d = decide(perIncident, false, OUT_1, OUT_2);

    assertThat(d.lines()).isEmpty();
    assertThat(d.warnings()).containsExactly("cap landing for sub-1 cut USD 10.00 to USD 0.00 (limit 100 % of fee"
        + " USD 0.00 on the invoice it lands on, 2024-07); no line");
  }

  @Test
  void aCapCutToNothingInsideAnotherStillWarns() {
    // the outer cap has nothing left to cap; the inner one's warning stays
    RuleNode nested = Rules.cap("outer", CapLimit.amount(usd("50.00")), landingCap(Rules.Spread.IN_ORDER,
        Rules.Excess.DROPPED));

    CreditDecision d = decide(nested, true);

    assertThat(d.lines()).isEmpty();
    assertThat(d.warnings()).singleElement().asString().startsWith("cap outer/landing for sub-1 cut USD 55.00 to");
  }

  @Test
  void aChildCutToNothingThatAFirstMatchPassesOverLeavesNoWarning() {
    // the capped child gives nothing, so it is not the match; the next child's USD 1.00 is
    RuleNode first = Rules.firstMatch("first", landingCap(Rules.Spread.PRO_RATA, Rules.Excess.DROPPED),
        Rules.flatAmount("one", usd("1.00")));

    CreditDecision d = decide(first, false);

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(usd("1.00"));
    assertThat(d.warnings()).isEmpty();
  }
}
