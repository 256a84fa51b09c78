package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.rules.json.JsonDocumentException;
import dev.amends.rules.json.PolicyDocuments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Policy#plans()}: which plans a policy covers, and an account on a plan none covers. */
class PolicyPlansTest {
  static final Policy MONTHLY_ONLY = policyBuilder("monthly-sla", Fixed.credit("a", "1.00"), HALF_UP)
      .addPlans("grid-monthly").build();
  static final Policy EVERY_PLAN = policyBuilder("goodwill", Fixed.credit("b", "2.00"), HALF_UP).build();

  static Account on(String id, String... plans) {
    List<dev.amends.core.account.Subscription> subs = new ArrayList<>();
    for (int i = 0; i < plans.length; i++) {
      subs.add(subscription("sub-" + (i + 1), plans[i], USD_20_00));
    }
    return account(id, subs.toArray(dev.amends.core.account.Subscription[]::new));
  }

  @Test
  void aPolicyListingPlansDecidesOnlySubscriptionsOnThosePlans() {
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(MONTHLY_ONLY, EVERY_PLAN)).build();

    CreditDecision d = engine.decide(on("acct-1", "grid-monthly", "grid-annual"), JUNE_2024_UTC);

    // sub-1 (monthly): both policies, USD 1.00 + USD 2.00; sub-2 (annual): the goodwill only
    assertThat(d.lines()).extracting(CreditLine::subscriptionId, CreditLine::policyId, CreditLine::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sub-1", "goodwill", usd("2.00")),
            org.assertj.core.groups.Tuple.tuple("sub-1", "monthly-sla", usd("1.00")),
            org.assertj.core.groups.Tuple.tuple("sub-2", "goodwill", usd("2.00")));
    assertThat(d.traces()).filteredOn(t -> t.subscriptionId().equals("sub-2") && t.policyId().equals("monthly-sla"))
        .singleElement().satisfies(t -> {
          assertThat(t.root().verdict()).isEqualTo(Verdict.SKIPPED);
          assertThat(t.root().summary()).isEqualTo(
              "not covered: its plan grid-annual is not one of monthly-sla v1's plans [grid-monthly]");
          assertThat(t.fee()).isEmpty();
        });
  }

  @Test
  void anAccountOnAPlanNoPolicyInForceCoversIsRejectedNamingThePlan() {
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(MONTHLY_ONLY)).build();

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> engine.decide(on("acct-1", "grid-monthly", "grid-legacy"), JUNE_2024_UTC));

    assertThat(e.field()).isEqualTo("request.account.subscriptions[1].plan");
    assertThat(e.value()).isEqualTo("grid-legacy");
    assertThat(e.rule()).isEqualTo("must be a plan a policy in force covers: monthly-sla v1 [grid-monthly]");
  }

  @Test
  void aSubscriptionThatEndedBeforeThePeriodMayBeOnARetiredPlan() {
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(MONTHLY_ONLY)).build();
    dev.amends.core.account.Subscription retired = dev.amends.core.account.Subscription.builder()
        .id("sub-0").plan("grid-legacy").prices(dev.amends.core.account.PriceSchedule.monthly(USD_20_00))
        .active(LONG_AGO, java.time.Instant.parse("2024-06-01T00:00:00Z")) // ends as June starts
        .addPlacements(NODE_1).build();

    CreditDecision d = engine.decide(account("acct-1", retired, subscription("sub-1", "grid-monthly", USD_20_00)),
        JUNE_2024_UTC);

    assertThat(d.lines()).extracting(CreditLine::subscriptionId, CreditLine::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sub-1", usd("1.00")));
  }

  @Test
  void aPolicyThatListsNoPlansCoversEveryPlanSoNothingIsRejected() {
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(MONTHLY_ONLY, EVERY_PLAN)).build();

    CreditDecision d = engine.decide(on("acct-1", "grid-legacy"), JUNE_2024_UTC);

    assertThat(d.lines()).extracting(CreditLine::policyId, CreditLine::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("goodwill", usd("2.00")));
  }

  @Test
  void aBatchRejectsTheAccountOnAnUnknownPlanAndDecidesTheRest() {
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(MONTHLY_ONLY)).traces(false).build();
    List<DecisionRequest> requests = List.of(
        DecisionRequest.of(on("acct-1", "grid-monthly"), JUNE_2024_UTC),
        DecisionRequest.of(on("acct-2", "grid-legacy"), JUNE_2024_UTC),
        DecisionRequest.of(on("acct-3", "grid-monthly"), JUNE_2024_UTC));

    List<BatchResult> results = new ArrayList<>();
    engine.decideAll(requests.iterator(), BatchOptions.defaults().threads(2)).forEachRemaining(results::add);

    assertThat(results).hasSize(3);
    assertThat(results.get(0)).isInstanceOf(BatchResult.Decided.class);
    assertThat(results.get(1)).isInstanceOfSatisfying(BatchResult.Rejected.class,
        r -> assertThat(r.reason()).contains("request.account.subscriptions[0].plan", "grid-legacy"));
    assertThat(results.get(2)).isInstanceOf(BatchResult.Decided.class);
  }

  @Test
  void plansAreReadFromTheDocumentSortedIntoTheCanonicalFormAndChangeTheDigest() {
    String without = """
        {"schema": "amends.policy/1", "id": "sla", "version": 1, "effectiveFrom": "2024-01-01T00:00:00Z",
         "rule": {"kind": "flat-amount", "id": "a", "amounts": [{"amount": "1.00", "currency": "USD"}]},
         "rounding": {"mode": "HALF_UP"}}""";
    String with = without.replace("\"rounding\"", "\"plans\": [\"grid-monthly\", \"grid-annual\"], \"rounding\"");

    Policy plain = PolicyDocuments.standard().read(without).value();
    Policy scoped = PolicyDocuments.standard().read(with).value();

    assertThat(plain.plans()).isEmpty();
    assertThat(PolicyDocuments.write(plain)).doesNotContain("plans");
    assertThat(scoped.plans()).containsExactlyInAnyOrder("grid-monthly", "grid-annual");
    assertThat(PolicyDocuments.write(scoped)).contains("\"plans\":[\"grid-annual\",\"grid-monthly\"]");
    assertThat(PolicyDocuments.standard().read(PolicyDocuments.write(scoped)).value()).isEqualTo(scoped);
    assertThat(scoped.digest()).isNotEqualTo(plain.digest());
  }

  @Test
  void aBadPlanIdIsAProblemOfTheDocument() {
    String doc = """
        {"schema": "amends.policy/1", "id": "sla", "version": 1, "effectiveFrom": "2024-01-01T00:00:00Z",
         "rule": {"kind": "flat-amount", "id": "a", "amounts": [{"amount": "1.00", "currency": "USD"}]},
         "plans": ["grid monthly"], "rounding": {"mode": "HALF_UP"}}""";

    JsonDocumentException e = catchThrowableOfType(JsonDocumentException.class,
        () -> PolicyDocuments.standard().read(doc));

    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("policy.plans", "grid monthly"));
  }
}
