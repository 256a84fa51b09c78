package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.amends.core.account.Account;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.scope.Scope;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

/**
 * A campaign's grant in June 2024 (eligible at noon on 15 June): a grant per account passes to the
 * next subscription by id when the first gets no line; a campaign measured from telemetry is
 * always decided in full; what the grant reads of the request (claims, carried-in credits) is the
 * request's.
 */
class CampaignGrantEdgesTest {
  static final Instant NOON_15_JUNE = Instant.parse("2024-06-15T12:00:00Z");
  static final Scope NODE_2 = Scope.of("svc/node-2");

  static Campaign.Builder campaign(Campaign.Unit unit, RuleNode grant) {
    return Campaign.builder().id("goodwill").eligibleAt(NOON_15_JUNE).eligibility(Conditions.placedUnder(Scope.of("svc")))
        .unit(unit).grant(grant).rounding(HALF_UP);
  }

  /** One month's price free: the subscription's monthly price. */
  static final RuleNode MONTH_FREE = Rules.freePeriods("month-free", BigDecimal.ONE, Rules.FreePeriodValue.MONTHLY_PRICE);

  static CreditEngine engine(Campaign campaign) {
    return engine(campaign, true);
  }

  static CreditEngine engine(Campaign campaign, boolean traces) {
    return CreditEngine.builder().policies(PolicyBook.of(policy("sla", Rules.flatAmount("nothing", usd("0.00")))))
        .campaigns(campaign).traces(traces).build();
  }

  static Subscription sub(String id, Money monthly) {
    return subscription(id, monthly);
  }

  @Test
  void aGrantPerAccountSkipsASubscriptionNotActiveInThePeriod() {
    // sub-a ended in May: it is first by id but gets nothing, so sub-b gets the account's grant
    Subscription a = Subscription.builder().from(sub("sub-a", usd("35.00"))).active(LONG_AGO, MAY_2024_UTC.end()).build();
    Account account = account("acct-1", a, sub("sub-b", USD_20_00));

    CreditDecision d = engine(campaign(Campaign.Unit.PER_ACCOUNT, MONTH_FREE).build()).decide(account, JUNE_2024_UTC);

    assertThat(d.lines()).extracting(CreditLine::subscriptionId, CreditLine::amount)
        .containsExactly(tuple("sub-b", usd("20.00")));
  }

  @Test
  void aGrantPerAccountThatRoundsToNothingPassesToTheNextSubscription() {
    // sub-a's month is free of charge: its grant is USD 0.00, no line; sub-b gets USD 20.00
    Account account = account("acct-1", sub("sub-a", usd("0.00")), sub("sub-b", USD_20_00));

    CreditDecision d = engine(campaign(Campaign.Unit.PER_ACCOUNT, MONTH_FREE).build()).decide(account, JUNE_2024_UTC);

    assertThat(d.lines()).extracting(CreditLine::subscriptionId, CreditLine::amount)
        .containsExactly(tuple("sub-b", usd("20.00")));
  }

  static final MeasurementRules FROM_TELEMETRY =
      MeasurementRules.builder().source(Measurement.Source.TELEMETRY).build();

  @Test
  void aCampaignMeasuredFromTelemetryFlagsMissingTelemetryEvenForTheIneligible() {
    telemetryCampaignFlagsMissingTelemetry(true);
  }

  @Test
  void aCampaignMeasuredFromTelemetryFlagsMissingTelemetryEvenForTheIneligibleWithTracesOff() {
    telemetryCampaignFlagsMissingTelemetry(false);
  }

  static void telemetryCampaignFlagsMissingTelemetry(boolean traces) {
    // sub-1 is on svc/node-1, not under "elsewhere"; June has no telemetry at all
    Campaign c = campaign(Campaign.Unit.PER_SUBSCRIPTION, MONTH_FREE).eligibility(Conditions.placedUnder(Scope.of("elsewhere")))
        .measurementRules(FROM_TELEMETRY).build();

    CreditDecision d = engine(c, traces).decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(d.lines()).isEmpty();
    assertThat(d.flags()).containsExactly(DecisionFlag.MISSING_TELEMETRY);
    assertThat(d.warnings()).singleElement().asString().startsWith("no credit for sub-1 under goodwill v1: ");
  }

  @Test
  void aGrantPerAccountMissingTelemetryPassesToTheNextSubscription() {
    // one sample covers all of June on node-2 (sub-b), none on node-1 (sub-a)
    Subscription b = Subscription.builder().from(sub("sub-b", USD_20_00)).placements(List.of(NODE_2)).build();
    Account account = account("acct-1", sub("sub-a", usd("35.00")), b);
    TelemetryLog june = TelemetryLog.of(List.of(TelemetrySample.ofCounts(NODE_2,
        Interval.of(JUNE_2024_UTC.start(), JUNE_2024_UTC.end()), 1_000, 1_000)));
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(policy("sla", Rules.flatAmount("nothing", usd("0.00")))))
        .campaigns(campaign(Campaign.Unit.PER_ACCOUNT, MONTH_FREE).measurementRules(FROM_TELEMETRY).build())
        .telemetry(june).build();

