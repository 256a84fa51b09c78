package dev.amends.testkit;

import static dev.amends.testkit.AmendsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Standing;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.money.Rounding;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.time.BillingCycle;
import dev.amends.rules.CapLimit;
import dev.amends.rules.ClaimDeadline;
import dev.amends.rules.Conditions;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** Scenarios state facts as a user would write them, and refuse bad ones by name. */
class ScenarioTest {
  /** 5 % of the fee per started 30 minutes, capped at the fee. */
  static final RuleNode PER_HALF_HOUR = Rules.cap("sla", CapLimit.percentOfFee(new BigDecimal("100")),
      Rules.perBlock("per-half-hour", Duration.ofMinutes(30), new BigDecimal("5"), Rules.BlockCount.STARTED));

  static Policy policy(RuleNode rule, MeasurementRules measurement) {
    return Policy.builder().id("p").version(1).effectiveFrom(Instant.EPOCH).measurementRules(measurement)
        .rule(rule).rounding(Rounding.of(RoundingMode.HALF_UP)).build();
  }

  static final Policy SLA = policy(PER_HALF_HOUR, MeasurementRules.defaults());
  static final Policy BY_TELEMETRY = policy(PER_HALF_HOUR,
      MeasurementRules.builder().source(Measurement.Source.TELEMETRY).build());

  /** USD 20.00 a month on api, June 2024 in UTC, judged by telemetry. */
  static final Scenario API_JUNE = Scenario.account("acct-1")
      .subscription("sub-1", s -> s.monthly("USD 20.00").on("api"))
      .period(YearMonth.of(2024, 6));

  /** USD 20.00 a month on grid/cluster-2, June 2024 in UTC. */
  static final Scenario JUNE = Scenario.account("acct-1")
      .subscription("sub-1", s -> s.monthly("USD 20.00").on("grid/cluster-2"))
      .period(YearMonth.of(2024, 6));

  @Test
  void anOutageOnTheServiceReachesAPlacementOnANode() {
    CreditDecision d = JUNE
        .subscription("sub-2", s -> s.monthly("USD 20.00").on("grid/cluster-2/node-7"))
        .subscription("sub-3", s -> s.monthly("USD 20.00").on("api"))
        .outage("OUT-1", o -> o.on("grid").from("2024-06-10T10:00").lasting(Duration.ofMinutes(45)))
        .decideWith(SLA);

    // 45 min is 2 started half hours: 10 % of USD 20.00 = USD 2.00, for each grid placement
    assertThat(d).hasLine("sub-1", "per-half-hour").withAmount("USD 2.00").restsOn("OUT-1")
        .and().hasLine("sub-2", "per-half-hour").withAmount("USD 2.00")
        .and().hasLineCount(2).hasTotal("USD 4.00");
  }

  @Test
  void degradedServiceAndExcludedCausesCountOnlyWhenThePolicySaysSo() {
    Scenario s = JUNE
        .outage("SLOW", o -> o.on("grid/cluster-2").from("2024-06-10T10:00").until("2024-06-10T11:00").degraded())
        .outage("UPSTREAM", o -> o.on("grid").from("2024-06-12T10:00").until("2024-06-12T10:20")
            .cause(Cause.THIRD_PARTY));

    // by default degraded does not count; the third party's 20 min does: 1 block, USD 1.00
    assertThat(s.decideWith(SLA)).hasLine("per-half-hour").withAmount("USD 1.00").restsOn("UPSTREAM");
    // degraded counts, third party excluded: 60 min = 2 blocks, USD 2.00
    assertThat(s.decideWith(policy(PER_HALF_HOUR, MeasurementRules.builder().degradedCounts(true)
        .addExcludedCauses(Cause.THIRD_PARTY).build())))
        .hasLine("per-half-hour").withAmount("USD 2.00").restsOn("SLOW");
  }

  @Test
  void aYearlyPriceIsValuedPerMonth() {
    CreditDecision d = Scenario.account("acct-1").currency("USD")
        .subscription("sub-1", s -> s.yearly("240.00").on("grid"))
        .outage("OUT-1", o -> o.on("grid").from("2024-06-10T10:00").lasting(Duration.ofMinutes(10)))
        .period(YearMonth.of(2024, 6))
        .decideWith(SLA);

    // a USD 240.00 yearly price billed by calendar month is USD 240.00 / 12 = USD 20.00 for June;
    // 1 started block is 5 % of it = USD 1.00
    assertThat(d).hasLine("per-half-hour").withAmount("USD 1.00")
        .withReasonContaining("5 % of USD 20.00");
  }

  @Test
  void anAnnualBillingCycleDecidesTheWholeYear() {
    CreditDecision d = Scenario.account("acct-1").zone("Europe/Berlin").billedEvery(BillingCycle.ANNUAL)
        .subscription("sub-1", s -> s.yearly("EUR 240.00").on("grid"))
        .outage("OUT-1", o -> o.on("grid").from("2024-06-10T10:00").lasting(Duration.ofMinutes(31)))
        .period(YearMonth.of(2024, 1))
        .decideWith(SLA);

    // the 2024 period is the whole year; 31 min = 2 blocks = 10 % of EUR 240.00 = EUR 24.00
    assertThat(d).hasLine("per-half-hour").withAmount("EUR 24.00").and().hasTotals("EUR 24.00");
    assertThat(d.period().label()).isEqualTo("2024-01-01/2025-01-01");
  }

