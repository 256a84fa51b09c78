package dev.amends.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.rules.CreditDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator is deterministic, and the benchmark's setup decides without error. */
class SyntheticOutagesTest {
  @Test
  void sameSeedGivesTheSameRecordsInsideTheWindow() {
    List<Outage> a = SyntheticOutages.onOneScope(500, 7L, DecideScaling.CLUSTER_2, DecideScaling.DECEMBER_2007.window());
    List<Outage> b = SyntheticOutages.onOneScope(500, 7L, DecideScaling.CLUSTER_2, DecideScaling.DECEMBER_2007.window());

    assertThat(a).hasSize(500).isEqualTo(b);
    assertThat(a).allSatisfy(o -> assertThat(DecideScaling.DECEMBER_2007.window().contains(o.window().getStart())).isTrue());
  }

  @Test
  void benchmarkSetupDecidesOneAccount() {
    OutageLog log = OutageLog.of(
        SyntheticOutages.onOneScope(1_000, 2007L, DecideScaling.CLUSTER_2, DecideScaling.DECEMBER_2007.window()));

    CreditDecision d = DecideScaling.engine(log).decide(DecideScaling.account(), DecideScaling.DECEMBER_2007);

    // 1,000 outages in a month put availability far below 95 %: the cap allows at most the fee, USD 20.00.
    assertThat(d.lines()).isNotEmpty();
    assertThat(d.total(org.joda.money.CurrencyUnit.USD).getAmount()).isLessThanOrEqualTo(new java.math.BigDecimal("20.00"));
  }

  @Test
  void disjointOutagesNeitherOverlapNorTouch() {
    List<Outage> list = SyntheticOutages.disjointOnOneScope(1_000, DecideScaling.CLUSTER_2,
        DecideScaling.DECEMBER_2007.window());

    // December 2007 Eastern is 44,640 min; 1,000 outages of 44,640 / 1,000 / 2 min = 22.32 min each.
    assertThat(dev.amends.core.time.WindowSet.of(list.stream().map(Outage::window).toList()).size()).isEqualTo(1_000);
    assertThat(list.get(0).window().toDuration()).isEqualTo(java.time.Duration.ofMillis(1_339_200));
  }
}