    CreditDecision d = engine.decide(account, JUNE_2024_UTC);

    assertThat(d.lines()).extracting(CreditLine::subscriptionId, CreditLine::amount)
        .containsExactly(tuple("sub-b", usd("20.00")));
    assertThat(d.flags()).containsExactly(DecisionFlag.MISSING_TELEMETRY);
  }

  @Test
  void eligibilityReadsTheRequestsClaim() {
    Campaign c = campaign(Campaign.Unit.PER_SUBSCRIPTION, MONTH_FREE)
        .eligibility(Conditions.claimFiledInTime(ClaimDeadline.daysAfterPeriodEnd(30))).build();
    Claim claim = Claim.builder().id("CLM-1").filedAt(Instant.parse("2024-06-20T09:00:00Z")).build();

    CreditDecision withClaim = engine(c).decide(
        DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC).addClaims(claim).build());
    CreditDecision without = engine(c).decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(withClaim.lines()).extracting(CreditLine::amount).containsExactly(usd("20.00"));
    assertThat(without.lines()).isEmpty();
  }

  @Test
  void aGrantUnderACarryingCapUsesTheCreditCarriedIn() {
    // USD 5.00 granted plus USD 10.00 carried in, within a cap of 100 % of USD 20.00
    RuleNode capped = Rules.cap("cap", CapLimit.percentOfFee(new BigDecimal("100")), Rules.CapScope.PER_PERIOD,
        Rules.Spread.IN_ORDER, Rules.Excess.CARRIED_FORWARD, Rules.flatAmount("five", usd("5.00")));
    Campaign c = campaign(Campaign.Unit.PER_SUBSCRIPTION, capped).build();

    CreditDecision d = engine(c).decide(DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC)
        .addCarriedIn(new CarriedCredit("sub-1", "goodwill", "goodwill/cap", usd("10.00"))).build());

    assertThat(d.lines()).extracting(CreditLine::rulePath, CreditLine::amount).containsExactly(
        tuple("goodwill/cap/five", usd("5.00")), tuple("goodwill/cap/carried-in", usd("10.00")));
  }

  @Test
  void aCreditCarriedInForASubscriptionNotActiveInThePeriodIsCarriedOn() {
    carriedInForAnInactiveSubscriptionIsCarriedOn(true);
  }

  @Test
  void aCreditCarriedInForASubscriptionNotActiveInThePeriodIsCarriedOnWithTracesOff() {
    carriedInForAnInactiveSubscriptionIsCarriedOn(false);
  }

  static void carriedInForAnInactiveSubscriptionIsCarriedOn(boolean traces) {
    // sub-a ended in May, so it is neither active in June nor at the eligibility instant
    Subscription a = Subscription.builder().from(sub("sub-a", usd("35.00"))).active(LONG_AGO, MAY_2024_UTC.end()).build();
    CarriedCredit carried = new CarriedCredit("sub-a", "goodwill", "goodwill/cap", usd("5.00"));

    CreditDecision d = engine(campaign(Campaign.Unit.PER_SUBSCRIPTION, MONTH_FREE).build(), traces).decide(
        DecisionRequest.builder().account(account("acct-1", a, sub("sub-b", USD_20_00))).period(JUNE_2024_UTC)
            .addCarriedIn(carried).build());

    assertThat(d.lines()).extracting(CreditLine::subscriptionId, CreditLine::amount)
        .containsExactly(tuple("sub-b", usd("20.00")));
    assertThat(d.carriedForward()).containsExactly(carried);
  }

  @Test
  void anIneligibleSubscriptionIsTracedAsNotEligible() {
    // sub-1 is not under "elsewhere" (the quick test says so), and has no claim (the full test does)
    Campaign byPlace = campaign(Campaign.Unit.PER_SUBSCRIPTION, MONTH_FREE)
        .eligibility(Conditions.placedUnder(Scope.of("elsewhere"))).build();
    Campaign byClaim = campaign(Campaign.Unit.PER_SUBSCRIPTION, MONTH_FREE)
        .eligibility(Conditions.claimFiledInTime(ClaimDeadline.daysAfterPeriodEnd(30))).build();

    for (Campaign c : List.of(byPlace, byClaim)) {
      CreditDecision d = engine(c).decide(ACCOUNT_USD_20, JUNE_2024_UTC);

      assertThat(d.lines()).isEmpty();
      assertThat(d.trace("sub-1", "goodwill")).get().satisfies(t -> {
        assertThat(t.root().verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(t.root().summary()).startsWith("not eligible: ");
      });
    }
  }
}
