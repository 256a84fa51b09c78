package dev.amends.rules;

import static dev.amends.rules.LiabilitySummaryTest.A1;
import static dev.amends.rules.LiabilitySummaryTest.A3;
import static dev.amends.rules.LiabilitySummaryTest.account;
import static dev.amends.rules.LiabilitySummaryTest.decision;
import static dev.amends.rules.LiabilitySummaryTest.sub;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.core.account.Subscription;
import dev.amends.rules.LiabilitySummary.Subtotal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The summary's rows (one object per plan, scope and rule, the first currency's sum inline, rules
 * found by the identity of their strings first) sum as plain maps of {@link Money} per label and
 * currency would.
 */
class LiabilitySummaryRowsTest {
  @Test
  void aRowOfThreeCurrenciesListsThemByCodeWhateverTheOrderMet() {
    LiabilitySummary.Sums row = new LiabilitySummary.Sums(CurrencyUnit.USD);
    row.add(Money.parse("USD 1.25"));
    row.add(Money.parse("JPY 300"));
    row.add(Money.parse("EUR 0.10"));
    row.add(Money.parse("JPY 45"));
    row.add(Money.parse("USD -0.30"));

    // USD 1.25 - 0.30 = 0.95; JPY 300 + 45 = 345
    assertThat(row.sorted()).extracting(LiabilitySummary.Sum::money)
        .containsExactly(Money.parse("EUR 0.10"), Money.parse("JPY 345"), Money.parse("USD 0.95"));
  }

  @Test
  void aRowMergedWithAnotherAddsEachCurrency() {
    LiabilitySummary.Sums one = new LiabilitySummary.Sums(CurrencyUnit.EUR);
    one.add(Money.parse("EUR 2.00"));
    LiabilitySummary.Sums other = new LiabilitySummary.Sums(CurrencyUnit.USD);
    other.add(Money.parse("USD 3.00"));
    other.add(Money.parse("EUR 0.50"));

    one.addAll(other);

    assertThat(one.sorted()).extracting(LiabilitySummary.Sum::money)
        .containsExactly(Money.parse("EUR 2.50"), Money.parse("USD 3.00"));
  }

  @Test
  void theBuilderGoesOnAfterBuildingWithoutChangingWhatItBuilt() {
    LiabilitySummary.Builder b = LiabilitySummary.builder();
    b.add(A3, new BatchResult.Decided(0, decision("a3", Set.of(),
        LiabilitySummaryTest.line("a3", "s4", "sla/tiers", CreditLine.Kind.CREDIT, "EUR 3.33"))));
    LiabilitySummary first = b.build();
    b.add(A1, new BatchResult.Decided(1, decision("a1", Set.of(),
        LiabilitySummaryTest.line("a1", "s1", "sla/tiers", CreditLine.Kind.CREDIT, "USD 12.50"))));
    b.add(A3, new BatchResult.Decided(2, decision("a3", Set.of(),
        LiabilitySummaryTest.line("a3", "s4", "sla/tiers", CreditLine.Kind.CREDIT, "EUR 1.00"))));
    LiabilitySummary second = b.build();

    assertThat(first.byScope()).containsExactly(new Subtotal("grid/cluster-3", Money.parse("EUR 3.33")));
    assertThat(first.byRule()).containsExactly(new Subtotal("p v1 sla/tiers", Money.parse("EUR 3.33")));
    // EUR 3.33 + 1.00 = 4.33
    assertThat(second.byScope()).containsExactly(
        new Subtotal("grid/cluster-2", Money.parse("USD 12.50")),
        new Subtotal("grid/cluster-3", Money.parse("EUR 4.33")));
    assertThat(second.byRule()).containsExactly(
        new Subtotal("p v1 sla/tiers", Money.parse("EUR 4.33")),
        new Subtotal("p v1 sla/tiers", Money.parse("USD 12.50")));
    assertThat(second.totals()).containsExactly(Money.parse("EUR 4.33"), Money.parse("USD 12.50"));
  }

  /** One line to add: which account (and so plan and scope), which rule, the amount. */
  record Drawn(int account, int rule, boolean freshStrings, Money amount) {}

