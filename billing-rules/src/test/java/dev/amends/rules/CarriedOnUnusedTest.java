package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.core.account.Subscription;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Credits carried into a policy's cap are carried on, unchanged and with the reason, whenever the
 * policy is not evaluated for the subscription in the period: they were not used and must not be
 * lost.
 */
class CarriedOnUnusedTest {
  static final CarriedCredit TEN_IN = new CarriedCredit("sub-1", "p", "cap", usd("10.00"));

  static CreditDecision decide(CreditEngine engine, Account account, BillingPeriod period, Claim... claims) {
    return engine.decide(DecisionRequest.builder().account(account).period(period).addClaims(claims)
        .addCarriedIn(TEN_IN).build());
  }

  @Test
  void aPlanThePolicyDoesNotCoverCarriesItOn() {
    // p covers gold only; sub-1 is on grid, which "all" covers
    Policy gold = policyBuilder("p", Rules.flatAmount("flat", usd("5.00")), HALF_UP).addPlans("gold").build();
    Policy all = policy("all", Rules.flatAmount("flat", usd("1.00")));
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(gold, all)).build();

    CreditDecision d = decide(engine, ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(d.carriedForward()).containsExactly(TEN_IN);
    assertThat(d.warnings()).contains("USD 10.00 carried in for sub-1 under p v1 cap cap is carried on unused: its plan"
        + " grid is not one of p v1's plans [gold]");
  }

  @Test
  void aSubscriptionNotActiveInThePeriodCarriesItOn() {
    Account ended = account("acct-1", Subscription.builder().from(subscription("sub-1", USD_20_00))
        .active(LONG_AGO, MAY_2024_UTC.end()).build());
    CreditEngine engine = engine(policy("p", Rules.flatAmount("flat", usd("5.00"))));

    CreditDecision d = decide(engine, ended, JUNE_2024_UTC);

    assertThat(d.carriedForward()).containsExactly(TEN_IN);
    assertThat(d.warnings()).containsExactly(
        "USD 10.00 carried in for sub-1 under p v1 cap cap is carried on unused: it is not active in 2024-06");
  }

  static Policy rolling() {
    return policyBuilder("p", Rules.availabilityTiers("tiers", Tier.range("0", "99.95", "10")), HALF_UP)
        .measurementWindow(MeasurementWindow.rollingDays(365)).build();
  }

  static final BillingPeriod DEC_2008 = BillingPeriod.month(YearMonth.of(2008, 12), ZoneOffset.UTC);

  @Test
  void aRollingWindowWithoutAClaimCarriesItOn() {
    CreditDecision d = decide(engine(rolling()), ACCOUNT_USD_20, DEC_2008);

    assertThat(d.lines()).isEmpty();
    assertThat(d.carriedForward()).containsExactly(TEN_IN);
    assertThat(d.warnings()).singleElement().asString().startsWith(
            "USD 10.00 carried in for sub-1 under p v1 cap cap is carried on unused: its policy measures the 365 days")
        .endsWith(", and no claim covers it");
  }

  @Test
  void aRollingWindowWithoutDowntimeCarriesItOnAndSaysSo() {
    // a claim on 10 January 2009 measures [2008-01-11, 2009-01-10), where nothing was down
    Claim claim = Claim.builder().id("CLM-1").filedAt(Instant.parse("2009-01-10T15:00:00Z")).build();
    Outage before = outage("OLD", "2007-06-05T10:00:00Z", Duration.ofMinutes(500));
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(rolling()))
        .outages(OutageLog.of(List.of(before))).build();

    CreditDecision d = decide(engine, ACCOUNT_USD_20, DEC_2008, claim);

    assertThat(d.lines()).isEmpty();
    assertThat(d.carriedForward()).containsExactly(TEN_IN);
    assertThat(d.warnings()).singleElement().asString()
        .startsWith("USD 10.00 carried in for sub-1 under p v1 cap cap is carried on unused: its policy measures")
        .endsWith(", and no downtime is counted in 2008-01-11/2009-01-10");
  }

  @Test
  void aRollingWindowForASubscriptionNotActiveInThePeriodNamesThePeriod() {
    // the claim measures the year before 10 January 2009, but sub-1 ended with November 2008:
    // December's fee, the one a rolling window's credit lands on, is not owed
    Account ended = account("acct-1", Subscription.builder().from(subscription("sub-1", USD_20_00))
        .active(LONG_AGO, Instant.parse("2008-12-01T00:00:00Z")).build());
    Claim claim = Claim.builder().id("CLM-1").filedAt(Instant.parse("2009-01-10T15:00:00Z")).build();

    CreditDecision d = decide(engine(rolling()), ended, DEC_2008, claim);

    assertThat(d.carriedForward()).containsExactly(TEN_IN);
    assertThat(d.warnings()).containsExactly(
        "USD 10.00 carried in for sub-1 under p v1 cap cap is carried on unused: it is not active in 2008-12");
  }
}
