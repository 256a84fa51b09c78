package dev.amends.rules;

import static dev.amends.core.fixtures.Story2007.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.money.Rounding;
import dev.amends.core.time.BillingPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** One-off goodwill grants: who is eligible, when they land, per what unit, and never twice. */
class CampaignTest {
  /** 12:00 Eastern on 10 December 2007, when the provider apologised. */
  static final Instant APOLOGY = Instant.parse("2007-12-10T17:00:00Z");

  static final Policy NO_SLA = Policy.builder().id("grid-sla").version(1)
      .effectiveFrom(Instant.parse("2007-01-01T05:00:00Z"))
      .rule(Rules.flatAmount("nothing", Money.parse("USD 0.00")))
      .rounding(Rounding.of(RoundingMode.HALF_UP))
      .build();

  static Campaign twoMonthsFree(Campaign.Unit unit, Instant eligibleAt) {
    return Campaign.builder()
        .id("grid-goodwill-2007")
        .eligibleAt(eligibleAt)
        .eligibility(Conditions.placedUnder(GRID))
        .unit(unit)
        .grant(Rules.freePeriods("two-months-free", new BigDecimal("2"), Rules.FreePeriodValue.MONTHLY_PRICE))
        .rounding(Rounding.of(RoundingMode.HALF_UP))
        .build();
  }

  static CreditEngine engine(Campaign... campaigns) {
    return CreditEngine.builder().policies(PolicyBook.of(NO_SLA)).outages(LOG).campaigns(campaigns).build();
  }

  static Account twoSubscriptions(ZoneId zone) {
    return Account.builder().id("acct-2subs").currency(CurrencyUnit.USD).zone(zone)
        .addSubscriptions(gridSubscription("sub-b", CLUSTER_2), Subscription.builder().id("sub-a").plan("grid")
            .prices(PriceSchedule.monthly(Money.parse("USD 35.00")))
            .active(Instant.parse("2006-01-01T05:00:00Z"), Instant.MAX)
            .addPlacements(CLUSTER_1).build())
        .build();
  }

  @Test
  void perSubscriptionGrantGivesEachEligibleSubscriptionItsOwnTwoMonths() {
    CreditDecision d = engine(twoMonthsFree(Campaign.Unit.PER_SUBSCRIPTION, APOLOGY))
        .decide(twoSubscriptions(EASTERN), YearMonth.of(2007, 12));

    assertThat(d.lines()).extracting(CreditLine::subscriptionId, CreditLine::policyId, CreditLine::amount)
        .containsExactly(
            // 2 × USD 35.00
            org.assertj.core.groups.Tuple.tuple("sub-a", "grid-goodwill-2007", Money.parse("USD 70.00")),
            // 2 × USD 20.00
            org.assertj.core.groups.Tuple.tuple("sub-b", "grid-goodwill-2007", Money.parse("USD 40.00")));
    assertThat(d.lines()).allSatisfy(l -> assertThat(l.rulePath()).isEqualTo("grid-goodwill-2007/two-months-free"));
  }

  @Test
  void perAccountGrantIsOneLineValuedOnTheFirstEligibleSubscription() {
    CreditDecision d = engine(twoMonthsFree(Campaign.Unit.PER_ACCOUNT, APOLOGY))
        .decide(twoSubscriptions(EASTERN), YearMonth.of(2007, 12));

    // sub-a comes first by id: 2 × USD 35.00
    assertThat(d.lines()).singleElement().satisfies(l -> {
      assertThat(l.subscriptionId()).isEqualTo("sub-a");
      assertThat(l.amount()).isEqualTo(Money.parse("USD 70.00"));
    });
    assertThat(d.trace("sub-b", "grid-goodwill-2007")).get()
        .satisfies(t -> assertThat(t.root().verdict()).isEqualTo(Verdict.SKIPPED))
        .satisfies(t -> assertThat(t.root().summary()).contains("given with subscription sub-a"));
  }

