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
}
