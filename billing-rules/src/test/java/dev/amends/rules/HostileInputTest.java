package dev.amends.rules;

import static dev.amends.core.fixtures.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.Rounding;
import dev.amends.core.outage.Outage;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input we know of, fed through the public API of billing-rules, and the error it gets.
 *
 * <p>Each nested class holds one family of bad inputs. A bad input must end in one of our own
 * exceptions naming the field, the value and the rule it broke: never a bare JDK exception, a
 * hang, a crash, or a silent wrong answer.
 */
class HostileInputTest {

  // ---- section: nulls and generated builders -------------------------------------------------

  /**
   * Null given to the generated builders of billing-rules, and builders missing required
   * fields: each raises {@link InvalidInputException} naming {@code <type>.<attribute>}, the value
   * ({@code null} or {@code not set}) and the rule.
   */
  @Nested
  class NullsAndGeneratedBuilders {
    private static Arguments row(String call, ThrowingCallable code, String field) {
      return Arguments.of(call, code, field);
    }

    static Stream<Arguments> nullSetters() {
      return Stream.of(
          row("Claim.builder().id(null)", () -> Claim.builder().id(null), "claim.id"),
          row("Claim.builder().filedAt(null)", () -> Claim.builder().filedAt(null), "claim.filedAt"),
          row("Claim.builder().subscriptionId((String) null)",
              () -> Claim.builder().subscriptionId((String) null), "claim.subscriptionId"),
          row("Claim.builder().from(null)", () -> Claim.builder().from(null), "claim.instance"),
          row("DecisionRequest.builder().account(null)",
              () -> DecisionRequest.builder().account(null), "decisionRequest.account"),
          row("DecisionRequest.builder().period(null)",
              () -> DecisionRequest.builder().period(null), "decisionRequest.period"),
          row("DecisionRequest.builder().evaluatedAt((Instant) null)",
              () -> DecisionRequest.builder().evaluatedAt((Instant) null), "decisionRequest.evaluatedAt"),
          row("Policy.builder().id(null)", () -> Policy.builder().id(null), "policy.id"),
          row("Policy.builder().effectiveFrom(null)",
              () -> Policy.builder().effectiveFrom(null), "policy.effectiveFrom"),
          row("Policy.builder().effectiveUntil((Instant) null)",
              () -> Policy.builder().effectiveUntil((Instant) null), "policy.effectiveUntil"),
          row("Policy.builder().measurementRules(null)",
              () -> Policy.builder().measurementRules(null), "policy.measurementRules"),
          row("Policy.builder().rule(null)", () -> Policy.builder().rule(null), "policy.rule"),
          row("Policy.builder().rounding(null)", () -> Policy.builder().rounding(null), "policy.rounding"),
          row("Policy.builder().proration(null)", () -> Policy.builder().proration(null), "policy.proration"),
          row("RuleContext.builder().account(null)",
              () -> RuleContext.builder().account(null), "ruleContext.account"),
          row("RuleContext.builder().subscription(null)",
              () -> RuleContext.builder().subscription(null), "ruleContext.subscription"),
          row("RuleContext.builder().period(null)",
              () -> RuleContext.builder().period(null), "ruleContext.period"),
          row("RuleContext.builder().fee(null)", () -> RuleContext.builder().fee(null), "ruleContext.fee"),
          row("RuleContext.builder().measurement(null)",
              () -> RuleContext.builder().measurement(null), "ruleContext.measurement"),
          row("RuleContext.builder().claim((Claim) null)",
              () -> RuleContext.builder().claim((Claim) null), "ruleContext.claim"),
          row("RuleContext.builder().evaluatedAt(null)",
              () -> RuleContext.builder().evaluatedAt(null), "ruleContext.evaluatedAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullSetters")
    void generatedSetterRejectsNullNamingTheAttribute(String call, ThrowingCallable code, String field) {
      assertRejected(code, field, "is required", "null");
    }

    static Stream<Arguments> nullElements() {
      return Stream.of(
          row("Claim.builder().addOutageIds((String) null)",
              () -> Claim.builder().addOutageIds((String) null), "claim.outageIds"),
          row("Claim.builder().addEvidence((String) null)",
              () -> Claim.builder().addEvidence((String) null), "claim.evidence"),
          row("DecisionRequest.builder().addClaims((Claim) null)",
              () -> DecisionRequest.builder().addClaims((Claim) null), "decisionRequest.claims"),
          row("DecisionRequest.builder().addIssued((IssuedCredit) null)",
              () -> DecisionRequest.builder().addIssued((IssuedCredit) null), "decisionRequest.issued"),
          row("DecisionRequest.builder().addCarriedIn((CarriedCredit) null)",
              () -> DecisionRequest.builder().addCarriedIn((CarriedCredit) null), "decisionRequest.carriedIn"),
          row("Policy.builder().addMinimumCredit((Money) null)",
              () -> Policy.builder().addMinimumCredit((Money) null), "policy.minimumCredit"),
          row("RuleContext.builder().addOutages((Outage) null)",
              () -> RuleContext.builder().addOutages((Outage) null), "ruleContext.outages"),
          row("RuleContext.builder().addCarriedIn((CarriedCredit) null)",
              () -> RuleContext.builder().addCarriedIn((CarriedCredit) null), "ruleContext.carriedIn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullElements")
    void generatedElementAdderRejectsNullNamingTheCollection(String call, ThrowingCallable code, String field) {
      assertRejected(code, field, "must not contain null", "null");
    }

    static Stream<Arguments> missingRequired() {
      return Stream.of(
          row("Claim.builder().build()", () -> Claim.builder().build(), "claim.id, claim.filedAt"),
          row("Claim.builder().id(\"CLM-1\").build()", () -> Claim.builder().id("CLM-1").build(), "claim.filedAt"),
          row("DecisionRequest.builder().build()", () -> DecisionRequest.builder().build(),
              "decisionRequest.account, decisionRequest.period"),
          row("Policy.builder().build()", () -> Policy.builder().build(),
              "policy.id, policy.version, policy.effectiveFrom, policy.rule, policy.rounding"),
          row("Policy.builder() without rule",
              () -> Policy.builder()
                  .id("sla").version(1).effectiveFrom(Instant.parse("2024-01-01T00:00:00Z"))
                  .rounding(Rounding.of(RoundingMode.HALF_UP))
                  .build(),
              "policy.rule"),
          row("RuleContext.builder().build()", () -> RuleContext.builder().build(),
              "ruleContext.account, ruleContext.subscription, ruleContext.period, ruleContext.fee, "
                  + "ruleContext.measurement, ruleContext.evaluatedAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingRequired")
    void builderWithoutRequiredFieldsNamesEveryMissingOne(String call, ThrowingCallable code, String fields) {
      assertRejected(code, fields, fields.contains(",") ? "are required" : "is required", "not set");
    }
  }

  // ---- end of section: nulls and generated builders ------------------------------------------


  // ---- section: measurement, telemetry and time ----------------------------------------------

  /** A decision's trace holds the measurement and the fee themselves; none of them may be null. */
  @org.junit.jupiter.api.Nested
  class MeasurementTelemetryAndTime {
    @org.junit.jupiter.api.Test
    void traceWithoutAMeasurementIsRejectedByName() {
      TraceNode root = new TraceNode("tiers", "availability-tiers", Verdict.NOT_MET, "no credit",
          java.util.Map.of(), java.util.Optional.empty(), java.util.List.of());
      dev.amends.core.account.PeriodFee fee = dev.amends.core.account.PeriodFee.of(
          RuleFixtures.ACCOUNT_USD_20, RuleFixtures.ACCOUNT_USD_20.subscriptions().get(0),
          RuleFixtures.JUNE_2024_UTC, dev.amends.core.account.Proration.BY_TIME);

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> new SubscriptionTrace("sub-1", "sla", 1, "sha256:x", java.util.Optional.of(fee), null, root))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("subscriptionTrace.measurement is required: null");
    }

    @org.junit.jupiter.api.Test
    void traceWithoutAFeeIsRejectedByName() {
      TraceNode root = new TraceNode("tiers", "availability-tiers", Verdict.NOT_MET, "no credit",
          java.util.Map.of(), java.util.Optional.empty(), java.util.List.of());

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> new SubscriptionTrace("sub-1", "sla", 1, "sha256:x", null, null, root))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("subscriptionTrace.fee is required: null");
    }
  }



  // ---- end of section: measurement, telemetry and time ---------------------------------------


  // ---- section: decimals, rounding, ids, rule trees, keys ------------------------------------

  @org.junit.jupiter.api.Nested
  class DecimalsRoundingIdsTreesKeys {
    private final RuleNode leaf = Rules.flatAmount("flat", org.joda.money.Money.parse("USD 1.00"));

    private void assertNamed(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String value) {
      org.assertj.core.api.Assertions.assertThatThrownBy(call)
          .isInstanceOfSatisfying(dev.amends.core.InvalidInputException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
            org.assertj.core.api.Assertions.assertThat(e.value()).contains(value);
          });
    }

    // -- nulls in the rules API

    @org.junit.jupiter.api.Test
    void sumOfANullChildNamesItsIndex() {
      assertNamed(() -> Rules.sum("s", (RuleNode) null), "s.children[0]", "null");
    }

    @org.junit.jupiter.api.Test
    void sumOfANullArrayNamesTheChildren() {
      assertNamed(() -> Rules.sum("s", (RuleNode[]) null), "s.children", "null");
    }

    @org.junit.jupiter.api.Test
    void mostGenerousWithANullSecondChildNamesIt() {
      assertNamed(() -> Rules.mostGenerous("m", leaf, null), "m.children[1]", "null");
    }

    @org.junit.jupiter.api.Test
    void firstMatchWithANullChildNamesIt() {
      assertNamed(() -> Rules.firstMatch("f", (RuleNode) null), "f.children[0]", "null");
    }

    @org.junit.jupiter.api.Test
    void exactlyOneWithANullChildNamesIt() {
      assertNamed(() -> Rules.exactlyOne("x", leaf, null), "x.children[1]", "null");
    }

    @org.junit.jupiter.api.Test
    void capWithANullIdNamesTheId() {
      assertNamed(() -> Rules.cap(null, CapLimit.percentOfFee(java.math.BigDecimal.TEN), leaf), "rule.id", "null");
    }

    @org.junit.jupiter.api.Test
    void capWithANullChildNamesIt() {
      assertNamed(() -> Rules.cap("c", CapLimit.percentOfFee(java.math.BigDecimal.TEN), null), "c.child", "null");
    }

    @org.junit.jupiter.api.Test
    void whenWithANullConditionNamesIt() {
      assertNamed(() -> Rules.when("w", null, leaf), "w.condition", "null");
    }

    @org.junit.jupiter.api.Test
    void whenWithANullOtherwiseNamesIt() {
      assertNamed(() -> Rules.when("w", Conditions.planIn("grid"), leaf, null), "w.otherwise", "null");
    }

    @org.junit.jupiter.api.Test
    void availabilityTiersWithANullTierNamesIt() {
      assertNamed(() -> Rules.availabilityTiers("t", Tier.range("0", "99", "10"), null), "t.tiers[1]", "null");
    }

    @org.junit.jupiter.api.Test
    void daysOfServiceWithANullTierArrayNamesIt() {
      assertNamed(() -> Rules.daysOfService("d", null, (Tier[]) null), "d.tiers", "null");
    }

    @org.junit.jupiter.api.Test
    void flatAmountWithANullAmountNamesIt() {
      assertNamed(() -> Rules.flatAmount("f", (org.joda.money.Money) null), "f.amounts[0]", "null");
    }

    @org.junit.jupiter.api.Test
    void perBlockWithANullIdNamesTheIdBeforeTheOtherParts() {
      assertNamed(() -> Rules.perBlock(null, null, null, null), "rule.id", "null");
    }

    @org.junit.jupiter.api.Test
    void capAmountWithANullAmountNamesIt() {
      assertNamed(() -> CapLimit.amount(org.joda.money.Money.parse("USD 5.00"), null), "cap.amount[1]", "null");
    }

    @org.junit.jupiter.api.Test
    void planInWithANullPlanNamesIt() {
      assertNamed(() -> Conditions.planIn("grid", null), "planIn.plans[1]", "null");
    }

    @org.junit.jupiter.api.Test
    void planInWithAPlanHoldingALineFeedNamesIt() {
      assertNamed(() -> Conditions.planIn("grid\nfake"), "planIn.plans[0]", "grid\\u000afake");
    }

    @org.junit.jupiter.api.Test
    void standingInWithANullFirstStatusNamesIt() {
      assertNamed(() -> Conditions.standingIn(null), "standingIn.first", "null");
    }

    @org.junit.jupiter.api.Test
    void standingInWithANullFurtherStatusNamesIt() {
      assertNamed(() -> Conditions.standingIn(dev.amends.core.account.Standing.Status.GOOD,
          (dev.amends.core.account.Standing.Status) null), "standingIn.rest[0]", "null");
    }

    @org.junit.jupiter.api.Test
    void allWithANullConditionNamesIt() {
      assertNamed(() -> Conditions.all(Conditions.planIn("grid"), null), "all.conditions[1]", "null");
    }

    @org.junit.jupiter.api.Test
    void anyWithANullArrayNamesIt() {
      assertNamed(() -> Conditions.any((Condition[]) null), "any.conditions", "null");
    }

    @org.junit.jupiter.api.Test
    void tierWithANullBoundNamesIt() {
      assertNamed(() -> new Tier(null, true, java.math.BigDecimal.TEN, false, java.math.BigDecimal.ONE), "tier.lower",
          "null");
    }

    @org.junit.jupiter.api.Test
    void tierRangeWithANullValueNamesIt() {
      assertNamed(() -> Tier.range("0", "99", null), "tier.value", "null");
    }

    // -- decimals written as text

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"99,9", "", "abc", "NaN", " 99.9", "99.9 ", "Infinity", "1e"})
    void tierBoundThatIsNotADecimalIsNamed(String text) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tier.range(text, "100", "10"))
          .isInstanceOfSatisfying(dev.amends.core.InvalidInputException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("tier.lower");
            org.assertj.core.api.Assertions.assertThat(e.rule()).isEqualTo("is not a decimal");
            org.assertj.core.api.Assertions.assertThat(e.value()).isEqualTo("\"" + text + "\"");
          });
    }

    @org.junit.jupiter.api.Test
    void tierValueThatIsNotADecimalIsNamed() {
      assertNamed(() -> Tier.of("0", true, "99", false, "ten"), "tier.value", "\"ten\"");
    }

    // -- extreme exponents and limits

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1E-100000000", "1E+100000000", "0.0000000000001",
        "1000000000000000000"})
    void tierValueBeyondTheDecimalLimitsIsRefusedWhenBuilt(String text) {
      assertNamed(() -> Tier.range("0", "99", text), "tier.value", text.startsWith("1E") ? text
          : new java.math.BigDecimal(text).toPlainString());
    }

    @org.junit.jupiter.api.Test
    void tierValueWithAMillionDigitsIsRefusedWithoutEchoingThem() {
      String million = "1" + "0".repeat(999_999);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tier.range("0", "99", million))
          .isInstanceOfSatisfying(dev.amends.core.InvalidInputException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("tier.value");
            org.assertj.core.api.Assertions.assertThat(e.getMessage())
                .isEqualTo("tier.value has more than 1000 digits: a decimal of 1000000 digits");
          });
    }

    @org.junit.jupiter.api.Test
    void perBlockPercentWithATinyExponentIsRefusedWhenBuilt() {
      assertNamed(() -> Rules.perBlock("b", java.time.Duration.ofMinutes(30), new java.math.BigDecimal("1E-100000000"),
          Rules.BlockCount.STARTED), "b.percentPerBlock", "1E-100000000");
    }

    @org.junit.jupiter.api.Test
    void multipleWithAHugeExponentIsRefusedWhenBuilt() {
      assertNamed(() -> Rules.multipleOfProratedFee("m", new java.math.BigDecimal("1E+100000000"),
          java.time.Duration.ZERO), "m.multiple", "1E+100000000");
    }

    @org.junit.jupiter.api.Test
    void availabilityPercentWithATinyExponentIsRefusedWhenBuilt() {
      assertNamed(() -> Rules.multipleOfProratedFee("m", java.math.BigDecimal.TEN,
          new java.math.BigDecimal("1E-100000000")), "m.availabilityPercent", "1E-100000000");
    }

    @org.junit.jupiter.api.Test
    void freePeriodsWithAHugeExponentAreRefusedWhenBuilt() {
      assertNamed(() -> Rules.freePeriods("free", new java.math.BigDecimal("1E+100000000"),
          Rules.FreePeriodValue.FULL_PERIOD_FEE), "free.count", "1E+100000000");
    }

    @org.junit.jupiter.api.Test
    void capPercentWithATinyExponentIsRefusedWhenBuilt() {
      assertNamed(() -> CapLimit.percentOfFee(new java.math.BigDecimal("1E-100000000")), "cap.percent", "1E-100000000");
    }

    @org.junit.jupiter.api.Test
    void capDaysWithThirteenDecimalsAreRefusedWhenBuilt() {
      assertNamed(() -> CapLimit.days(new java.math.BigDecimal("1.0000000000001"), dev.amends.core.money.DayCount.ACTUAL),
          "cap.days", "1.0000000000001");
    }

    @org.junit.jupiter.api.Test
    void availabilityThresholdWithATinyExponentIsRefusedWhenBuilt() {
      assertNamed(() -> Conditions.availabilityBelow(new java.math.BigDecimal("1E-100000000")),
          "availabilityBelow.percent", "1E-100000000");
    }

    // -- claim deadlines

    @org.junit.jupiter.api.Test
    void daysAfterIncidentBeyondTheMaximumIsRefused() {
      assertNamed(() -> ClaimDeadline.daysAfterIncident(Integer.MAX_VALUE), "deadline.days", "2147483647");
    }

    @org.junit.jupiter.api.Test
    void businessDaysBeyondTheMaximumAreRefused() {
      assertNamed(() -> ClaimDeadline.businessDaysAfterIncident(1_000_000), "deadline.days", "1000000");
    }

    @org.junit.jupiter.api.Test
    void billingCyclesBeyondTheMaximumAreRefused() {
      assertNamed(() -> ClaimDeadline.endOfBillingCycleAfterIncident(Integer.MAX_VALUE), "deadline.cycles",
          "2147483647");
    }

    // -- ids

    @org.junit.jupiter.api.Test
    void claimIdWithALineFeedIsRefused() {
      assertNamed(() -> Claim.builder().id("CLM-1\nrule sla credited USD 1000").filedAt(java.time.Instant.EPOCH).build(),
          "claim.id", "CLM-1\\u000arule");
    }

    @org.junit.jupiter.api.Test
    void claimSubscriptionIdWithABidiOverrideIsRefused() {
      assertNamed(() -> Claim.builder().id("CLM-1").subscriptionId("sub\u202e1").filedAt(java.time.Instant.EPOCH)
          .build(), "claim.subscriptionId", "sub\\u202e1");
    }

    // -- rule trees

    @org.junit.jupiter.api.Test
    void ruleTreeAHundredThousandLevelsDeepIsRefusedWithoutStackOverflow() {
      RuleNode node = leaf;
      for (int i = 0; i < 100_000; i++) {
        node = Rules.sum("s" + i, node);
      }
      RuleNode deep = node;
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleFixtures.policy("p", deep))
          .isInstanceOfSatisfying(PolicyDefinitionException.class, e -> org.assertj.core.api.Assertions
              .assertThat(e.problems()).singleElement().asString()
              .startsWith("policy.rule is nested deeper than 64 levels"));
    }

    @org.junit.jupiter.api.Test
    void userRuleWithANullIdIsRefusedWhenThePolicyIsBuilt() {
      RuleNode nameless = PolicyShapeTest.own(null, "mine", "mine()");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleFixtures.policy("p", Rules.sum("root", nameless)))
          .isInstanceOf(PolicyDefinitionException.class)
          .hasMessageContaining("root/(null).id() returned null");
    }

    @org.junit.jupiter.api.Test
    void userRuleWithANullKindIsRefusedWhenThePolicyIsBuilt() {
      RuleNode kindless = PolicyShapeTest.own("mine", null, "mine()");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleFixtures.policy("p", kindless))
          .isInstanceOf(PolicyDefinitionException.class)
          .hasMessageContaining("mine.kind() returned null");
    }

    @org.junit.jupiter.api.Test
    void userRuleWithALineBreakInItsIdIsRefusedWhenThePolicyIsBuilt() {
      RuleNode forged = PolicyShapeTest.own("a\nb", "mine", "mine()");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleFixtures.policy("p", forged))
          .isInstanceOf(PolicyDefinitionException.class)
          .hasMessageContaining("\"a\\u000ab\"");
    }

    @org.junit.jupiter.api.Test
    void conditionThatThrowsIsWrappedWithTheRulePath() {
      Condition boom = PolicyShapeTest.failing(new ArithmeticException("/ by zero"), null);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> RuleFixtures.decide(Rules.when("w", boom, leaf)))
          .isInstanceOfSatisfying(RuleEvaluationException.class,
              e -> org.assertj.core.api.Assertions.assertThat(e.path()).isEqualTo("w"));
    }

    @org.junit.jupiter.api.Test
    void capWithoutAnAmountInTheAccountsCurrencyIsWrappedWithItsPath() {
      RuleNode cap = Rules.cap("cap", CapLimit.amount(org.joda.money.Money.parse("EUR 5.00")),
          Fixed.credit("a", "1.00"));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleFixtures.decide(cap))
          .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.path()).isEqualTo("cap");
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("cap.amount has no amount in USD");
          });
    }

    // -- rounding in a policy

    @org.junit.jupiter.api.Test
    void roundingIncrementFinerThanAServedCurrencyIsRefusedWhenThePolicyIsBuilt() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleFixtures.policyBuilder("p", leaf,
                  dev.amends.core.money.Rounding.of(java.math.RoundingMode.HALF_UP, new java.math.BigDecimal("0.5")))
              .addMinimumCredit(org.joda.money.Money.parse("JPY 100")).build())
          .isInstanceOf(PolicyDefinitionException.class)
          .hasMessageContaining("policy.rounding increment 0.5 is finer than the minor unit of JPY");
    }

    // -- issued and carried credits, keys

    @org.junit.jupiter.api.Test
    void issuedCreditInAnotherCurrencyIsNamedWithItsIndex() {
      CreditLine line = RuleFixtures.decide(Fixed.credit("a", "1.00")).lines().get(0);
      IssuedCredit euros = new IssuedCredit(line.key(), org.joda.money.Money.parse("EUR 1.00"), "p", "sub-1", "a");
      assertNamed(() -> RuleFixtures.engine(RuleFixtures.policy("p", Fixed.credit("a", "1.00"))).decide(
          KeysTest.request().addIssued(IssuedCredit.of(line), euros).build()), "request.issued[1].amount", "EUR 1.00");
    }

    @org.junit.jupiter.api.Test
    void carriedCreditInAnotherCurrencyIsNamedWithItsIndex() {
      assertNamed(() -> RuleFixtures.engine(RuleFixtures.policy("p", Fixed.credit("a", "1.00"))).decide(
          KeysTest.request().addCarriedIn(new CarriedCredit("sub-1", "p", "cap", org.joda.money.Money.parse("JPY 5")))
              .build()), "request.carriedIn[0].amount", "JPY 5");
    }

    @org.junit.jupiter.api.Test
    void issuedCreditWithAnUnknownKeyIsNamedNotCalledNoLongerOwed() {
      IssuedCredit forged = new IssuedCredit("cr-forged", RuleFixtures.usd("9.99"), "p", "sub-1", "a");
      assertNamed(() -> RuleFixtures.engine(RuleFixtures.policy("p", Fixed.credit("a", "1.00"))).decide(
          KeysTest.request().addIssued(forged).build()), "request.issued[0].key", "cr-forged");
    }

    @org.junit.jupiter.api.Test
    void issuedCreditWithALineFeedInItsRulePathIsRefused() {
      assertNamed(() -> new IssuedCredit("cr-1", RuleFixtures.usd("1.00"), "p", "sub-1", "a\nFAKE"), "issued.rulePath",
          "a\\u000aFAKE");
    }

    @org.junit.jupiter.api.Test
    void outcomeWithANullOutageIdNamesItsIndex() {
      java.util.List<String> ids = java.util.Arrays.asList("OUT-1", null);
      assertNamed(() -> Outcome.noCredit("none").withOutages(ids), "outcome.outageIds[1]", "null");
    }

    @org.junit.jupiter.api.Test
    void outcomeValueWithALineBreakIsShownEscapedOnItsLine() {
      Outcome o = Outcome.noCredit("none").withValue("note", "a\nrule sla CREDITED");
      org.assertj.core.api.Assertions.assertThat(o.values().get("note").text()).isEqualTo("a\\u000arule sla CREDITED");
    }

    @org.junit.jupiter.api.Test
    void conditionResultWithALineBreakIsRefused() {
      assertNamed(() -> new ConditionResult(true, "plan grid\nrule sla CREDITED", "plan in [grid]"),
          "condition.observed", "plan grid\\u000arule");
    }

    @org.junit.jupiter.api.Test
    void outageTagConditionWithAParagraphSeparatorIsRefused() {
      assertNamed(() -> Conditions.affectedByOutageTagged("storage\u2029"), "affectedByOutageTagged.tag",
          "storage\\u2029");
    }
  }




  // ---- end of section: decimals, rounding, ids, rule trees, keys -----------------------------


  // ---- section: accounts, standing, outages, days of service ---------------------------------

  // Fully qualified names keep this section's imports out of the shared header (fewer merge conflicts).
  @org.junit.jupiter.api.Nested
  class AccountsStandingDaysOfService {
    @org.junit.jupiter.api.Test
    void aNegativePercentOfFeeIsRejectedNamingTheRuleAndValue() {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> Rules.percentOfFee("goodwill", new java.math.BigDecimal("-0.01")))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("goodwill.percent must not be negative: -0.01");
    }

    @org.junit.jupiter.api.Test
    void aNullPercentOfFeeIsRejectedNamingIt() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rules.percentOfFee("goodwill", null))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("goodwill.percent is required: null");
    }

    @org.junit.jupiter.api.Test
    void aNullStatusInStandingInIsRejectedNamingIt() {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> Conditions.standingIn(dev.amends.core.account.Standing.Status.GOOD,
                  dev.amends.core.account.Standing.Status.OVERDUE, null))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("standingIn.rest[1] is required: null");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Conditions.standingIn(null))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("standingIn.first is required: null");
    }

    @org.junit.jupiter.api.Test
    void aMissingDaysValueIsRejectedNamingTheRule() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rules.daysOfService("days", null,
              Tier.range("0", "99.9", "3")))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("days.value is required: null");
    }

    @org.junit.jupiter.api.Test
    void aMissingDayCountIsRejectedNamingIt() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> DaysValue.valuedAt(null))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("daysValue.dayCount is required: null");
    }

    @org.junit.jupiter.api.Test
    void daysBeyondTheSupportedDatesFailNamingTheRuleNotWithADateTimeException() {
      // A trillion days past 1 July 2024 is far beyond year 999,999,999.
      var rule = Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY, Tier.range("0", "99.9", "1000000000000"));
      var outage = LeafFixtures.outage("INC-1",
          java.time.Instant.parse("2024-06-14T14:00:00Z"), java.time.Instant.parse("2024-06-15T00:00:00Z"));
      var engine = LeafFixtures.engineFor(LeafFixtures.onePolicy(rule, LeafFixtures.HALF_UP), outage);

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> engine.decide(LeafFixtures.given(LeafFixtures.USD_20_00).account(), LeafFixtures.JUNE_2024_NY))
          .isInstanceOf(RuleEvaluationException.class)
          .hasMessage("rule days extends the term from 2024-07-01T04:00:00Z by 1000000000000 days, "
              + "beyond the supported dates");
    }
  }

  // ---- end of section: accounts, standing, outages, days of service --------------------------


  // ---- section: periods, placements, grants, policy windows ----------------------------------

  @org.junit.jupiter.api.Nested
  class PeriodsAndGrants {
    final CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(CampaignTest.NO_SLA)).build();
    final dev.amends.core.account.Account account = dev.amends.core.fixtures.Story2007.CUSTOMER_ON_CLUSTER_2;

    @org.junit.jupiter.api.Test
    void aOneDayPeriodPosingAsAYearIsRejected() {
      var oneDay = dev.amends.core.time.BillingPeriod.of(java.time.LocalDate.of(2007, 12, 1),
          java.time.LocalDate.of(2007, 12, 2), account.zone(), 12);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.decide(account, oneDay))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessageContaining("request.period").hasMessageContaining("2007-12-01");
    }

    @org.junit.jupiter.api.Test
    void aPeriodInAnotherZoneIsRejected() {
      var utc = dev.amends.core.time.BillingPeriod.month(java.time.YearMonth.of(2007, 12), java.time.ZoneOffset.UTC);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.decide(account, utc))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessageContaining("request.period").hasMessageContaining("Z");
    }

    @org.junit.jupiter.api.Test
    void aNullMonthIsNamed() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.decide(account, (java.time.YearMonth) null))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessageContaining("period.month");
    }

    @org.junit.jupiter.api.Test
    void aNullCampaignIsNamed() {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> CreditEngine.builder().campaigns((Campaign) null))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessageContaining("engine.campaigns[0]");
    }

    @org.junit.jupiter.api.Test
    void aCampaignSharingAPolicyIdIsRejected() {
      Campaign clash = Campaign.builder().id("grid-sla").eligibleAt(CampaignTest.APOLOGY)
          .eligibility(Conditions.placedUnder(dev.amends.core.fixtures.Story2007.GRID))
          .unit(Campaign.Unit.PER_ACCOUNT)
          .grant(Rules.flatAmount("ten", org.joda.money.Money.parse("USD 10.00")))
          .rounding(dev.amends.core.money.Rounding.of(java.math.RoundingMode.HALF_UP)).build();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> CreditEngine.builder().policies(PolicyBook.of(CampaignTest.NO_SLA)).campaigns(clash).build())
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessageContaining("engine.campaigns").hasMessageContaining("grid-sla");
    }
  }



  // ---- end of section: periods, placements, grants, policy windows ---------------------------


  // ---- section: issue 15 probes (rules) ------------------------------------------------------

  /** The second review's probes against billing-rules: each now ends in a named error or a word. */
  @Nested
  class Issue15Probes {
    /** A user rule that recurses without end. */
    record Recursing(String id) implements CreditRule {
      @Override
      public Outcome evaluate(RuleContext context) {
        return evaluate(context);
      }
    }

    /** A user rule whose parameter nests {@code levels} lists deep. */
    record Nested(String id, Object data) implements CreditRule {
      @Override
      public Outcome evaluate(RuleContext context) {
        return Outcome.noCredit("never");
      }
    }

    @org.junit.jupiter.api.Test
    void userRuleOverflowingTheStackIsWrappedWithItsPath() {
      assertThatThrownBy(() -> RuleFixtures.decide(Rules.sum("root", new Recursing("loop"))))
          .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
            assertThat(e.getMessage()).contains("root/loop").contains("StackOverflowError");
            assertThat(e.getCause()).isInstanceOf(StackOverflowError.class);
          });
    }

    @org.junit.jupiter.api.Test
    void conditionNestedTwentyThousandDeepIsRefusedBeforeAnyRecursion() {
      Condition c = Conditions.planIn("pro");
      for (int i = 0; i < 20_000; i++) {
        c = Conditions.not(c);
      }
      Condition deep = c;
      assertThatThrownBy(() -> RuleFixtures.policy("p", Rules.when("w", deep, Rules.flatAmount("flat", Money.parse("USD 1.00")))))
          .isInstanceOfSatisfying(PolicyDefinitionException.class, e -> assertThat(e.problems()).containsExactly(
              "policy.rule node \"w\" has a condition nested deeper than 64 levels of not/all/any"));
    }

    @org.junit.jupiter.api.Test
    void valueTooDeepForTheDigestNamesItsNode() {
      // 60 sums (2 levels of canonical text each) above a rule whose parameter is 200 lists deep:
      // each alone is within 256 levels, together they are not.
      Object data = "x";
      for (int i = 0; i < 200; i++) {
        data = java.util.List.of(data);
      }
      RuleNode node = new Nested("deep", data);
      for (int i = 59; i >= 0; i--) {
        node = Rules.sum("s" + i, node);
      }
      RuleNode tree = node;
      assertThatThrownBy(() -> RuleFixtures.policy("p", tree))
          .isInstanceOfSatisfying(PolicyDefinitionException.class, e -> assertThat(e.problems()).singleElement()
              .asString().startsWith("policy.rule cannot be read for the digest: value nested deeper than 256 levels,"
                  + " in node s0/s1/s2/").endsWith("/s59/deep"));
    }
  }

  /** Accepted without a word before issue 15: each now gets a refusal, a flag or a remark. */
  @Nested
  class Issue15AcceptedWithoutAWord {
    private final Policy ten = RuleFixtures.policy("sla", Rules.flatAmount("ten", Money.parse("USD 10.00")));
    private final Policy five = RuleFixtures.policy("extra", Rules.flatAmount("five", Money.parse("USD 5.00")));

    private Campaign campaign(java.math.BigDecimal count, Money... reviewAbove) {
      return Campaign.builder().id("goodwill").eligibleAt(CampaignTest.APOLOGY)
          .eligibility(Conditions.placedUnder(dev.amends.core.fixtures.Story2007.GRID))
          .unit(Campaign.Unit.PER_SUBSCRIPTION)
          .grant(Rules.freePeriods("free", count, Rules.FreePeriodValue.MONTHLY_PRICE))
          .addReviewAbove(reviewAbove)
          .rounding(Rounding.of(RoundingMode.HALF_UP)).build();
    }

    @org.junit.jupiter.api.Test
    void twoPoliciesCreditingOneSubscriptionAreFlaggedForReview() {
      // sla gives USD 10.00 and extra USD 5.00 to sub-1 on plan grid: both in force, neither lists plans.
      CreditDecision d = CreditEngine.builder().policies(PolicyBook.of(ten, five)).build()
          .decide(RuleFixtures.ACCOUNT_USD_20, RuleFixtures.JUNE_2024_UTC);

      assertThat(d.lines()).hasSize(2);
      assertThat(d.flags()).contains(DecisionFlag.NEEDS_REVIEW);
      assertThat(d.warnings()).contains("sub-1 (plan grid) is credited by two policies in force, extra v1 and sla v1:"
          + " if one subscription should be covered by one policy, give the policies disjoint plans"
          + " (Policy.plans); a one-off gesture is a Campaign");
    }

    @org.junit.jupiter.api.Test
    void policiesWithDisjointPlansWorkTogetherWithoutAFlag() {
      Policy gridOnly = RuleFixtures.policyBuilder("sla", Rules.flatAmount("ten", Money.parse("USD 10.00")),
          RuleFixtures.HALF_UP).addPlans("grid").build();
      Policy proOnly = RuleFixtures.policyBuilder("extra", Rules.flatAmount("five", Money.parse("USD 5.00")),
          RuleFixtures.HALF_UP).addPlans("pro").build();
      var account = RuleFixtures.account("acct-2", RuleFixtures.subscription("sub-1", "grid", RuleFixtures.USD_20_00),
          RuleFixtures.subscription("sub-2", "pro", RuleFixtures.USD_20_00));

      CreditDecision d = CreditEngine.builder().policies(PolicyBook.of(gridOnly, proOnly)).build()
          .decide(account, RuleFixtures.JUNE_2024_UTC);

      // sub-1: USD 10.00 under sla; sub-2: USD 5.00 under extra.
      assertThat(d.lines()).extracting(l -> l.subscriptionId() + " " + l.amount())
          .containsExactly("sub-1 USD 10.00", "sub-2 USD 5.00");
      assertThat(d.flags()).doesNotContain(DecisionFlag.NEEDS_REVIEW);
    }

    @org.junit.jupiter.api.Test
    void anEngineOverAnEmptyPolicyBookIsRefused() {
      assertThatThrownBy(() -> CreditEngine.builder().policies(PolicyBook.of(java.util.List.of())).build())
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("engine.policies");
            assertThat(e.getMessage()).contains("decides nothing");
          });
    }

    @org.junit.jupiter.api.Test
    void aCampaignOnlyEngineNeedsNoPolicyBook() {
      // Two months free at USD 20.00 a month = USD 40.00 for the grid customer on cluster 2.
      CreditDecision d = CreditEngine.builder().campaigns(campaign(java.math.BigDecimal.valueOf(2))).build()
          .decide(dev.amends.core.fixtures.Story2007.CUSTOMER_ON_CLUSTER_2,
              dev.amends.core.fixtures.Story2007.DEC_2007_EASTERN);

      assertThat(d.lines()).singleElement().satisfies(l -> assertThat(l.amount()).isEqualTo(Money.parse("USD 40.00")));
    }

    @org.junit.jupiter.api.Test
    void aNegativeCarriedInCreditIsRefused() {
      assertThatThrownBy(() -> new CarriedCredit("sub-1", "sla", "sla/cap", Money.parse("USD -5.00")))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("carried.amount");
            assertThat(e.value()).contains("USD -5.00");
          });
    }

    @org.junit.jupiter.api.Test
    void anEvaluationInstantBeforeThePeriodIsRefused() {
      assertThatThrownBy(() -> DecisionRequest.builder().account(RuleFixtures.ACCOUNT_USD_20)
          .period(RuleFixtures.JUNE_2024_UTC).evaluatedAt(Instant.parse("2024-05-31T23:59:59Z")).build())
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("request.evaluatedAt");
            assertThat(e.value()).contains("2024-05-31T23:59:59Z");
          });
    }

    @org.junit.jupiter.api.Test
    void aClaimForASubscriptionTheAccountDoesNotHaveIsRefused() {
      DecisionRequest request = DecisionRequest.builder().account(RuleFixtures.ACCOUNT_USD_20)
          .period(RuleFixtures.JUNE_2024_UTC)
          .addClaims(Claim.builder().id("CLM-1").subscriptionId("sub-9").filedAt(Instant.parse("2024-06-11T00:00:00Z"))
              .build())
          .build();

      assertThatThrownBy(() -> RuleFixtures.engine(ten).decide(request))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("request.claims[0].subscriptionId");
            assertThat(e.value()).contains("sub-9");
          });
    }

    @org.junit.jupiter.api.Test
    void aGrantOfAMillionMonthsIsRefused() {
      assertThatThrownBy(() -> campaign(java.math.BigDecimal.valueOf(1_000_000)))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("free.count");
            assertThat(e.getMessage()).contains("at most 120");
          });
    }

    @org.junit.jupiter.api.Test
    void aGrantAboveTheCampaignsReviewLimitIsFlagged() {
      // 100 months at USD 20.00 = USD 2,000.00, above the campaign's limit of USD 500.00.
      CreditDecision d = CreditEngine.builder()
          .campaigns(campaign(java.math.BigDecimal.valueOf(100), Money.parse("USD 500.00"))).build()
          .decide(dev.amends.core.fixtures.Story2007.CUSTOMER_ON_CLUSTER_2,
              dev.amends.core.fixtures.Story2007.DEC_2007_EASTERN);

      assertThat(d.lines()).singleElement().satisfies(l -> assertThat(l.amount()).isEqualTo(Money.parse("USD 2000.00")));
      assertThat(d.flags()).contains(DecisionFlag.NEEDS_REVIEW);
      assertThat(d.warnings()).contains("campaign goodwill grants USD 2000.00 to sub-c2, above its review limit USD 500.00");
    }
  }

  // ---- end of section: issue 15 probes (rules) -----------------------------------------------
}
