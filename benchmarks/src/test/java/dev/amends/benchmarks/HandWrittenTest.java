package dev.amends.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-written baseline gives exactly the engine's lines, account by account, on a fleet
 * where every kind of outage and every kind of line occurs: the throughput comparison is fair.
 */
class HandWrittenTest {
  @org.junit.jupiter.params.ParameterizedTest(name = "traces {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void givesTheEnginesLinesForEveryAccount(boolean traces) {
    Fleet fleet = Fleet.generate(7L, 5_000, 200, 20_000);
    CreditEngine engine = fleet.engine(traces);
    HandWritten hand = new HandWritten(fleet);
    Map<String, Integer> byPath = new HashMap<>();
    int capped = 0;
    int withoutLine = 0;

    for (Account a : fleet.accounts()) {
      CreditDecision d = engine.decide(a, fleet.period(a));
      List<HandWritten.Line> expected = d.lines().stream()
          .map(l -> new HandWritten.Line(l.accountId(), l.subscriptionId(), l.policyId(), l.rulePath(), l.amount(),
              l.reason(), l.key()))
          .toList();

      assertThat(hand.decide(a, fleet.period(a))).as(a.id()).isEqualTo(expected);
      for (HandWritten.Line l : expected) {
        byPath.merge(l.rulePath(), 1, Integer::sum);
        capped += l.reason().contains("capped from") ? 1 : 0;
      }
      withoutLine += expected.isEmpty() ? 1 : 0;
    }
    // Every kind of line occurs, so every branch of the baseline was compared.
    assertThat(byPath).containsKeys("sla/best/tiers", "sla/best/blocks", Fleet.CAMPAIGN_ID + "/two-months");
    assertThat(capped).isPositive();
    assertThat(withoutLine).isPositive();
  }

  @Test
  void theSmallFleetHasEveryKindOfOutage() {
    Fleet fleet = Fleet.generate(7L, 5_000, 200, 20_000);

    assertThat(fleet.outages()).extracting(o -> o.kind()).contains(
        dev.amends.core.outage.OutageKind.values());
    assertThat(fleet.outages()).extracting(o -> o.cause()).contains(dev.amends.core.outage.Cause.values());
    assertThat(fleet.outages()).anyMatch(o -> o.impact().level() == dev.amends.core.outage.Impact.Level.DEGRADED);
    assertThat(fleet.outages()).anyMatch(o -> o.scopes().iterator().next().depth() == 1);
  }

  @Test
  void aTierLineReadsAsTheEnginesReason() {
    Fleet fleet = Fleet.generate(7L, 5_000, 200, 20_000);
    HandWritten hand = new HandWritten(fleet);

    HandWritten.Line tier = fleet.accounts().stream()
        .flatMap(a -> hand.decide(a, fleet.period(a)).stream())
        .filter(l -> l.rulePath().equals("sla/best/tiers"))
        .findFirst().orElseThrow();

    assertThat(tier.reason()).matches("availability 99\\.[0-9]{1,4} % < 99\\.9 % -> 10 % of [A-Z]{3} [0-9.]+");
    assertThat(tier.key()).matches("cr-[0-9a-f]{32}");
  }
}
