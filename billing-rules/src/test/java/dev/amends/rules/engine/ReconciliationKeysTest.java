package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.Ratio;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import dev.amends.rules.DaysValue;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.Rules;
import dev.amends.rules.Tier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A re-run reconciled with what was issued: the adjustment's key and its days. */
class ReconciliationKeysTest {
  static List<CreditLine> reconcile(CreditLine line, IssuedCredit issued) {
    return Reconciliation.reconcile("acct-1", JUNE_2024_UTC, List.of(line), List.of(issued), Map.of(),
        EnumSet.noneOf(DecisionFlag.class), new ArrayList<>());
  }

  @Test
  void aTopUpOfMoneyAloneCarriesNoDays() {
    // 3 hours down in June: a flat USD 5.00 now, USD 3.00 issued: a top-up of USD 2.00
    CreditLine line = decide(Rules.flatAmount("flat", usd("5.00"))).lines().get(0);

    List<CreditLine> out = reconcile(line,
        new IssuedCredit(line.key(), usd("3.00"), "p", "sub-1", line.rulePath()));

    assertThat(out).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo(CreditLine.Kind.TOP_UP);
      assertThat(l.amount()).isEqualTo(usd("2.00"));
      assertThat(l.days()).isEmpty();
      assertThat(l.key()).isEqualTo(line.key() + "/top_up-after-300");
    });
  }

  @Test
  void daysIssuedBelowZeroAreMarkedNegativeInTheKey() {
    // 3 days now; -1 day issued (a clawback of days recorded on its own): a top-up of 4 days
    CreditDecision d = decide(Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY, Tier.range("0", "99.99", "3")));
    CreditLine line = d.lines().get(0);

    List<CreditLine> out = reconcile(line,
        new IssuedCredit(line.key(), usd("0.00"), "p", "sub-1", line.rulePath(), Optional.of(Ratio.of(-1))));

    assertThat(out).singleElement().satisfies(l -> {
      assertThat(l.days()).contains(Ratio.of(4));
      assertThat(l.key()).isEqualTo(line.key() + "/top_up-after-0-n1d");
    });
  }
}
