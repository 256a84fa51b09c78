package dev.amends.rules;

import static dev.amends.core.fixtures.Story2007.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import dev.amends.core.money.Rounding;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** The story from DESIGN.md, from outage record to credit lines. */
class StoryEndToEndTest {
  static final Policy GRID_SLA = Policy.builder()
      .id("grid-sla")
      .version(1)
      .effectiveFrom(Instant.parse("2007-01-01T05:00:00Z"))
      .measurementRules(MAINTENANCE_EXCLUDED_WITH_24H_NOTICE)
      .rule(Rules.availabilityTiers("tiers",
          Tier.range("99.0", "99.9", "10"),
          Tier.range("95.0", "99.0", "25"),
          Tier.range("0", "95.0", "100")))
      .rounding(Rounding.of(RoundingMode.HALF_UP))
      .build();

  /** Two months free for every grid customer, judged at 12:00 Eastern on 10 December 2007. */
  static final Campaign GOODWILL = Campaign.builder()
      .id("goodwill-2007")
      .eligibleAt(Instant.parse("2007-12-10T17:00:00Z"))
      .eligibility(Conditions.placedUnder(GRID))
      .unit(Campaign.Unit.PER_SUBSCRIPTION)
      .grant(Rules.freePeriods("two-months-free", new BigDecimal("2"), Rules.FreePeriodValue.MONTHLY_PRICE))
      .rounding(Rounding.of(RoundingMode.HALF_UP))
      .build();

  static final CreditEngine ENGINE = CreditEngine.builder()
      .policies(PolicyBook.of(GRID_SLA))
      .campaigns(GOODWILL)
      .outages(LOG)
      .build();

  @Test
  void clusterTwoCustomerGetsGoodwillAndSlaCredit() {
    CreditDecision d = ENGINE.decide(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN);

    assertThat(d.lines()).extracting(CreditLine::policyId, CreditLine::rulePath, CreditLine::amount)
        .containsExactly(
            // 420 min down of 44,640: 99.0591 % is in [99.0, 99.9) → 10 % of USD 20.00
            org.assertj.core.groups.Tuple.tuple("grid-sla", "tiers", Money.parse("USD 2.00")),
            // 2 × USD 20.00; grant lines come after the policies' lines
            org.assertj.core.groups.Tuple.tuple("goodwill-2007", "goodwill-2007/two-months-free",
                Money.parse("USD 40.00")));
    assertThat(d.total(CurrencyUnit.USD)).isEqualTo(Money.parse("USD 42.00"));
    CreditLine sla = d.lines().get(0);
    assertThat(sla.reason()).isEqualTo("availability 99.0591 % < 99.9 % -> 10 % of USD 20.00");
    assertThat(sla.outageIds()).containsExactly("MAINT-2007-12-01");
    assertThat(sla.policyDigest()).isEqualTo(GRID_SLA.digest()).startsWith("sha256:");
  }

  @Test
  void clusterOneCustomerGetsGoodwillOnly() {
    CreditDecision d = ENGINE.decide(CUSTOMER_ON_CLUSTER_1, DEC_2007_EASTERN);

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(Money.parse("USD 40.00"));
    assertThat(d.trace("sub-c1", "grid-sla")).get()
        .satisfies(t -> assertThat(t.root().verdict()).isEqualTo(Verdict.NOT_MET))
        .satisfies(t -> assertThat(t.root().summary()).contains("availability 100 %"));
  }

  @Test
  void reRunWithIssuedCreditsIssuesNothingNew() {
    CreditDecision first = ENGINE.decide(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN);
    List<IssuedCredit> issued = first.lines().stream().map(IssuedCredit::of).toList();

    CreditDecision again = ENGINE.decide(DecisionRequest.builder()
        .account(CUSTOMER_ON_CLUSTER_2).period(DEC_2007_EASTERN).issued(issued).build());

    assertThat(again.lines()).isEmpty();
    assertThat(ENGINE.decide(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN).lines())
        .extracting(CreditLine::key)
        .isEqualTo(first.lines().stream().map(CreditLine::key).toList());
  }

  @Test
  void explainsEveryRuleLookedAt() {
    String text = ENGINE.decide(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN).explain();

    assertThat(text)
        .contains("USD 40.00 CREDIT sub-c2 goodwill-2007 v1 goodwill-2007/two-months-free")
        .contains("USD 2.00 CREDIT sub-c2 grid-sla v1 tiers: availability 99.0591 % < 99.9 % -> 10 % of USD 20.00")
        .contains("Totals: USD 42.00")
        .contains("420 min down of 44640, availability 99.0591 %");
  }

  @Test
  void explainSaysWhyThirteenHoursDownCountAsSeven() {
    CreditDecision d = ENGINE.decide(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN);

    // 05:00-18:00Z is 13 h; the announced 05:00-11:00Z (6 h) is excluded; the 7 h overrun counts.
    assertThat(d.explain()).contains("    measurement: sub-c2 2007-12: 420 min down of 44640, availability 99.0591 %\n"
        + "      MAINT-2007-12-01: down 13h in period; counted 7h; excluded 6h: announced maintenance window "
        + "2007-12-01T05:00Z–11:00Z (announced 10 days ahead, notice >= 24h); overrun 7h counts\n");
    assertThat(d.trace("sub-c2", "grid-sla").orElseThrow().measurement().orElseThrow().breakdown())
        .singleElement().satisfies(b -> assertThat(b.counted()).isEqualTo(java.time.Duration.ofHours(7)));
    assertThat(d.trace("sub-c2", "grid-sla").orElseThrow().fee().orElseThrow().isActive()).isTrue();
  }
}
