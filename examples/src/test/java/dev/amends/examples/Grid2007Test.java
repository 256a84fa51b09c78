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
 *
 * <p>With goodwill.json, the provider's apology on 10 December 2007 (12:00 Eastern = 17:00 UTC):
 * every subscription placed under {@code grid} and active then gets two months free, each month
 * valued at the monthly price, an annual price counting as a twelfth of it a month; the grant
 * lands in the December decision, next to the SLA credit.
 */
class Grid2007Test {
  static final YearMonth DECEMBER_2007 = YearMonth.of(2007, 12);
  static Map<String, CreditDecision> decisions;
  /** The same accounts with the goodwill campaign too. */
  static Map<String, CreditDecision> withGoodwill;

  @BeforeAll
  static void decideEveryAccount() {
    ExampleFiles files = ExampleFiles.of("grid-2007");
    CreditEngine engine = files.engine();
    CreditEngine goodwill = files.engine(files.campaign("goodwill.json"));
    decisions = new LinkedHashMap<>();
    withGoodwill = new LinkedHashMap<>();
    for (Account account : files.accounts()) {
      decisions.put(account.id(), engine.decide(account, DECEMBER_2007));
      withGoodwill.put(account.id(), goodwill.decide(account, DECEMBER_2007));
    }
  }

  static Map<CurrencyUnit, Money> totalsOf(Map<String, CreditDecision> decided) {
    Map<CurrencyUnit, Money> totals = new LinkedHashMap<>();
    decided.values().forEach(d -> d.totals().values().forEach(m -> totals.merge(m.getCurrencyUnit(), m, Money::plus)));
    return totals;
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
    assertThat(totalsOf(decisions)).containsOnly(
        Map.entry(CurrencyUnit.USD, Money.parse("USD 11.50")),
        Map.entry(CurrencyUnit.EUR, Money.parse("EUR 3.00")));
  }

  @Test
  void goodwillGivesEveryGridSubscriptionTwoMonthsAtItsMonthlyPrice() {
    // acme: USD 20.00 a month x 2 = USD 40.00
    assertThat(withGoodwill.get("acme")).hasLine("goodwill-2007/two-months-free").withAmount("USD 40.00")
        .restsOnNoOutage().withReasonContaining("2 month(s) free at USD 20.00 a month");
    // borealis, annual: USD 600.00 / 12 = USD 50.00 a month x 2 = USD 100.00
    assertThat(withGoodwill.get("borealis")).hasLine("goodwill-2007/two-months-free").withAmount("USD 100.00")
        .withReasonContaining("2 month(s) free at USD 50.00 a month (USD 600.00 per ANNUAL / 12) = USD 100.00");
    // cobalt: USD 45.00 x 2 = USD 90.00
    assertThat(withGoodwill.get("cobalt")).hasLine("goodwill-2007/two-months-free").withAmount("USD 90.00");
    // delta, on cluster-1 and untouched by the outage, is still a grid customer: USD 20.00 x 2 = USD 40.00
    assertThat(withGoodwill.get("delta")).hasLine("goodwill-2007/two-months-free").withAmount("USD 40.00");
    // elbe: EUR 30.00 x 2 = EUR 60.00
    assertThat(withGoodwill.get("elbe")).hasLine("goodwill-2007/two-months-free").withAmount("EUR 60.00");
    // fjord, annual: USD 240.00 / 12 = USD 20.00 a month x 2 = USD 40.00
    assertThat(withGoodwill.get("fjord")).hasLine("goodwill-2007/two-months-free").withAmount("USD 40.00")
        .withReasonContaining("USD 20.00 a month (USD 240.00 per ANNUAL / 12)");
  }

  @Test
  void goodwillComesOnTopOfTheSlaCredit() {
    // SLA credit + grant per account
    assertThat(withGoodwill.get("acme")).hasLineCount(2).hasTotals("USD 42.00");      // 2.00 + 40.00
    assertThat(withGoodwill.get("borealis")).hasLineCount(2).hasTotals("USD 105.00"); // 5.00 + 100.00
    assertThat(withGoodwill.get("cobalt")).hasLineCount(2).hasTotals("USD 94.50");    // 4.50 + 90.00
    assertThat(withGoodwill.get("delta")).hasLineCount(1).hasTotals("USD 40.00");     // 0 + 40.00
    assertThat(withGoodwill.get("elbe")).hasLineCount(2).hasTotals("EUR 63.00");      // 3.00 + 60.00
    assertThat(withGoodwill.get("fjord")).hasLineCount(1).hasTotals("USD 40.00");     // 0 + 40.00
  }

  @Test
  void totalsWithGoodwillAreThreeHundredTwentyOneFiftyDollarsAndSixtyThreeEuros() {
    // grants USD 40.00 + 100.00 + 90.00 + 40.00 + 40.00 = USD 310.00, plus the SLA's USD 11.50 = USD 321.50;
    // EUR 60.00 + 3.00 = EUR 63.00
    assertThat(totalsOf(withGoodwill)).containsOnly(
        Map.entry(CurrencyUnit.USD, Money.parse("USD 321.50")),
        Map.entry(CurrencyUnit.EUR, Money.parse("EUR 63.00")));
  }
}