  static final List<Account> ACCOUNTS = List.of(
      account("b0", "USD", sub("t0", "gold", "USD 10.00", "grid/c-1")),
      account("b1", "EUR", sub("t1", "silver", "EUR 10.00", "grid/c-1")),
      account("b2", "JPY", sub("t2", "gold", "JPY 1000", "grid/c-2", "grid/c-1")),
      account("b3", "USD", sub("t3", "bronze", "USD 10.00", "grid/c-2")),
      account("b4", "EUR", sub("t4", "gold", "EUR 10.00", "grid/c-3")));
  static final List<String> RULES = List.of("sla/tiers", "sla/blocks", "goodwill/free", "each[INC-1]/ten", "cap");

  @Provide
  Arbitrary<List<Drawn>> lines() {
    Arbitrary<Drawn> one = Combinators.combine(
            Arbitraries.integers().between(0, ACCOUNTS.size() - 1),
            Arbitraries.integers().between(0, RULES.size() - 1),
            Arbitraries.of(true, false),
            Arbitraries.longs().between(-100_000, 100_000))
        .as((a, r, fresh, minor) -> new Drawn(a, r, fresh,
            Money.ofMinor(ACCOUNTS.get(a).currency(), minor)));
    return one.list().ofMaxSize(60);
  }

  @Property
  void rowsSumAsMapsOfMoneyPerLabelAndCurrencyWould(@ForAll("lines") List<Drawn> drawn) {
    LiabilitySummary.Builder b = LiabilitySummary.builder();
    Map<String, Money> totals = new TreeMap<>();
    Map<String, Map<String, Money>> byPlan = new TreeMap<>();
    Map<String, Map<String, Money>> byScope = new TreeMap<>();
    Map<String, Map<String, Money>> byRule = new TreeMap<>();
    int index = 0;
    for (Drawn d : drawn) {
      Account account = ACCOUNTS.get(d.account());
      Subscription s = account.subscriptions().get(0);
      // a fresh copy of the rule's strings: equal, not the same, so found through the map
      String rule = d.freshStrings() ? new String(RULES.get(d.rule())) : RULES.get(d.rule());
      String policy = d.freshStrings() ? new String("p") : "p";
      CreditLine line = new CreditLine("cr-" + index, CreditLine.Kind.CREDIT, d.amount(), Optional.empty(),
          account.id(), s.id(), LiabilitySummaryTest.DEC, policy, 1, "sha256:0", rule, List.of("INC-1"), "r");
      b.add(account, new BatchResult.Decided(index++,
          new CreditDecision(account.id(), LiabilitySummaryTest.DEC, LiabilitySummaryTest.AT, List.of(line), Set.of(),
              List.of(), null, List.of())));
      String code = d.amount().getCurrencyUnit().getCode();
      String scope = s.placements().size() == 1 ? s.placements().iterator().next().toString()
          : "grid/c-1 + grid/c-2";
      totals.merge(code, d.amount(), Money::plus);
      byPlan.computeIfAbsent(s.plan(), k -> new TreeMap<>()).merge(code, d.amount(), Money::plus);
      byScope.computeIfAbsent(scope, k -> new TreeMap<>()).merge(code, d.amount(), Money::plus);
      byRule.computeIfAbsent("p v1 " + RULES.get(d.rule()).replace("[INC-1]", ""), k -> new TreeMap<>())
          .merge(code, d.amount(), Money::plus);
    }
    LiabilitySummary summary = b.build();

    assertThat(summary.totals()).containsExactlyElementsOf(totals.values());
    assertThat(summary.byPlan()).containsExactlyElementsOf(rows(byPlan));
    assertThat(summary.byScope()).containsExactlyElementsOf(rows(byScope));
    assertThat(summary.byRule()).containsExactlyElementsOf(rows(byRule));
  }

  /** Label to currency code to amount, sorted by label then code, as subtotals. */
  private static List<Subtotal> rows(Map<String, Map<String, Money>> sums) {
    List<Subtotal> rows = new ArrayList<>();
    sums.forEach((label, perCode) -> perCode.values().forEach(amount -> rows.add(new Subtotal(label, amount))));
    return rows;
  }
}
