package dev.amends.rules;

import static dev.amends.core.fixtures.Story2007.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.core.money.Rounding;
import dev.amends.rules.internal.QuickTest;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A campaign tests eligibility before the fee and the measurement: a subscription its condition
 * rules out is traced as not eligible without them, and nothing else about the decision changes.
 */
class CampaignEligibilityFirstTest {
  static final Instant APOLOGY = CampaignTest.APOLOGY;

  static Campaign tenDollars(Condition eligibility) {
    return Campaign.builder().id("sorry").eligibleAt(APOLOGY).eligibility(eligibility)
        .unit(Campaign.Unit.PER_SUBSCRIPTION)
        .grant(Rules.flatAmount("ten", Money.parse("USD 10.00")))
        .rounding(Rounding.of(RoundingMode.HALF_UP)).build();
  }

  @Test
  void subscriptionOutsideThePlacementIsTracedNotEligibleWithoutFeeOrMeasurement() {
    CreditDecision d = CampaignTest.engine(tenDollars(Conditions.placedUnder(CLUSTER_2)))
        .decide(CUSTOMER_ON_CLUSTER_1, YearMonth.of(2007, 12));

    SubscriptionTrace t = d.trace("sub-c1", "sorry").orElseThrow();
    assertThat(t.fee()).isEmpty();
    assertThat(t.measurement()).isEmpty();
    assertThat(t.root().verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(t.root().path()).isEqualTo("sorry");
    assertThat(t.root().summary())
        .isEqualTo("not eligible: all(active-at[2007-12-10T17:00:00Z],placed-under[grid/cluster-2])");
    assertThat(t.root().children()).singleElement()
        .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.SKIPPED))
        .satisfies(c -> assertThat(c.path()).isEqualTo("sorry/ten"));
    assertThat(d.lines()).isEmpty();
    assertThat(d.flags()).isEmpty();
    assertThat(d.warnings()).isEmpty();
    assertThat(d.explain())
        .contains("sub-c1 under sorry v1")
        .contains("fee: not computed (not needed to decide)")
        .contains("measurement: not computed (not needed to decide)")
        .contains("sorry [when] NOT_MET: not eligible: ");
  }

  @Test
  void eligibleSubscriptionIsDecidedInFullAsBefore() {
    CreditDecision d = CampaignTest.engine(tenDollars(Conditions.placedUnder(CLUSTER_2)))
        .decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 12));

    SubscriptionTrace t = d.trace("sub-c2", "sorry").orElseThrow();
    assertThat(t.fee()).isPresent();
    assertThat(t.measurement()).isPresent();
    assertThat(t.root().verdict()).isEqualTo(Verdict.CREDITED);
    assertThat(t.root().summary()).startsWith("condition met: ");
    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(Money.parse("USD 10.00"));
  }

  @Test
  void conditionOnTheOutagesSeesTheMeasurementAndTheTraceKeepsIt() {
    // Cluster-1 was not touched by the firmware upgrade, so the measurement is computed (the
    // condition reads the outages) and kept in the trace; the fee was never needed.
    CreditDecision d = CampaignTest.engine(tenDollars(Conditions.affectedByOutage(FIRMWARE_UPGRADE.id())))
        .decide(CUSTOMER_ON_CLUSTER_1, YearMonth.of(2007, 12));

    SubscriptionTrace t = d.trace("sub-c1", "sorry").orElseThrow();
    assertThat(t.measurement()).get().satisfies(m -> assertThat(m.outageIds()).isEmpty());
    assertThat(t.fee()).isEmpty();
    assertThat(t.root().summary()).startsWith("not eligible: ");
    assertThat(d.lines()).isEmpty();
  }

  @Test
  void conditionOnTheOutagesStillGrantsTheAffected() {
    CreditDecision d = CampaignTest.engine(tenDollars(Conditions.affectedByOutage(FIRMWARE_UPGRADE.id())))
        .decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 12));

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(Money.parse("USD 10.00"));
  }

  @Test
  void conditionReadingTheFeeGetsTheSameFeeAsAnEagerContext() {
    // A condition of the caller's own: the fee it sees is the fee the engine computes, USD 20.00
    // for December (a whole month at USD 20.00); below 25.00, so not eligible, and traced with it.
    AtomicInteger asked = new AtomicInteger();
    Condition cheapPlans = new Condition() {
      @Override
      public ConditionResult test(RuleContext ctx) {
        asked.incrementAndGet();
        boolean expensive = ctx.fee().fee().compareTo(
            dev.amends.core.money.ExactMoney.of(Money.parse("USD 25.00"))) >= 0;
        return new ConditionResult(expensive, "fee " + ctx.fee(), "fee at least USD 25.00");
      }

      @Override
      public String canonical() {
        return "fee-at-least[USD 25.00]";
      }
    };
    CreditDecision d = CampaignTest.engine(tenDollars(cheapPlans)).decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 12));

    SubscriptionTrace t = d.trace("sub-c2", "sorry").orElseThrow();
    assertThat(t.fee()).get().satisfies(f -> assertThat(f.fee().rounded(Rounding.of(RoundingMode.HALF_UP)))
        .isEqualTo(Money.parse("USD 20.00")));
    assertThat(t.root().summary()).contains("fee USD 20.00 for 2007-12");
    assertThat(asked).hasValue(1);
    assertThat(d.lines()).isEmpty();
  }

  @Test
  void quickTestOnTheSubscriptionAgreesWithTheFullTest() {
    RuleContext onCluster1 = RuleFixtures.context(CUSTOMER_ON_CLUSTER_1, DEC_2007_EASTERN);
    List<Condition> conditions = List.of(
        Conditions.placedUnder(CLUSTER_2), Conditions.placedUnder(GRID), Conditions.planIn("grid"),
        Conditions.planIn("other"), Conditions.activeAt(APOLOGY), Conditions.activeAt(Instant.parse("2005-01-01T00:00:00Z")),
        Conditions.not(Conditions.placedUnder(CLUSTER_2)),
        Conditions.all(Conditions.planIn("grid"), Conditions.placedUnder(CLUSTER_2)),
        Conditions.all(Conditions.planIn("grid"), Conditions.placedUnder(CLUSTER_1)),
        Conditions.any(Conditions.planIn("other"), Conditions.placedUnder(CLUSTER_1)),
        Conditions.any(Conditions.planIn("other"), Conditions.placedUnder(CLUSTER_2)));
    for (Condition c : conditions) {
      assertThat(Conditions.quickTest(c, onCluster1)).as(c.canonical())
          .isEqualTo(QuickTest.of(c.test(onCluster1).met()));
    }
  }

  @Test
  void quickTestLeavesAnythingReadingMoreThanTheSubscriptionToTheFullTest() {
    RuleContext onCluster1 = RuleFixtures.context(CUSTOMER_ON_CLUSTER_1, DEC_2007_EASTERN);

    assertThat(Conditions.quickTest(Conditions.affectedByOutage("X"), onCluster1)).isEqualTo(QuickTest.NEEDS_FULL_TEST);
    // false on the placement, but the other condition must still be tested (it may fail loudly)
    assertThat(Conditions.quickTest(
        Conditions.all(Conditions.placedUnder(CLUSTER_2), Conditions.affectedByOutage("X")), onCluster1))
        .isEqualTo(QuickTest.NEEDS_FULL_TEST);
  }

  @Test
  void subscriptionNotActiveInThePeriodGetsNoCampaignTrace() {
    Account ended = Account.builder().from(CUSTOMER_ON_CLUSTER_1)
        .subscriptions(java.util.List.of(dev.amends.core.account.Subscription.builder().from(ON_CLUSTER_1)
            .active(Instant.parse("2006-01-01T05:00:00Z"), Instant.parse("2007-06-01T04:00:00Z")).build()))
        .build();

    CreditDecision d = CampaignTest.engine(tenDollars(Conditions.placedUnder(CLUSTER_2)))
        .decide(ended, YearMonth.of(2007, 12));

    assertThat(d.trace("sub-c1", "sorry")).isEmpty();
    assertThat(d.lines()).isEmpty();
  }
}
