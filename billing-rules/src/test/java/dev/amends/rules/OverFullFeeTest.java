package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Credits worth more than the fee for the period are flagged unless the policy allows them. */
class OverFullFeeTest {
  @Test
  void flagsACreditAboveTheFeeWithAWarning() {
    // USD 30.00 against a fee of USD 20.00 for June: 150 %.
    CreditDecision d = decide(Fixed.credit("a", "30.00"));

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(usd("30.00"));
    assertThat(d.flags()).contains(DecisionFlag.OVER_FULL_FEE);
    assertThat(d.warnings()).contains("sub-1 is credited USD 30.00 under p v1, more than its fee of USD 20.00 for the"
        + " period; the policy does not allow credits over the full fee");
  }

  @Test
  void judgesTheSumOfTheLinesNotEachLine() {
    // 12.00 + 10.00 = 22.00 > 20.00, though each line alone is within the fee.
    CreditDecision d = decide(Rules.sum("s", Fixed.credit("a", "12.00"), Fixed.credit("b", "10.00")));

    assertThat(d.flags()).contains(DecisionFlag.OVER_FULL_FEE);
  }

  @Test
  void doesNotFlagACreditOfExactlyTheFee() {
    CreditDecision d = decide(Fixed.credit("a", "20.00"));

    assertThat(d.flags()).doesNotContain(DecisionFlag.OVER_FULL_FEE);
    assertThat(d.warnings()).isEmpty();
  }

  @Test
  void judgesTheUnroundedValue() {
    // 20.004 rounds to 20.00, but is worth more than the fee before rounding.
    CreditDecision d = decide(Fixed.credit("a", "20.004"));

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(usd("20.00"));
    assertThat(d.flags()).contains(DecisionFlag.OVER_FULL_FEE);
  }

  @Test
  void staysQuietWhenThePolicyAllowsCreditsOverTheFee() {
    Policy generous = policyBuilder("p", Fixed.credit("a", "30.00"), HALF_UP).allowsOverFullFee(true).build();

    CreditDecision d = engine(generous, OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(d.flags()).doesNotContain(DecisionFlag.OVER_FULL_FEE);
    assertThat(d.warnings()).isEmpty();
  }

  @Test
  void changesTheDigestOnlyWhenAllowed() {
    Policy plain = policy("p", Fixed.credit("a", "30.00"));
    Policy explicitNo = policyBuilder("p", Fixed.credit("a", "30.00"), HALF_UP).allowsOverFullFee(false).build();
    Policy allowed = policyBuilder("p", Fixed.credit("a", "30.00"), HALF_UP).allowsOverFullFee(true).build();

    assertThat(explicitNo.digest()).isEqualTo(plain.digest());
    assertThat(plain.canonical()).contains(",\"allowsOverFullFee\":false}");
    assertThat(allowed.digest()).isNotEqualTo(plain.digest());
    assertThat(allowed.canonical()).contains(",\"allowsOverFullFee\":true}");
  }
}
