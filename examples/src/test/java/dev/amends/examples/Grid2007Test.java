package dev.amends.examples;

import static dev.amends.testkit.AmendsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/grid-2007: the seed story, read from the same three files the CLI reads. December 2007
 * in US Eastern has 31 days = 44,640 minutes. Cluster-2 was down 05:00-18:00 UTC on 1 December; the
 * first 6 h were announced 10 days ahead (more than the 24 h notice) and are excluded, the 7 h
 * overrun = 420 min counts: 44,220 / 44,640 = 99.0591 %, in the [99.0, 99.9) tier, 10 % of the fee.
 * Cluster-3's 30 min: 44,610 / 44,640 = 99.9328 %, no credit. Cluster-1 had no outage.
 */
class Grid2007Test {
  static final YearMonth DECEMBER_2007 = YearMonth.of(2007, 12);
  static Map<String, CreditDecision> decisions;

  @BeforeAll
  static void decideEveryAccount() {
    ExampleFiles files = ExampleFiles.of("grid-2007");
    CreditEngine engine = files.engine();
    decisions = new LinkedHashMap<>();
    for (Account account : files.accounts()) {
      decisions.put(account.id(), engine.decide(account, DECEMBER_2007));
    }
  }

  @Test
  void readsSixAccounts() {
    assertThat(decisions).containsOnlyKeys("acme", "borealis", "cobalt", "delta", "elbe", "fjord");
  }

  @Test
  void overrunOnClusterTwoCountsSevenHours() {
    // 13 h down, the announced 6 h excluded
    assertThat(decisions.get("acme"))
        .hasCounted("acme-grid", "MAINT-2007-12-01", Duration.ofHours(7), Duration.ofHours(6));
  }

  @Test
  void monthlyCustomerOnClusterTwoGetsTenPercent() {
    // 10 % of USD 20.00 = USD 2.00
    assertThat(decisions.get("acme")).hasLine("tiers").withAmount("USD 2.00").restsOn("MAINT-2007-12-01")
        .withReasonContaining("99.0591 %").and().hasTotals("USD 2.00");
    // 10 % of USD 45.00 = USD 4.50
    assertThat(decisions.get("cobalt")).hasTotals("USD 4.50");
  }

  @Test
  void annualCustomerIsCreditedOnATwelfthOfTheYearlyFee() {
    // USD 600.00 / 12 = USD 50.00 for December; 10 % = USD 5.00
    assertThat(decisions.get("borealis")).hasLine("tiers").withAmount("USD 5.00").and().hasTotals("USD 5.00");
  }

  @Test
  void euroCustomerIsCreditedInEuros() {
    // 10 % of EUR 30.00 = EUR 3.00
    assertThat(decisions.get("elbe")).hasTotals("EUR 3.00");
  }

  @Test
  void customersOffClusterTwoGetNothing() {
    // delta: cluster-1, no outage. fjord: cluster-3, 30 min down = 99.9328 %, not below 99.9 %
    assertThat(decisions.get("delta")).hasNoLines().hasTotals();
    assertThat(decisions.get("fjord")).hasNoLines().hasTotals();
  }

  @Test
  void totalsAreElevenFiftyDollarsAndThreeEuros() {
    // USD 2.00 + 5.00 + 4.50 = USD 11.50; EUR 3.00
    Map<CurrencyUnit, Money> totals = new LinkedHashMap<>();
    decisions.values().forEach(d -> d.totals().values().forEach(m -> totals.merge(m.getCurrencyUnit(), m, Money::plus)));
    assertThat(totals).containsOnly(
        Map.entry(CurrencyUnit.USD, Money.parse("USD 11.50")),
        Map.entry(CurrencyUnit.EUR, Money.parse("EUR 3.00")));
  }
}
