package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.amends.core.measure.MeasurementRules;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

class PolicyTest {
  @Test
  void rejectsDuplicateNodeIdsAndABadTierTableListingEveryProblem() {
    RuleNode tree = Rules.sum("root",
        Fixed.credit("a", "1.00"),
        Rules.sum("inner", Fixed.credit("a", "2.00")),
        Rules.availabilityTiers("tiers", Tier.range("0", "95", "100"), Tier.range("96", "99.9", "10")));

    PolicyDefinitionException e = catchThrowableOfType(PolicyDefinitionException.class,
        () -> policyBuilder("p", tree, HALF_UP).version(0).build());

    assertThat(e.problems()).containsExactlyInAnyOrder(
        "policy.version must be at least 1: 0",
        "root/inner/a repeats the node id \"a\" of root/a",
        "root/tiers.tiers have a gap between [0, 95) and [96, 99.9)");
    assertThat(e.getMessage()).startsWith("policy p v0 is invalid:").contains("root/inner/a").contains("root/a");
  }

  @Test
  void rejectsARepeatedIdAcrossBranches() {
    RuleNode tree = Rules.firstMatch("root",
        Rules.when("w", Conditions.planIn("grid"), Fixed.credit("x", "1.00")),
        Rules.cap("c", CapLimit.amount(usd("5.00")), Fixed.credit("w", "1.00")));

    PolicyDefinitionException e = catchThrowableOfType(PolicyDefinitionException.class, () -> policy("p", tree));

    assertThat(e.problems()).containsExactly("root/c/w repeats the node id \"w\" of root/w");
  }

  @Test
  void showsTheWindowInForceAsMessagesDo() {
    Policy open = sla(b -> b.effectiveFrom(java.time.Instant.parse("2007-01-01T05:00:00Z")), "10");
    Policy closed = sla(b -> b.effectiveFrom(java.time.Instant.parse("2007-01-01T05:00:00Z"))
        .effectiveUntil(java.time.Instant.parse("2008-01-01T05:00:00Z")), "10");

    assertThat(open.effectiveText()).isEqualTo("2007-01-01T05:00:00Z/open-ended");
    assertThat(closed.effectiveText()).isEqualTo("2007-01-01T05:00:00Z/2008-01-01T05:00:00Z");
    assertThat(closed).hasToString("sla v1 2007-01-01T05:00:00Z/2008-01-01T05:00:00Z");
  }