  @Test
  void grantLandsOnlyInThePeriodHoldingTheEligibilityInstant() {
    CreditEngine engine = engine(twoMonthsFree(Campaign.Unit.PER_SUBSCRIPTION, APOLOGY));

    assertThat(engine.decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 11)).lines()).isEmpty();
    assertThat(engine.decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 12)).lines()).hasSize(1);
    assertThat(engine.decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2008, 1)).lines()).isEmpty();
  }

  @Test
  void grantAtAMonthBoundaryLandsOnceInEveryZone() {
    // 23:30 Eastern on 31 December is already 1 January in UTC and in Tokyo.
    Instant newYearsEveEastern = Instant.parse("2008-01-01T04:30:00Z");
    CreditEngine engine = engine(twoMonthsFree(Campaign.Unit.PER_SUBSCRIPTION, newYearsEveEastern));
    for (ZoneId zone : List.of(EASTERN, ZoneOffset.UTC, ZoneId.of("Asia/Tokyo"))) {
      Account account = twoSubscriptions(zone);
      int lines = engine.decide(account, YearMonth.of(2007, 12)).lines().size()
          + engine.decide(account, YearMonth.of(2008, 1)).lines().size();
      assertThat(lines).as("grant lines over December and January in %s", zone).isEqualTo(2);
    }
    assertThat(engine.decide(twoSubscriptions(EASTERN), YearMonth.of(2007, 12)).lines()).hasSize(2);
    assertThat(engine.decide(twoSubscriptions(ZoneOffset.UTC), YearMonth.of(2008, 1)).lines()).hasSize(2);
  }

  @Test
  void reRunWithTheIssuedGrantGrantsNothingTwice() {
    CreditEngine engine = engine(twoMonthsFree(Campaign.Unit.PER_SUBSCRIPTION, APOLOGY));
    CreditDecision first = engine.decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 12));

    CreditDecision again = engine.decide(DecisionRequest.builder().account(CUSTOMER_ON_CLUSTER_2)
        .period(DEC_2007_EASTERN).issued(first.lines().stream().map(IssuedCredit::of).toList()).build());

    assertThat(first.lines()).hasSize(1);
    assertThat(again.lines()).isEmpty();
    assertThat(again.flags()).isEmpty();
  }

  @Test
  void grantKeyDoesNotDependOnThePeriodOrTheZone() {
    Instant newYearsEveEastern = Instant.parse("2008-01-01T04:30:00Z");
    CreditEngine engine = engine(twoMonthsFree(Campaign.Unit.PER_SUBSCRIPTION, newYearsEveEastern));
    CreditLine eastern = engine.decide(twoSubscriptions(EASTERN), YearMonth.of(2007, 12)).lines().get(0);
    CreditLine utc = engine.decide(twoSubscriptions(ZoneOffset.UTC), YearMonth.of(2008, 1)).lines().get(0);

    assertThat(eastern.period()).isNotEqualTo(utc.period());
    assertThat(eastern.key()).isEqualTo(utc.key()).startsWith("gr-");
  }

  @Test
  void subscriptionNotActiveAtTheEligibilityInstantGetsNothing() {
    Account lateJoiner = Account.builder().id("acct-late").currency(CurrencyUnit.USD).zone(EASTERN)
        .addSubscriptions(Subscription.builder().id("sub-late").plan("grid")
            .prices(PriceSchedule.monthly(USD_20_00))
            .active(Instant.parse("2007-12-15T05:00:00Z"), Instant.MAX)
            .addPlacements(CLUSTER_2).build())
        .build();

    CreditDecision d = engine(twoMonthsFree(Campaign.Unit.PER_SUBSCRIPTION, APOLOGY))
        .decide(lateJoiner, YearMonth.of(2007, 12));

    assertThat(d.lines()).isEmpty();
    assertThat(d.trace("sub-late", "grid-goodwill-2007")).get()
        .satisfies(t -> assertThat(t.root().verdict()).isEqualTo(Verdict.NOT_MET));
  }

  @Test
  void subscriptionOutsideTheEligibleScopeGetsNothing() {
    Campaign clusterTwoOnly = Campaign.builder().id("cluster-2-sorry").eligibleAt(APOLOGY)
        .eligibility(Conditions.placedUnder(CLUSTER_2)).unit(Campaign.Unit.PER_SUBSCRIPTION)
        .grant(Rules.flatAmount("ten", Money.parse("USD 10.00")))
        .rounding(Rounding.of(RoundingMode.HALF_UP)).build();

    CreditEngine engine = engine(clusterTwoOnly);

    assertThat(engine.decide(CUSTOMER_ON_CLUSTER_1, YearMonth.of(2007, 12)).lines()).isEmpty();
    assertThat(engine.decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 12)).lines())
        .extracting(CreditLine::amount).containsExactly(Money.parse("USD 10.00"));
  }

  @Test
  void grantLinesCarryTheCampaignDigest() {
    Campaign c = twoMonthsFree(Campaign.Unit.PER_SUBSCRIPTION, APOLOGY);
    CreditLine line = engine(c).decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 12)).lines().get(0);

    assertThat(line.policyDigest()).isEqualTo(c.digest()).startsWith("sha256:");
    assertThat(c.digest()).isNotEqualTo(twoMonthsFree(Campaign.Unit.PER_ACCOUNT, APOLOGY).digest());
  }

  @Test
  void rejectsABrokenGrantTreeNamingTheCampaign() {
    assertThatThrownBy(() -> Campaign.builder().id("bad").eligibleAt(APOLOGY)
        .eligibility(Conditions.placedUnder(GRID)).unit(Campaign.Unit.PER_ACCOUNT)
        .grant(Rules.sum("dup", Rules.flatAmount("dup", Money.parse("USD 1.00"))))
        .rounding(Rounding.of(RoundingMode.HALF_UP)).build())
        .isInstanceOf(PolicyDefinitionException.class)
        .hasMessageContaining("campaign bad")
        .hasMessageContaining("repeats the node id \"dup\"");
  }

  @Test
  void rejectsACampaignWithoutAStatedUnit() {
    assertThatThrownBy(() -> Campaign.builder().id("no-unit").eligibleAt(APOLOGY)
        .eligibility(Conditions.placedUnder(GRID))
        .grant(Rules.flatAmount("ten", Money.parse("USD 10.00")))
        .rounding(Rounding.of(RoundingMode.HALF_UP)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unit");
  }

  @Test
  void rejectsTwoCampaignsWithOneId() {
    Campaign c = twoMonthsFree(Campaign.Unit.PER_ACCOUNT, APOLOGY);
    assertThatThrownBy(() -> CreditEngine.builder().policies(PolicyBook.of(NO_SLA)).campaigns(c, c))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("engine.campaigns[1].id")
        .hasMessageContaining("grid-goodwill-2007");
  }

  @Test
  void aPolicyThatStartsMidPeriodIsFlaggedNotSilentlySkipped() {
    Policy lateGoodwill = Policy.builder().id("goodwill").version(1)
        .effectiveFrom(APOLOGY)
        .rule(Rules.flatAmount("ten", Money.parse("USD 10.00")))
        .rounding(Rounding.of(RoundingMode.HALF_UP)).build();
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(NO_SLA, lateGoodwill)).outages(LOG).build();

    CreditDecision dec = engine.decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 12));
    CreditDecision jan = engine.decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2008, 1));

    assertThat(dec.lines()).isEmpty();
    assertThat(dec.flags()).contains(DecisionFlag.POLICY_CHANGED_IN_PERIOD);
    assertThat(dec.warnings()).anySatisfy(w -> assertThat(w)
        .contains("goodwill v1 takes effect at 2007-12-10T17:00:00Z, inside 2007-12")
        .contains("no version of goodwill was in force"));
    assertThat(jan.flags()).doesNotContain(DecisionFlag.POLICY_CHANGED_IN_PERIOD);
    assertThat(jan.lines()).extracting(CreditLine::amount).containsExactly(Money.parse("USD 10.00"));
  }

  @Test
  void aVersionSwitchInsideThePeriodSaysWhichVersionDecided() {
    Instant midDecember = Instant.parse("2007-12-16T05:00:00Z");
    Policy v1 = Policy.builder().id("sla").version(1).effectiveFrom(Instant.parse("2007-01-01T05:00:00Z"))
        .effectiveUntil(midDecember).rule(Rules.flatAmount("one", Money.parse("USD 1.00")))
        .rounding(Rounding.of(RoundingMode.HALF_UP)).build();
    Policy v2 = Policy.builder().id("sla").version(2).effectiveFrom(midDecember)
        .rule(Rules.flatAmount("two", Money.parse("USD 2.00")))
        .rounding(Rounding.of(RoundingMode.HALF_UP)).build();
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(v1, v2)).build();

    CreditDecision d = engine.decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 12));

    assertThat(d.lines()).extracting(CreditLine::policyVersion, CreditLine::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Money.parse("USD 1.00")));
    assertThat(d.flags()).contains(DecisionFlag.POLICY_CHANGED_IN_PERIOD);
    assertThat(d.warnings())
        .anySatisfy(w -> assertThat(w).contains("sla v2 takes effect").contains("sla v1, in force at the period's start"))
        .anySatisfy(w -> assertThat(w).contains("sla v1 ends at 2007-12-16T05:00:00Z"));
  }

  @Test
  void decidesTheAccountsOwnPeriodForAMonth() {
    CreditEngine engine = engine();
    assertThat(engine.decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 12)).period()).isEqualTo(DEC_2007_EASTERN);
  }

  @Test
  void rejectsAPeriodThatIsNotOneOfTheAccountsOwn() {
    CreditEngine engine = engine();
    BillingPeriod oneDayAsAYear = BillingPeriod.of(LocalDate.of(2007, 12, 1), LocalDate.of(2007, 12, 2), EASTERN, 12);
    BillingPeriod utcMonth = BillingPeriod.month(YearMonth.of(2007, 12), ZoneOffset.UTC);

    for (BillingPeriod bad : List.of(oneDayAsAYear, utcMonth)) {
      assertThatThrownBy(() -> engine.decide(CUSTOMER_ON_CLUSTER_2, bad))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("request.period")
          .hasMessageContaining("acct-c2")
          .hasMessageContaining(bad.startDate().toString());
    }
  }
}
