package dev.amends.rules;

import dev.amends.rules.engine.Keys;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.time.BillingPeriod;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Idempotency keys: stable, unambiguous, unique within a decision; issued credits checked against them. */
class KeysTest {
  record Parts(String account, String subscription, BillingPeriod period, String policy, String path) {
    String key() {
      return Keys.key(account, subscription, period, policy, path);
    }

    String text() {
      return Keys.text(account, subscription, period, policy, path);
    }
  }

  @Provide
  Arbitrary<Parts> parts() {
    // Few characters, among them both separators, the escape and '/', so that near-collisions are common.
    Arbitrary<String> part = Arbitraries.strings().withChars('a', '/', ',', '\u001e', '\u001f').ofMinLength(0)
        .ofMaxLength(4);
    Arbitrary<BillingPeriod> period = Arbitraries.of(
        BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of("UTC")),
        BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of("America/New_York")),
        BillingPeriod.month(YearMonth.of(2024, 7), ZoneId.of("UTC")));
    return Combinators.combine(part, part, period, part, part).as(Parts::new);
  }

  @Property(tries = 3000)
  void distinctPartsGiveDistinctTextsAndKeys(@ForAll("parts") Parts a, @ForAll("parts") Parts b) {
    Assume.that(!a.equals(b));

    assertThat(a.text()).isNotEqualTo(b.text());
    assertThat(a.key()).isNotEqualTo(b.key());
  }

  @Test
  void separatorsInsideAPartCannotShiftItIntoTheNext() {
    // Without escaping, ("a\u001fb", "c") and ("a", "b\u001fc") would join to the same text.
    Parts one = new Parts("a\u001fb", "c", JUNE_2024_UTC, "p", "r");
    Parts two = new Parts("a", "b\u001fc", JUNE_2024_UTC, "p", "r");

    assertThat(one.text()).isNotEqualTo(two.text());
    assertThat(one.key()).isNotEqualTo(two.key());
  }

  @Test
  void keepsTheKeysOfOrdinaryIdsAsTheyWereBeforeEscaping() {
    // Pinned from the key function before parts were escaped.
    assertThat(CreditEngine.key("acct-1", "sub-1", JUNE_2024_UTC, "p", "sla/tiers"))
        .isEqualTo("cr-044b524fa938800a86593b694332612b");
  }

  @Test
  void refusesTwoLinesOfOneDecisionWithTheSameKey() {
    CreditLine line = decide(Fixed.credit("a", "1.00")).lines().get(0);

    assertThatThrownBy(() -> Keys.checkUnique(List.of(line, line)))
        .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
          assertThat(e.path()).isEqualTo("a");
          assertThat(e.getMessage()).contains(line.key()).contains("keys must be unique within a decision");
        });
  }

  static DecisionRequest.Builder request() {
    return DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC);
  }

  @Test
  void refusesAnIssuedCreditWhoseKeyTheEngineCouldNotHaveGiven() {
    IssuedCredit forged = new IssuedCredit("cr-0000", usd("3.00"), "p", "sub-1", "a");

    assertThatThrownBy(() -> engine(policy("p", Fixed.credit("a", "1.00"))).decide(request().addIssued(forged).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("request.issued[0].key");
          assertThat(e.rule()).startsWith("is an unknown key: not one this engine gives for account acct-1, subscription"
              + " sub-1");
          assertThat(e.value()).isEqualTo("cr-0000");
        });
  }

  @Test
  void refusesAnIssuedAdjustmentWithAnUnknownSuffix() {
    String base = CreditEngine.key("acct-1", "sub-1", JUNE_2024_UTC, "p", "a");
    IssuedCredit odd = new IssuedCredit(base + "/bonus", usd("3.00"), "p", "sub-1", "a");

    assertThatThrownBy(() -> engine(policy("p", Fixed.credit("a", "1.00"))).decide(request().addIssued(odd).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.value()).isEqualTo(base + "/bonus"));
  }

  @Test
  void reportsAKnownKeyThatNoLongerComputesAsNoLongerOwed() {
    // A credit the engine gave under an earlier tree, at path "old": a key it would give, so not unknown.
    String old = CreditEngine.key("acct-1", "sub-1", JUNE_2024_UTC, "p", "old");
    IssuedCredit issued = new IssuedCredit(old, usd("3.00"), "p", "sub-1", "old");

    CreditDecision d = engine(policy("p", Fixed.credit("a", "1.00"))).decide(request().addIssued(issued).build());

    assertThat(d.flags()).contains(DecisionFlag.OVERPAID_NO_CLAWBACK);
    assertThat(d.warnings()).contains(old + " issued USD 3.00 is no longer owed; policy p does not allow clawbacks");
  }

  @Test
  void refusesAnIssuedCreditInAnotherCurrencyNamingItsIndex() {
    CreditLine first = decide(Fixed.credit("a", "1.00")).lines().get(0);
    IssuedCredit ok = IssuedCredit.of(first);
    IssuedCredit euros = new IssuedCredit(first.key(), Money.parse("EUR 1.00"), "p", "sub-1", "a");

    assertThatThrownBy(() -> engine(policy("p", Fixed.credit("a", "1.00")))
            .decide(request().addIssued(ok, ok, euros).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("request.issued[2].amount");
          assertThat(e.getMessage()).isEqualTo("request.issued[2].amount must be in the account's currency USD: EUR 1.00");
        });
  }

  @Test
  void refusesACarriedCreditInAnotherCurrencyNamingItsIndex() {
    CarriedCredit euros = new CarriedCredit("sub-1", "p", "cap", Money.parse("EUR 5.00"));

    assertThatThrownBy(() -> engine(policy("p", Fixed.credit("a", "1.00"))).decide(request().addCarriedIn(euros).build()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("request.carriedIn[0].amount");
          assertThat(e.value()).isEqualTo("EUR 5.00");
        });
  }

  @Test
  void refusesNullsInDecideNamingThePart() {
    CreditEngine engine = engine(policy("p", Fixed.credit("a", "1.00")));

    assertThatThrownBy(() -> engine.decide(null, JUNE_2024_UTC))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("account"));
    assertThatThrownBy(() -> engine.decide(ACCOUNT_USD_20, (dev.amends.core.time.BillingPeriod) null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("period"));
    assertThatThrownBy(() -> engine.decide((DecisionRequest) null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("request"));
    assertThatThrownBy(() -> new IssuedCredit(null, usd("1.00"), "p", "sub-1", "a"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("issued.key"));
    assertThatThrownBy(() -> new CarriedCredit("sub-1", "p", "cap", null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("carried.amount"));
  }

  @Test
  void theReusedDigestGivesTheSameKeysOnEveryThread() throws Exception {
    List<String> sequential = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      sequential.add(Keys.key("acct-" + i, "sub-1", JUNE_2024_UTC, "p", "sla/tiers"));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<String>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        futures.add(pool.submit(() -> Keys.key("acct-" + n, "sub-1", JUNE_2024_UTC, "p", "sla/tiers")));
      }
      for (int i = 0; i < 200; i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sequential).doesNotHaveDuplicates();
  }
}
