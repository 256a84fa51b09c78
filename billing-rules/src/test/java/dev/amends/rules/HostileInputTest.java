package dev.amends.rules;

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

    private static void assertRejected(ThrowingCallable code, String field, String rule, String value) {
      assertThatThrownBy(code).isInstanceOfSatisfying(InvalidInputException.class, e -> {
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.rule()).isEqualTo(rule);
        assertThat(e.value()).isEqualTo(value);
        assertThat(e).hasMessage(field + " " + rule + ": " + value);
      });
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



  // ---- end of section: measurement, telemetry and time ---------------------------------------


  // ---- section: decimals, rounding, ids, rule trees, keys ------------------------------------



  // ---- end of section: decimals, rounding, ids, rule trees, keys -----------------------------


  // ---- section: accounts, standing, outages, days of service ---------------------------------



  // ---- end of section: accounts, standing, outages, days of service --------------------------


  // ---- section: periods, placements, grants, policy windows ----------------------------------



  // ---- end of section: periods, placements, grants, policy windows ---------------------------
}
