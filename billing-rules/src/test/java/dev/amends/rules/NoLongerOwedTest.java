package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reconciliation of issued credits that a re-run no longer computes at all. */
class NoLongerOwedTest {
  static DecisionRequest.Builder request() {
    return DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC);
  }

  @Test
  void anIssuedCreditOfNothingNoLongerComputedIsLeftAlone() {
    // issued USD 0.00 under path "old", which the tree no longer has: nothing to claw back or flag
    String old = CreditEngine.key("acct-1", "sub-1", JUNE_2024_UTC, "p", "old");
    IssuedCredit zero = new IssuedCredit(old, usd("0.00"), "p", "sub-1", "old");
    Policy clawback = policyBuilder("p", Fixed.credit("a", "1.00"), HALF_UP).allowsClawback(true).build();

    CreditDecision d = engine(clawback).decide(request().addIssued(zero).build());

    assertThat(d.lines()).extracting(CreditLine::key)
        .containsExactly(CreditEngine.key("acct-1", "sub-1", JUNE_2024_UTC, "p", "a"));
    assertThat(d.warnings()).isEmpty();
    assertThat(d.flags()).doesNotContain(DecisionFlag.OVERPAID_NO_CLAWBACK);
  }

  @Test
  void aCreditOfMoneyClawedBackInFullHasNoDaysOfService() {
    String old = CreditEngine.key("acct-1", "sub-1", JUNE_2024_UTC, "p", "old");
    IssuedCredit issued = new IssuedCredit(old, usd("3.00"), "p", "sub-1", "old");
    Policy clawback = policyBuilder("p", Fixed.credit("a", "1.00"), HALF_UP).allowsClawback(true).build();

    CreditDecision d = engine(clawback).decide(request().addIssued(issued).build());

    // 300 minor units issued: the clawback's key says so
    assertThat(d.lines()).filteredOn(l -> l.kind() == CreditLine.Kind.CLAWBACK).singleElement().satisfies(l -> {
      assertThat(l.key()).isEqualTo(old + "/clawback-after-300");
      assertThat(l.amount()).isEqualTo(usd("-3.00"));
      assertThat(l.days()).isEmpty();
      assertThat(l.reason()).isEqualTo("clawback: issued USD 3.00, now nothing is owed");
    });
    assertThat(d.warnings()).containsExactly(old + " issued USD 3.00 is no longer owed; clawed back in full");
  }

  @Test
  void aCreditUnderAPolicyNoLongerInForceIsFlaggedNamingThatPolicy() {
    // issued under policy "retired", which the engine no longer has
    String old = CreditEngine.key("acct-1", "sub-1", JUNE_2024_UTC, "retired", "a");
    IssuedCredit issued = new IssuedCredit(old, usd("3.00"), "retired", "sub-1", "a");

    CreditDecision d = engine(policy("p", Fixed.credit("a", "1.00"))).decide(request().addIssued(issued).build());

    assertThat(d.flags()).contains(DecisionFlag.OVERPAID_NO_CLAWBACK);
    assertThat(d.warnings()).contains(old + " issued USD 3.00 is no longer owed; its policy retired is not in force");
  }
}
