package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.LiabilitySummary.Subtotal;
import dev.amends.rules.json.LiabilitySummaryJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A run of four decisions and one rejection, summed up:
 *
 * <ul>
 *   <li>a1 (USD): s1 (gold, grid/cluster-2) USD 12.50 by p/sla/tiers and USD 40.00 by
 *       p/goodwill/free; s2 (silver, grid/cluster-1 and grid/cluster-2) USD 0.35 by p/sla/tiers;
 *       flags CAP_REACHED and NEEDS_REVIEW.
 *   <li>a2 (USD): s3 (gold, grid/cluster-2) a clawback of USD -1.10 by p/sla/tiers; CAP_REACHED.
 *   <li>a3 (EUR): s4 (gold, grid/cluster-3) EUR 3.33 by p/sla/tiers.
 *   <li>a4 (USD): no lines.
 * </ul>
 */
class LiabilitySummaryTest {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final BillingPeriod DEC = BillingPeriod.month(YearMonth.of(2007, 12), UTC);
  static final Instant AT = Instant.parse("2008-01-01T00:00:00Z");

  static Subscription sub(String id, String plan, String price, String... placements) {
    Subscription.Builder b = Subscription.builder().id(id).plan(plan)
        .prices(PriceSchedule.monthly(Money.parse(price)))
        .active(Instant.parse("2006-01-01T00:00:00Z"), Instant.MAX);
    for (String p : placements) {
      b.addPlacements(Scope.of(p));
    }
    return b.build();
  }

  static Account account(String id, String currency, Subscription... subs) {
    return Account.builder().id(id).currency(CurrencyUnit.of(currency)).zone(UTC)
        .customerSince(LocalDate.of(2006, 1, 1)).addSubscriptions(subs).build();
  }

  static CreditLine line(String account, String sub, String rule, CreditLine.Kind kind, String amount) {
    return new CreditLine("cr-" + account + "-" + sub + "-" + rule.replace('/', '-'), kind, Money.parse(amount),
        Optional.empty(), account, sub, DEC, "p", 1, "sha256:0", rule, List.of("INC-1"), "reason of " + sub);
  }

  static CreditDecision decision(String account, Set<DecisionFlag> flags, CreditLine... lines) {
    return new CreditDecision(account, DEC, AT, List.of(lines), flags, List.of(), null, List.of());
  }

  static final Account A1 = account("a1", "USD", sub("s1", "gold", "USD 125.00", "grid/cluster-2"),
      sub("s2", "silver", "USD 10.00", "grid/cluster-2", "grid/cluster-1"));
  static final Account A2 = account("a2", "USD", sub("s3", "gold", "USD 125.00", "grid/cluster-2"));
  static final Account A3 = account("a3", "EUR", sub("s4", "gold", "EUR 33.30", "grid/cluster-3"));
  static final Account A4 = account("a4", "USD", sub("s5", "gold", "USD 125.00", "grid/cluster-1"));

  record Added(Account account, BatchResult result) {}

  static List<Added> run() {
    return List.of(
        new Added(A1, new BatchResult.Decided(0, decision("a1", Set.of(DecisionFlag.NEEDS_REVIEW, DecisionFlag.CAP_REACHED),
            line("a1", "s1", "goodwill/free", CreditLine.Kind.CREDIT, "USD 40.00"),
            line("a1", "s1", "sla/tiers", CreditLine.Kind.CREDIT, "USD 12.50"),
            line("a1", "s2", "sla/tiers", CreditLine.Kind.CREDIT, "USD 0.35")))),
        new Added(A2, new BatchResult.Decided(1, decision("a2", Set.of(DecisionFlag.CAP_REACHED),
            line("a2", "s3", "sla/tiers", CreditLine.Kind.CLAWBACK, "USD -1.10")))),
        new Added(null, new BatchResult.Rejected(2, Optional.of("bad"), "no period",
            InvalidInputException.of("billing", "has no period starting in 2007-12", "QUARTERLY"))),
        new Added(A3, new BatchResult.Decided(3, decision("a3", Set.of(),
            line("a3", "s4", "sla/tiers", CreditLine.Kind.CREDIT, "EUR 3.33")))),
        new Added(A4, new BatchResult.Decided(4, decision("a4", Set.of()))));
  }

  static LiabilitySummary summarise(List<Added> results, int largest) {
    LiabilitySummary.Builder b = LiabilitySummary.builder().largestPerCurrency(largest);
    results.forEach(a -> b.add(a.account(), a.result()));
    return b.build();
  }

  @Test
  void sumsEveryLinePerCurrencyPlanScopeAndRuleExactly() {
    LiabilitySummary s = summarise(run(), 10);

    assertThat(s.decided()).isEqualTo(4);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(s.creditLines()).isEqualTo(5);
    // USD: 40.00 + 12.50 + 0.35 - 1.10 = 51.75
    assertThat(s.totals()).containsExactly(Money.parse("EUR 3.33"), Money.parse("USD 51.75"));
    // gold USD: 40.00 + 12.50 - 1.10 = 51.40
    assertThat(s.byPlan()).containsExactly(
        new Subtotal("gold", Money.parse("EUR 3.33")),
        new Subtotal("gold", Money.parse("USD 51.40")),
        new Subtotal("silver", Money.parse("USD 0.35")));
    // s2's two placements, sorted and joined
    assertThat(s.byScope()).containsExactly(
        new Subtotal("grid/cluster-1 + grid/cluster-2", Money.parse("USD 0.35")),
        new Subtotal("grid/cluster-2", Money.parse("USD 51.40")),
        new Subtotal("grid/cluster-3", Money.parse("EUR 3.33")));
    // sla/tiers USD: 12.50 + 0.35 - 1.10 = 11.75
    assertThat(s.byRule()).containsExactly(
        new Subtotal("p v1 goodwill/free", Money.parse("USD 40.00")),
        new Subtotal("p v1 sla/tiers", Money.parse("EUR 3.33")),
        new Subtotal("p v1 sla/tiers", Money.parse("USD 11.75")));
  }

