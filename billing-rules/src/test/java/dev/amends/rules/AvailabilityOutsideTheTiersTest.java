package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.ExactMoney;
import org.junit.jupiter.api.Test;

/** Availability tiers: the reason given for an availability that no tier holds, below or between them. */
class AvailabilityOutsideTheTiersTest {
  /** Credit only between 95 % and 99.9 %, both bounds excluded; nothing below 95 %. */
  static final CreditRule FROM_95 = Rules.availabilityTiers("tiers", Tier.of("95.0", false, "99.9", false, "10"));

  // June 2024 in New York: 30 days = 43,200 min; 5 % of 43,200 min = 2,160 min.

  @Test
  void exactlyOnTheExcludedBottomIsBelowEveryTier() {
    // 2,160 min down: (43,200 - 2,160) / 43,200 = 95 % exactly, which (95, 99.9) excludes
    Outcome o = FROM_95.evaluate(given(USD_20_00).downMinutes("2160").context());

    assertThat(o.isCredit()).isFalse();
    assertThat(o.reason()).isEqualTo("availability 95 % = 95 %, below every tier; no credit");
    assertThat(o.flags()).isEmpty();
  }

  @Test
  void underTheBottomIsBelowEveryTier() {
    // 4,320 min down: (43,200 - 4,320) / 43,200 = 90 %
    Outcome o = FROM_95.evaluate(given(USD_20_00).downMinutes("4320").context());

    assertThat(o.isCredit()).isFalse();
    assertThat(o.reason()).isEqualTo("availability 90 % < 95 %, below every tier; no credit");
  }

  @Test
  void justAboveTheExcludedBottomIsCredited() {
    // 2,159 min down: 41,041 / 43,200 = 95.0023... %, inside (95, 99.9): 10 % of 20.00 = 2.00
    Outcome o = FROM_95.evaluate(given(USD_20_00).downMinutes("2159").context());

    assertThat(o.isCredit()).isTrue();
    assertThat(o.amount()).contains(ExactMoney.of(money("USD 2.00")));
  }
}
