package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.account.Subscription;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cap that carries its excess forward hands it to the next period, where the cap applies again. */
class CapCarryForwardTest {
  static RuleNode carrying(RuleNode child) {
    return Rules.cap("cap", CapLimit.percentOfFee(new BigDecimal("100")), Rules.CapScope.PER_PERIOD,
        Rules.Spread.IN_ORDER, Rules.Excess.CARRIED_FORWARD, child);
  }

  @Test
  void reportsTheCutAsCarriedForward() {
    CreditDecision may = engine(policy("p", carrying(Fixed.credit("a", "30.00")))).decide(ACCOUNT_USD_20, MAY_2024_UTC);

    // 30.00 against a cap of 100 % of USD 20.00: 20.00 now, 10.00 carried.
    assertThat(may.lines()).extracting(CreditLine::amount).containsExactly(usd("20.00"));
    assertThat(may.carriedForward()).containsExactly(new CarriedCredit("sub-1", "p", "cap", usd("10.00")));
    assertThat(may.trace("sub-1", "p").orElseThrow().root().summary()).endsWith("; USD 10.00 carried forward");
    assertThat(may.explain()).contains("Carried forward: USD 10.00 for sub-1 under p cap");
  }

  @Test
  void carriedAmountComesInUnderTheSameCapNextPeriod() {
    CreditEngine engine = engine(policy("p", carrying(Fixed.credit("a", "5.00"))));
    DecisionRequest june = DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC)
        .addCarriedIn(new CarriedCredit("sub-1", "p", "cap", usd("10.00"))).build();

    CreditDecision d = engine.decide(june);

    // 5.00 + 10.00 carried in = 15.00, within the 20.00 cap.
    assertThat(d.lines()).extracting(CreditLine::rulePath, CreditLine::amount)
        .containsExactly(tuple("cap/a", usd("5.00")), tuple("cap/carried-in", usd("10.00")));
    assertThat(d.lines().get(1).reason()).isEqualTo("carried forward from an earlier period: USD 10.00");
    assertThat(d.carriedForward()).isEmpty();
  }

  @Test
  void carriedAmountBeyondTheCapIsCarriedAgain() {
    CreditEngine engine = engine(policy("p", carrying(Fixed.credit("a", "15.00"))));
    DecisionRequest june = DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC)
        .addCarriedIn(new CarriedCredit("sub-1", "p", "cap", usd("10.00"))).build();

    CreditDecision d = engine.decide(june);

    // 15.00 + 10.00 = 25.00 against 20.00, in order: 15.00 and 5.00 of the carried 10.00; 5.00 carried again.
    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(usd("15.00"), usd("5.00"));
    assertThat(d.carriedForward()).containsExactly(new CarriedCredit("sub-1", "p", "cap", usd("5.00")));
  }

  @Test
  void droppedExcessIsNotCarried() {
    CreditDecision d = decide(Rules.cap("cap", CapLimit.percentOfFee(new BigDecimal("100")), Fixed.credit("a", "30.00")));

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(usd("20.00"));
    assertThat(d.carriedForward()).isEmpty();
  }

  @Test
  void carriedInForAnotherPolicyIsNotUsedHere() {
    CreditEngine engine = engine(policy("p", carrying(Fixed.credit("a", "5.00"))));
    DecisionRequest june = DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC)
        .addCarriedIn(new CarriedCredit("sub-1", "other", "cap", usd("10.00")))
        .build();

    assertThat(engine.decide(june).lines()).extracting(CreditLine::amount).containsExactly(usd("5.00"));
  }

  @Test
  void carriedInForASubscriptionNotOnTheAccountIsRejectedRatherThanLost() {
    CreditEngine engine = engine(policy("p", carrying(Fixed.credit("a", "5.00"))));
    DecisionRequest june = DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC)
        .addCarriedIn(new CarriedCredit("sub-2", "p", "cap", usd("10.00")))
        .build();

    assertThatThrownBy(() -> engine.decide(june))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("request.carriedIn[0].subscriptionId")
        .hasMessageContaining("sub-2");
  }

  @Test
  void carriedInIsCarriedOnUnusedWhenTheSubscriptionIsNotActiveInThePeriod() {
    CreditEngine engine = engine(policy("p", carrying(Fixed.credit("a", "5.00"))));
    Account endedInMay = Account.builder().from(ACCOUNT_USD_20)
        .subscriptions(List.of(Subscription.builder().from(ACCOUNT_USD_20.subscriptions().get(0))
            .active(ACCOUNT_USD_20.subscriptions().get(0).active().getStart(), JUNE_2024_UTC.start()).build()))
        .build();
    DecisionRequest june = DecisionRequest.builder().account(endedInMay).period(JUNE_2024_UTC)
        .addCarriedIn(new CarriedCredit("sub-1", "p", "cap", usd("10.00"))).build();

    CreditDecision d = engine.decide(june);

    assertThat(d.lines()).isEmpty();
    assertThat(d.carriedForward()).containsExactly(new CarriedCredit("sub-1", "p", "cap", usd("10.00")));
    assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("USD 10.00 carried in for sub-1")
        .contains("carried on unused"));
  }
}