  @Test
  void countsAccountsWithAPositiveLineAsCredited() {
    // a1 and a3; a2's only line is a clawback, a4 has none
    assertThat(summarise(run(), 10).accountsCredited()).isEqualTo(2);
  }

  @Test
  void countsTheDecisionsThatRaisedEachFlag() {
    assertThat(summarise(run(), 10).flags())
        .containsExactly(Map.entry(DecisionFlag.CAP_REACHED, 2L), Map.entry(DecisionFlag.NEEDS_REVIEW, 1L));
  }

  @Test
  void keepsTheLargestCreditsOfEachCurrencyLargestFirst() {
    LiabilitySummary s = summarise(run(), 2);

    assertThat(s.largest()).extracting(l -> l.amount().toString())
        .containsExactly("EUR 3.33", "USD 40.00", "USD 12.50");
  }

  @Test
  void theOrderOfTheResultsChangesNothing() {
    List<Added> shuffled = new ArrayList<>(run());
    Collections.reverse(shuffled);
    Collections.swap(shuffled, 0, 2);

    assertThat(LiabilitySummaryJson.toJson(summarise(shuffled, 2)))
        .isEqualTo(LiabilitySummaryJson.toJson(summarise(run(), 2)));
  }

  @Test
  void aDecisionWithoutItsAccountIsRefusedNamingTheAccount() {
    CreditDecision d = decision("a1", Set.of());
    assertThatThrownBy(() -> LiabilitySummary.builder().add(A2, d))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("account").hasMessageContaining("a1").hasMessageContaining("a2");
    assertThatThrownBy(() -> LiabilitySummary.builder().add(null, new BatchResult.Decided(0, d)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("account");
  }

  @Test
  void aLineOfASubscriptionNotInTheAccountIsCountedAsUnknown() {
    LiabilitySummary s = LiabilitySummary.builder()
        .add(A4, decision("a4", Set.of(), line("a4", "gone", "sla/tiers", CreditLine.Kind.CREDIT, "USD 1.00")))
        .build();
    assertThat(s.byPlan()).containsExactly(new Subtotal("(unknown)", Money.parse("USD 1.00")));
    assertThat(s.byScope()).containsExactly(new Subtotal("(unknown)", Money.parse("USD 1.00")));
  }

  @Test
  void writesJsonWithEveryFieldInAFixedOrder() {
    assertThat(LiabilitySummaryJson.toJson(summarise(run(), 1))).isEqualTo("""
        {
          "decided" : 4,
          "rejected" : 1,
          "creditLines" : 5,
          "accountsCredited" : 2,
          "totals" : [
            {
              "amount" : "3.33",
              "currency" : "EUR"
            },
            {
              "amount" : "51.75",
              "currency" : "USD"
            }
          ],
          "byPlan" : [
            {
              "plan" : "gold",
              "amount" : {
                "amount" : "3.33",
                "currency" : "EUR"
              }
            },
            {
              "plan" : "gold",
              "amount" : {
                "amount" : "51.40",
                "currency" : "USD"
              }
            },
            {
              "plan" : "silver",
              "amount" : {
                "amount" : "0.35",
                "currency" : "USD"
              }
            }
          ],
          "byScope" : [
            {
              "scope" : "grid/cluster-1 + grid/cluster-2",
              "amount" : {
                "amount" : "0.35",
                "currency" : "USD"
              }
            },
            {
              "scope" : "grid/cluster-2",
              "amount" : {
                "amount" : "51.40",
                "currency" : "USD"
              }
            },
            {
              "scope" : "grid/cluster-3",
              "amount" : {
                "amount" : "3.33",
                "currency" : "EUR"
              }
            }
          ],
          "byRule" : [
            {
              "rule" : "p v1 goodwill/free",
              "amount" : {
                "amount" : "40.00",
                "currency" : "USD"
              }
            },
            {
              "rule" : "p v1 sla/tiers",
              "amount" : {
                "amount" : "3.33",
                "currency" : "EUR"
              }
            },
            {
              "rule" : "p v1 sla/tiers",
              "amount" : {
                "amount" : "11.75",
                "currency" : "USD"
              }
            }
          ],
          "flags" : [
            {
              "flag" : "CAP_REACHED",
              "decisions" : 2
            },
            {
              "flag" : "NEEDS_REVIEW",
              "decisions" : 1
            }
          ],
          "largestPerCurrency" : 1,
          "largest" : [
            {
              "accountId" : "a3",
              "subscriptionId" : "s4",
              "kind" : "CREDIT",
              "amount" : {
                "amount" : "3.33",
                "currency" : "EUR"
              },
              "policy" : {
                "id" : "p",
                "version" : 1
              },
              "rulePath" : "sla/tiers",
              "outageIds" : [
                "INC-1"
              ],
              "reason" : "reason of s4",
              "key" : "cr-a3-s4-sla-tiers"
            },
            {
              "accountId" : "a1",
              "subscriptionId" : "s1",
              "kind" : "CREDIT",
              "amount" : {
                "amount" : "40.00",
                "currency" : "USD"
              },
              "policy" : {
                "id" : "p",
                "version" : 1
              },
              "rulePath" : "goodwill/free",
              "outageIds" : [
                "INC-1"
              ],
              "reason" : "reason of s1",
              "key" : "cr-a1-s1-goodwill-free"
            }
          ]
        }
        """);
  }
}