  static Policy sla(UnaryOperator<Policy.Builder> change, String tenPercent) {
    RuleNode tree = Rules.availabilityTiers("tiers", Tier.range("99.0", "99.9", tenPercent), Tier.range("0", "99.0", "25"));
    Policy.Builder b = policyBuilder("sla", tree, HALF_UP)
        .measurementRules(MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).build());
    return change.apply(b).build();
  }

  @Test
  void keepsTheDigestAcrossIdenticalBuilds() {
    Policy first = sla(b -> b, "10");
    Policy second = sla(b -> b, "10");

    assertThat(second.digest()).isEqualTo(first.digest()).startsWith("sha256:").hasSize(7 + 64);
    assertThat(second.canonical()).isEqualTo(first.canonical());
  }

  @Test
  void changesTheDigestWhenAnyTermChanges() {
    String base = sla(b -> b, "10").digest();

    assertThat(sla(b -> b, "11").digest()).as("tier value").isNotEqualTo(base);
    assertThat(sla(b -> b.rounding(HALF_EVEN), "10").digest()).as("rounding mode").isNotEqualTo(base);
    assertThat(sla(b -> b.measurementRules(MeasurementRules.builder().maintenanceNotice(Duration.ofHours(48)).build()),
        "10").digest()).as("maintenance notice").isNotEqualTo(base);
    assertThat(sla(b -> b.addMinimumCredit(usd("1.00")), "10").digest()).as("minimum credit").isNotEqualTo(base);
    assertThat(sla(b -> b.allowsClawback(true), "10").digest()).as("clawback").isNotEqualTo(base);
  }

  @Test
  void changesTheDigestForStandingWindowsAndMissingTelemetry() {
    String base = sla(b -> b, "10").digest();
    dev.amends.core.measure.MaintenanceWindow sundays = dev.amends.core.measure.MaintenanceWindow.weekly(
        java.time.DayOfWeek.SUNDAY, java.time.LocalTime.of(1, 0), java.time.LocalTime.of(4, 0),
        java.time.ZoneId.of("America/New_York"));

    assertThat(sla(b -> b.measurementRules(MeasurementRules.builder().addStandingWindows(sundays).build()), "10")
        .digest()).as("standing window").isNotEqualTo(base);
    assertThat(sla(b -> b.measurementRules(MeasurementRules.builder()
        .addStandingWindows(sundays.excludingAllDowntime()).build()), "10").digest())
        .as("standing window excluding all downtime")
        .isNotEqualTo(sla(b -> b.measurementRules(MeasurementRules.builder().addStandingWindows(sundays).build()),
            "10").digest());
    assertThat(sla(b -> b.measurementRules(MeasurementRules.builder().telemetry(
        dev.amends.core.measure.TelemetryRules.builder()
            .missingData(dev.amends.core.measure.TelemetryRules.MissingData.GOOD).build()).build()), "10").digest())
        .as("missing telemetry good").isNotEqualTo(base);
  }

  @Test
  void recordsItsDigestOnEveryLine() {
    Policy p = policy("p", Fixed.credit("a", "2.00"));

    CreditDecision d = engine(p, OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(d.lines()).singleElement().extracting(CreditLine::policyDigest).isEqualTo(p.digest());
  }

  @Test
  void doesNotIssueALineOfExactlyTheMinimumCredit() {
    Policy p = policyBuilder("p", Fixed.credit("a", "1.00"), HALF_UP).addMinimumCredit(usd("1.00")).build();

    CreditDecision d = engine(p, OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(d.lines()).isEmpty();
    assertThat(d.warnings()).containsExactly(
        "a for sub-1 gives USD 1.00, not above the minimum credit USD 1.00; no line");
  }

  @Test
  void issuesALineJustAboveTheMinimumCredit() {
    Policy p = policyBuilder("p", Fixed.credit("a", "1.01"), HALF_UP).addMinimumCredit(usd("1.00")).build();

    assertThat(engine(p, OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC).lines())
        .extracting(CreditLine::amount).containsExactly(usd("1.01"));
  }

  @Test
  void comparesTheRoundedLineWithTheMinimumCredit() {
    // 1.004 rounds half-up to 1.00, which is not above 1.00; 1.005 rounds to 1.01, which is
    Policy below = policyBuilder("p", Fixed.credit("a", "1.004"), HALF_UP).addMinimumCredit(usd("1.00")).build();
    Policy above = policyBuilder("p", Fixed.credit("a", "1.005"), HALF_UP).addMinimumCredit(usd("1.00")).build();

    assertThat(engine(below, OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC).lines()).isEmpty();
    assertThat(engine(above, OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC).lines())
        .extracting(CreditLine::amount).containsExactly(usd("1.01"));
  }

  @Test
  void dropsALineThatRoundsToZeroWithAWarning() {
    CreditDecision d = decide(Fixed.credit("a", "0.004"));

    assertThat(d.lines()).isEmpty();
    assertThat(d.warnings()).singleElement().asString().contains("rounds to USD 0.00");
  }

  @Test
  void rejectsTwoMinimumsInOneCurrency() {
    PolicyDefinitionException e = catchThrowableOfType(PolicyDefinitionException.class,
        () -> policyBuilder("p", Fixed.credit("a", "1"), HALF_UP).addMinimumCredit(usd("1.00"), usd("2.00")).build());

    assertThat(e.problems()).containsExactly("policy.minimumCredit has two amounts in " + CurrencyUnit.USD);
  }
}