  @Test
  void anniversaryBillingClampsToShortMonths() {
    Scenario s = Scenario.account("acct-1").billedEvery(BillingCycle.MONTHLY, "2024-01-31")
        .subscription("sub-1", sub -> sub.monthly("USD 20.00").on("grid"))
        .period(YearMonth.of(2024, 2));

    // anchored on the 31st: February's period starts on the 29th (2024 is a leap year) and runs to 31 March
    assertThat(s.request().period().label()).isEqualTo("2024-02-29/2024-03-31");
  }

  @Test
  void standingAndCustomerSinceReachTheConditions() {
    Policy loyal = policy(Rules.when("loyal-and-good",
        Conditions.all(Conditions.customerSinceOnOrBefore(LocalDate.of(2010, 1, 1)), Conditions.inGoodStandingAtIncident()),
        PER_HALF_HOUR), MeasurementRules.defaults());
    Scenario down = JUNE.customerSince("2006-01-01")
        .outage("OUT-1", o -> o.on("grid").from("2024-06-10T10:00").lasting(Duration.ofMinutes(20)));

    // good standing at the end of the outage, a customer since 2006: 1 block, USD 1.00
    assertThat(down.decideWith(loyal)).hasLine("per-half-hour").withAmount("USD 1.00");
    // overdue since 1 June: not in good standing at the incident, no credit
    assertThat(down.standing(Standing.overdueSince(Instant.parse("2024-06-01T00:00:00Z"))).decideWith(loyal))
        .hasNoLines().hasTraceNode("sub-1", "loyal-and-good").wasNotMet();
    // a customer only since 2015: no credit
    assertThat(down.customerSince("2015-01-01").decideWith(loyal)).hasNoLines();
  }

  @Test
  void aClaimFiledInTimeIsHonouredAndALateOneIsNot() {
    Policy claimed = policy(Rules.requiresClaim("claimed", ClaimDeadline.daysAfterIncident(5), PER_HALF_HOUR),
        MeasurementRules.defaults());
    Scenario down = JUNE.outage("OUT-1", o -> o.on("grid").from("2024-06-10T10:00").lasting(Duration.ofMinutes(20)));

    assertThat(down.claim("CLM-1", "2024-06-12T09:00").decideWith(claimed))
        .hasLine("per-half-hour").withAmount("USD 1.00");
    assertThat(down.claim("CLM-1", "2024-06-30T09:00", "sub-1").decideWith(claimed)).hasNoLines();
    assertThat(down.decideWith(claimed)).hasNoLines();
  }

  @Test
  void telemetryDefinesDowntimeWhenThePolicyMeasuresIt() {
    Scenario api = API_JUNE
        .telemetry("api", "2024-06-01", "2024-06-10T10:00", Duration.ofMinutes(5), 10_000, 10_000)
        .telemetry("api", "2024-06-10T10:00", "2024-06-10T10:40", Duration.ofMinutes(1), 9_000, 10_000)
        .telemetry("api", "2024-06-10T10:40", "2024-07-01", Duration.ofMinutes(5), 10_000, 10_000);

    // 40 one-minute samples at 10 % errors (> 5 %) are 40 min down: 2 started blocks, USD 2.00
    assertThat(api.decideWith(BY_TELEMETRY)).hasLine("per-half-hour").withAmount("USD 2.00").and().hasNoFlags();
  }

  @Test
  void missingTelemetryIsFlaggedNotGuessed() {
    CreditDecision d = API_JUNE
        .telemetry("api", "2024-06-01", "2024-06-20", Duration.ofHours(1), 10_000, 10_000)
        .decideWith(BY_TELEMETRY);

    assertThat(d).hasNoLines().hasOnlyFlags(DecisionFlag.MISSING_TELEMETRY).hasWarningContaining("sub-1");
  }

  @Test
  void announcedMaintenanceIsMaintenanceWithItsAnnouncement() {
    var outage = JUNE.outage("M", o -> o.on("grid").from("2024-06-10T00:00").until("2024-06-10T03:00")
        .announcedMaintenance("2024-06-01T00:00", "2024-06-10T00:00", "2024-06-10T02:00")).outageLog().all().get(0);

    assertThat(outage.kind()).isEqualTo(OutageKind.MAINTENANCE);
    assertThat(outage.announcement().orElseThrow().notice()).isEqualTo(Duration.ofDays(9));
  }

  @Test
  void aScenarioIsImmutable() {
    Scenario withOutage = JUNE.outage("OUT-1", o -> o.on("grid").from("2024-06-10T10:00").lasting(Duration.ofMinutes(5)));

    assertThat(JUNE.outageLog().all()).isEmpty();
    assertThat(withOutage.outageLog().all()).hasSize(1);
    assertThat(JUNE.account().currency()).isEqualTo(CurrencyUnit.USD);
  }

  @Test
  void anEngineOfYourOwnMustNotMissTheScenariosOutages() {
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(SLA)).build();
    Scenario s = JUNE.outage("OUT-1", o -> o.on("grid").from("2024-06-10T10:00").lasting(Duration.ofMinutes(5)));

    assertThatThrownBy(() -> s.decideWith(engine))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.outages are not seen by decideWith(CreditEngine)")
        .hasMessageContaining("[OUT-1]");
    assertThat(JUNE.decideWith(CreditEngine.builder().policies(PolicyBook.of(SLA)).outages(s.outageLog()).build()))
        .hasLine("per-half-hour").withAmount("USD 1.00");
  }

}
