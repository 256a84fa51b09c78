package dev.amends.rules;

import dev.amends.rules.engine.Reconciliation;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.amends.core.account.Account;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CreditEngineTest {
  /** USD 1.00 per hour down plus a flat USD 0.50: two lines per subscription. */
  static final RuleNode HOURLY_AND_FLAT = Rules.sum("sla", new PerHourDown("hourly", "1.00"), Fixed.credit("flat", "0.50"));

  @Nested
  class IdempotencyKeys {
    @Test
    void staysTheSameAcrossRuns() {
      CreditEngine engine = engine(policy("p", HOURLY_AND_FLAT), OUT_1, OUT_2);

      CreditDecision first = engine.decide(ACCOUNT_USD_20, JUNE_2024_UTC);
      CreditDecision second = engine(policy("p", HOURLY_AND_FLAT), OUT_1, OUT_2).decide(ACCOUNT_USD_20, JUNE_2024_UTC);

      assertThat(first.lines()).hasSize(2);
      assertThat(second.lines()).isEqualTo(first.lines());
      assertThat(first.lines()).extracting(CreditLine::key).doesNotHaveDuplicates().allMatch(k -> k.startsWith("cr-"));
    }

    @Test
    void staysTheSameWhateverTheOrderOfSubscriptionsAndOutages() {
      Subscription a = subscription("sub-a", USD_20_00);
      Subscription b = subscription("sub-b", Money.parse("USD 30.00"));
      Policy p = policy("p", HOURLY_AND_FLAT);

      CreditDecision ab = engine(p, OUT_1, OUT_2).decide(account("acct-1", a, b), JUNE_2024_UTC);
      CreditDecision ba = engine(p, OUT_2, OUT_1).decide(account("acct-1", b, a), JUNE_2024_UTC);

      assertThat(ba.lines()).isEqualTo(ab.lines());
      assertThat(ba.explain()).isEqualTo(ab.explain());
      // OUT-1 3 h + OUT-2 1 h = 4 h at 1.00 = 4.00, then 0.50, for each subscription
      assertThat(ab.lines()).extracting(CreditLine::subscriptionId, CreditLine::amount).containsExactly(
          tuple("sub-a", usd("4.00")), tuple("sub-a", usd("0.50")),
          tuple("sub-b", usd("4.00")), tuple("sub-b", usd("0.50")));
    }

    @Test
    void doesNotDependOnTheAmountOrOutages() {
      CreditDecision three = engine(policy("p", HOURLY_AND_FLAT), OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC);
      CreditDecision four = engine(policy("p", HOURLY_AND_FLAT), OUT_1, OUT_2).decide(ACCOUNT_USD_20, JUNE_2024_UTC);

      assertThat(four.lines().get(0).amount()).isNotEqualTo(three.lines().get(0).amount());
      assertThat(four.lines()).extracting(CreditLine::key)
          .isEqualTo(three.lines().stream().map(CreditLine::key).toList());
    }

    @Test
    void differsByAccountSubscriptionPeriodPolicyAndPath() {
      String base = CreditEngine.key("acct-1", "sub-1", JUNE_2024_UTC, "p", "sla/flat");

      assertThat(List.of(
          CreditEngine.key("acct-2", "sub-1", JUNE_2024_UTC, "p", "sla/flat"),
          CreditEngine.key("acct-1", "sub-2", JUNE_2024_UTC, "p", "sla/flat"),
          CreditEngine.key("acct-1", "sub-1", MAY_2024_UTC, "p", "sla/flat"),
          CreditEngine.key("acct-1", "sub-1", JUNE_2024_UTC, "q", "sla/flat"),
          CreditEngine.key("acct-1", "sub-1", JUNE_2024_UTC, "p", "sla/hourly"))).doesNotContain(base).doesNotHaveDuplicates();
    }
  }

  @Test
  void ordersLinesBySubscriptionThenPolicyThenTreePosition() {
    Policy goodwill = policy("goodwill", Fixed.credit("gift", "5.00"));
    Policy sla = policy("sla", Rules.sum("s", Fixed.credit("z", "1.00"), Fixed.credit("a", "2.00")));
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(sla, goodwill)).build();

    CreditDecision d = engine.decide(account("acct-1", subscription("sub-b", USD_20_00), subscription("sub-a", USD_20_00)),
        JUNE_2024_UTC);

    assertThat(d.lines()).extracting(CreditLine::subscriptionId, CreditLine::policyId, CreditLine::rulePath)
        .containsExactly(
            tuple("sub-a", "goodwill", "gift"), tuple("sub-a", "sla", "s/z"), tuple("sub-a", "sla", "s/a"),
            tuple("sub-b", "goodwill", "gift"), tuple("sub-b", "sla", "s/z"), tuple("sub-b", "sla", "s/a"));
  }

  @Test
  void carriesEverythingALineNeeds() {
    CreditLine line = engine(policy("p", HOURLY_AND_FLAT), OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC).lines().get(0);

    assertThat(line.kind()).isEqualTo(CreditLine.Kind.CREDIT);
    assertThat(line.amount()).isEqualTo(usd("3.00"));
    assertThat(line.accountId()).isEqualTo("acct-1");
    assertThat(line.subscriptionId()).isEqualTo("sub-1");
    assertThat(line.period()).isEqualTo(JUNE_2024_UTC);
    assertThat(line.policyId()).isEqualTo("p");
    assertThat(line.policyVersion()).isEqualTo(1);
    assertThat(line.rulePath()).isEqualTo("sla/hourly");
    assertThat(line.outageIds()).containsExactly("OUT-1");
    assertThat(line.reason()).isEqualTo("PT3H down at 1.00 an hour");
  }

  @Test
  void flagsATotalAboveTheReviewThreshold() {
    CreditEngine.Builder b = CreditEngine.builder().reviewAbove(usd("50.00"));

    CreditDecision at = b.policies(PolicyBook.of(policy("p", Fixed.credit("a", "50.00")))).build()
        .decide(ACCOUNT_USD_20, JUNE_2024_UTC);
    CreditDecision above = b.policies(PolicyBook.of(policy("p", Fixed.credit("a", "50.01")))).build()
        .decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(at.flags()).doesNotContain(DecisionFlag.NEEDS_REVIEW);
    assertThat(above.flags()).contains(DecisionFlag.NEEDS_REVIEW);
    assertThat(above.warnings()).contains("total USD 50.01 is above the review threshold USD 50.00");
  }

  @Test
  void explainsEveryRuleLookedAtIncludingThoseThatGaveNothing() {
    RuleNode tree = Rules.firstMatch("sla",
        Rules.availabilityTiers("tiers", Tier.range("99.0", "99.9", "10"), Tier.range("0", "99.0", "25")),
        Fixed.none("manual", "no manual credit agreed"),
        Fixed.credit("fallback", "1.00"),
        Fixed.credit("never", "9.00"));

    String text = engine(policy("p", tree)).decide(ACCOUNT_USD_20, JUNE_2024_UTC).explain();

    assertThat(text)
        .contains("USD 1.00 CREDIT sub-1 p v1 sla/fallback: fixed 1.00")
        .contains("sla [first-match] CREDITED: first match: fallback")
        .contains("sla/tiers [availability-tiers] NOT_MET: availability 100 % > 99.9 %, above every tier; no credit")
        .contains("sla/manual [fixed] NOT_MET: no manual credit agreed")
        .contains("sla/fallback [fixed] CREDITED: fixed 1.00")
        .contains("sla/never [fixed] SKIPPED: skipped: fallback matched first")
        .contains("Totals: USD 1.00");
  }

  @Test
  void explainsADecisionWithNoLines() {
    String text = engine(policy("p", Rules.availabilityTiers("tiers", Tier.range("0", "99.9", "10"))))
        .decide(ACCOUNT_USD_20, JUNE_2024_UTC).explain();

    assertThat(text).contains("No new credit lines.").contains("Totals: none")
        .contains("tiers [availability-tiers] NOT_MET: availability 100 % > 99.9 %, above every tier; no credit");
  }

  @Nested
  class Reconciliation {
    static final Policy NO_CLAWBACK = policy("p", new PerHourDown("hourly", "1.00"));
    static final Policy CLAWBACK = policyBuilder("p", new PerHourDown("hourly", "1.00"), HALF_UP)
        .allowsClawback(true).build();
    static final Outage OUT_1_LONGER = outage("OUT-1", "2024-06-10T00:00:00Z", Duration.ofHours(5));
    static final Outage OUT_1_SHORTER = outage("OUT-1", "2024-06-10T00:00:00Z", Duration.ofHours(2));

    /** What was issued after the first run: 3 h at 1.00 = USD 3.00. */
    static List<IssuedCredit> issuedFirst(Policy p) {
      return engine(p, OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC).lines().stream().map(IssuedCredit::of).toList();
    }

    static CreditDecision rerun(Policy p, List<IssuedCredit> issued, Outage... corrected) {
      return engine(p, corrected).decide(
          DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC).issued(issued).build());
    }

    static String originalKey() {
      return CreditEngine.key("acct-1", "sub-1", JUNE_2024_UTC, "p", "hourly");
    }

    @Test
    void issuesNothingOnAPlainReRun() {
      List<IssuedCredit> issued = issuedFirst(NO_CLAWBACK);

      CreditDecision again = rerun(NO_CLAWBACK, issued, OUT_1);

      assertThat(issued).extracting(IssuedCredit::amount).containsExactly(usd("3.00"));
      assertThat(again.lines()).isEmpty();
      assertThat(again.flags()).isEmpty();
      assertThat(again.warnings()).isEmpty();
    }

    @Test
    void topsUpWhenACorrectedOutageLengthensDowntime() {
      CreditDecision d = rerun(NO_CLAWBACK, issuedFirst(NO_CLAWBACK), OUT_1_LONGER);

      // now 5 h = 5.00, issued 3.00: top up 2.00
      assertThat(d.lines()).extracting(CreditLine::kind, CreditLine::amount, CreditLine::key)
          .containsExactly(tuple(CreditLine.Kind.TOP_UP, usd("2.00"), originalKey() + "/top_up-after-300"));
      assertThat(d.lines().get(0).reason()).startsWith("top-up: now USD 5.00, issued USD 3.00; ");
    }

    @Test
    void issuesNothingMoreAfterTheTopUpWasIssued() {
      List<IssuedCredit> issued = new ArrayList<>(issuedFirst(NO_CLAWBACK));
      rerun(NO_CLAWBACK, issued, OUT_1_LONGER).lines().forEach(l -> issued.add(IssuedCredit.of(l)));

      assertThat(rerun(NO_CLAWBACK, issued, OUT_1_LONGER).lines()).isEmpty();
    }

    @Test
    void clawsBackWhenACorrectedOutageShortensDowntimeAndThePolicyAllowsIt() {
      CreditDecision d = rerun(CLAWBACK, issuedFirst(CLAWBACK), OUT_1_SHORTER);

      // now 2 h = 2.00, issued 3.00: claw back 1.00
      assertThat(d.lines()).extracting(CreditLine::kind, CreditLine::amount, CreditLine::key)
          .containsExactly(tuple(CreditLine.Kind.CLAWBACK, usd("-1.00"), originalKey() + "/clawback-after-300"));
      assertThat(d.flags()).doesNotContain(DecisionFlag.OVERPAID_NO_CLAWBACK);
    }

    @Test
    void flagsAnOverpaymentWhenThePolicyDoesNotAllowClawbacks() {
      CreditDecision d = rerun(NO_CLAWBACK, issuedFirst(NO_CLAWBACK), OUT_1_SHORTER);

      assertThat(d.lines()).isEmpty();
      assertThat(d.flags()).containsExactly(DecisionFlag.OVERPAID_NO_CLAWBACK);
      assertThat(d.warnings()).containsExactly(
          originalKey() + " issued USD 3.00 but now computes USD 2.00; policy p does not allow clawbacks");
    }

    @Test
    void clawsBackACreditNoLongerOwedAtAll() {
      CreditDecision d = rerun(CLAWBACK, issuedFirst(CLAWBACK));

      assertThat(d.lines()).extracting(CreditLine::kind, CreditLine::amount, CreditLine::key, CreditLine::rulePath)
          .containsExactly(tuple(CreditLine.Kind.CLAWBACK, usd("-3.00"), originalKey() + "/clawback-after-300", "hourly"));
      assertThat(d.total(usd("0").getCurrencyUnit())).isEqualTo(usd("-3.00"));
    }

    @Test
    void flagsACreditNoLongerOwedWhenThePolicyDoesNotAllowClawbacks() {
      CreditDecision d = rerun(NO_CLAWBACK, issuedFirst(NO_CLAWBACK));

      assertThat(d.lines()).isEmpty();
      assertThat(d.flags()).containsExactly(DecisionFlag.OVERPAID_NO_CLAWBACK);
      assertThat(d.warnings()).containsExactly(
          originalKey() + " issued USD 3.00 is no longer owed; policy p does not allow clawbacks");
    }

    @Test
    void givesTheSameAdjustmentsWhateverTheOrderOfIssuedCredits() {
      Policy p = policyBuilder("p", Rules.sum("s", Fixed.credit("a", "1.00"), Fixed.credit("b", "2.00")), HALF_UP)
          .allowsClawback(true).build();
      List<IssuedCredit> issued = engine(p).decide(ACCOUNT_USD_20, JUNE_2024_UTC).lines().stream()
          .map(IssuedCredit::of).toList();
      Policy nothing = policyBuilder("p", Fixed.none("s", "withdrawn"), HALF_UP).allowsClawback(true).build();

      CreditDecision forward = engine(nothing).decide(DecisionRequest.builder().account(ACCOUNT_USD_20)
          .period(JUNE_2024_UTC).issued(issued).build());
      CreditDecision backward = engine(nothing).decide(DecisionRequest.builder().account(ACCOUNT_USD_20)
          .period(JUNE_2024_UTC).issued(issued.reversed()).build());

      assertThat(forward.lines()).hasSize(2);
      assertThat(backward.lines()).isEqualTo(forward.lines());
      assertThat(backward.warnings()).isEqualTo(forward.warnings());
    }
  }

  @Nested
  class Concurrency {
    static final int ACCOUNTS = 400;

    static Account fleetAccount(int i) {
      List<Subscription> subs = new ArrayList<>();
      for (int s = 0; s <= i % 3; s++) {
        subs.add(Subscription.builder()
            .id("sub-" + s)
            .plan("grid")
            .prices(PriceSchedule.monthly(Money.of(org.joda.money.CurrencyUnit.USD, new BigDecimal(10 + (i * 7 + s) % 40))))
            .active(LONG_AGO, Instant.MAX)
            .addPlacements(Scope.of("svc/node-" + ((i + s) % 7)))
            .build());
      }
      return account("acct-" + i, subs.toArray(Subscription[]::new));
    }

    static OutageLog fleetOutages() {
      List<Outage> outages = new ArrayList<>();
      for (int n = 0; n < 7; n++) {
        Instant start = Instant.parse("2024-06-01T00:00:00Z").plus(Duration.ofHours(13L * n + 2));
        outages.add(Outage.builder().id("F-" + n).addScopes(Scope.of("svc/node-" + n))
            .window(start, start.plus(Duration.ofMinutes(37L * (n + 1)))).build());
      }
      return OutageLog.of(outages);
    }

    @Test
    void givesTheSameAnswersFromManyThreadsAsSequentially() throws Exception {
      RuleNode tree = Rules.cap("cap", CapLimit.percentOfFee(new BigDecimal("50")),
          Rules.sum("s",
              new PerHourDown("hourly", "0.70"),
              Rules.mostGenerous("best",
                  Rules.availabilityTiers("tiers", Tier.range("99.0", "99.9", "10"), Tier.range("0", "99.0", "25")),
                  Fixed.credit("floor", "0.25"))));
      CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(policy("p", tree))).outages(fleetOutages())
          .build();
      List<Account> accounts = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS; i++) {
        accounts.add(fleetAccount(i));
      }
      List<String> sequential = accounts.stream().map(a -> engine.decide(a, JUNE_2024_UTC).explain()).toList();

      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<String>> futures = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
          for (Account a : accounts) {
            futures.add(pool.submit(() -> engine.decide(a, JUNE_2024_UTC).explain()));
          }
        }
        for (int i = 0; i < futures.size(); i++) {
          assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % ACCOUNTS));
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(sequential).anySatisfy(t -> assertThat(t).contains("CREDIT"));
    }
  }
}
