package dev.amends.core;

import static dev.amends.core.fixtures.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.account.Account;
import dev.amends.core.account.Price;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Standing;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Contribution;
import dev.amends.core.measure.Exclusion;
import dev.amends.core.measure.ExclusionReason;
import dev.amends.core.measure.Granularity;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.Measurer;
import dev.amends.core.measure.PartialImpact;
import dev.amends.core.measure.TelemetryRules;
import dev.amends.core.money.Allocation;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import dev.amends.core.time.WindowSet;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.threeten.extra.Interval;

/**
 * Every bad input we know of, fed through the public API of billing-core, and the error it gets.
 *
 * <p>Each nested class holds one family of bad inputs. A bad input must end in one of our own
 * exceptions naming the field, the value and the rule it broke: never a bare JDK exception, a
 * hang, a crash, or a silent wrong answer.
 */
class HostileInputTest {

  // ---- section: nulls and generated builders -------------------------------------------------

  /**
   * Null given to a generated builder or a static factory, and builders missing required
   * fields: each raises {@link InvalidInputException} naming {@code <type>.<attribute>} (or the
   * factory's parameter), the value ({@code null} or {@code not set}) and the rule.
   */
  @Nested
  class NullsAndGeneratedBuilders {
    private static final Interval JAN = Interval.of(
        Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"));
    private static final Scope GRID = Scope.of("grid");

    private static Arguments row(String call, ThrowingCallable code, String field) {
      return Arguments.of(call, code, field);
    }

    static Stream<Arguments> nullSetters() {
      return Stream.of(
          row("Account.builder().id(null)", () -> Account.builder().id(null), "account.id"),
          row("Account.builder().currency(null)", () -> Account.builder().currency(null), "account.currency"),
          row("Account.builder().zone(null)", () -> Account.builder().zone(null), "account.zone"),
          row("Account.builder().billing(null)", () -> Account.builder().billing(null), "account.billing"),
          row("Account.builder().standing(null)", () -> Account.builder().standing(null), "account.standing"),
          row("Account.builder().customerSince((LocalDate) null)",
              () -> Account.builder().customerSince((LocalDate) null), "account.customerSince"),
          row("Account.builder().from(null)", () -> Account.builder().from(null), "account.instance"),
          row("Subscription.builder().id(null)", () -> Subscription.builder().id(null), "subscription.id"),
          row("Subscription.builder().plan(null)", () -> Subscription.builder().plan(null), "subscription.plan"),
          row("Subscription.builder().prices(null)",
              () -> Subscription.builder().prices(null), "subscription.prices"),
          row("Subscription.builder().active((Interval) null)",
              () -> Subscription.builder().active((Interval) null), "subscription.active"),
          row("Outage.builder().id(null)", () -> Outage.builder().id(null), "outage.id"),
          row("Outage.builder().window((Interval) null)",
              () -> Outage.builder().window((Interval) null), "outage.window"),
          row("Outage.builder().kind(null)", () -> Outage.builder().kind(null), "outage.kind"),
          row("Outage.builder().announcement((Announcement) null)",
              () -> Outage.builder().announcement((Announcement) null), "outage.announcement"),
          row("Outage.builder().impact(null)", () -> Outage.builder().impact(null), "outage.impact"),
          row("Outage.builder().cause(null)", () -> Outage.builder().cause(null), "outage.cause"),
          row("Outage.builder().reportedAt((Instant) null)",
              () -> Outage.builder().reportedAt((Instant) null), "outage.reportedAt"),
          row("MeasurementRules.builder().maintenanceNotice((Duration) null)",
              () -> MeasurementRules.builder().maintenanceNotice((Duration) null),
              "measurementRules.maintenanceNotice"),
          row("MeasurementRules.builder().maintenanceBudget((Duration) null)",
              () -> MeasurementRules.builder().maintenanceBudget((Duration) null),
              "measurementRules.maintenanceBudget"),
          row("MeasurementRules.builder().minimumDowntime(null)",
              () -> MeasurementRules.builder().minimumDowntime(null), "measurementRules.minimumDowntime"),
          row("MeasurementRules.builder().granularity(null)",
              () -> MeasurementRules.builder().granularity(null), "measurementRules.granularity"),
          row("MeasurementRules.builder().countFrom(null)",
              () -> MeasurementRules.builder().countFrom(null), "measurementRules.countFrom"),
          row("MeasurementRules.builder().partialImpact(null)",
              () -> MeasurementRules.builder().partialImpact(null), "measurementRules.partialImpact"),
          row("MeasurementRules.builder().denominator(null)",
              () -> MeasurementRules.builder().denominator(null), "measurementRules.denominator"),
          row("MeasurementRules.builder().source(null)",
              () -> MeasurementRules.builder().source(null), "measurementRules.source"),
          row("MeasurementRules.builder().telemetry(null)",
              () -> MeasurementRules.builder().telemetry(null), "measurementRules.telemetry"),
          row("TelemetryRules.builder().method(null)",
              () -> TelemetryRules.builder().method(null), "telemetryRules.method"),
          row("TelemetryRules.builder().errorThreshold(null)",
              () -> TelemetryRules.builder().errorThreshold(null), "telemetryRules.errorThreshold"),
          row("TelemetryRules.builder().emptyInterval(null)",
              () -> TelemetryRules.builder().emptyInterval(null), "telemetryRules.emptyInterval"),
          row("Measurement.builder().subscriptionId(null)",
              () -> Measurement.builder().subscriptionId(null), "measurement.subscriptionId"),
          row("Measurement.builder().period(null)", () -> Measurement.builder().period(null), "measurement.period"),
          row("Measurement.builder().measuredWindow((Interval) null)",
              () -> Measurement.builder().measuredWindow((Interval) null), "measurement.measuredWindow"),
          row("Measurement.builder().source(null)", () -> Measurement.builder().source(null), "measurement.source"),
          row("Measurement.builder().counted(null)",
              () -> Measurement.builder().counted(null), "measurement.counted"),
          row("Measurement.builder().downtime(null)",
              () -> Measurement.builder().downtime(null), "measurement.downtime"),
          row("Measurement.builder().denominator(null)",
              () -> Measurement.builder().denominator(null), "measurement.denominator"),
          row("Measurement.builder().availability(null)",
              () -> Measurement.builder().availability(null), "measurement.availability"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullSetters")
    void generatedSetterRejectsNullNamingTheAttribute(String call, ThrowingCallable code, String field) {
      assertRejected(code, field, "is required", "null");
    }

    static Stream<Arguments> nullElements() {
      return Stream.of(
          row("Account.builder().addTags((String) null)",
              () -> Account.builder().addTags((String) null), "account.tags"),
          row("Account.builder().addSubscriptions((Subscription) null)",
              () -> Account.builder().addSubscriptions((Subscription) null), "account.subscriptions"),
          row("Account.builder().addAllTags(Arrays.asList(\"a\", null))",
              () -> Account.builder().addAllTags(Arrays.asList("a", null)), "account.tags"),
          row("Subscription.builder().addPlacements((Scope) null)",
              () -> Subscription.builder().addPlacements((Scope) null), "subscription.placements"),
          row("Subscription.builder().addPlacements(GRID, null)",
              () -> Subscription.builder().addPlacements(GRID, null), "subscription.placements"),
          row("Subscription.builder().addTags((String) null)",
              () -> Subscription.builder().addTags((String) null), "subscription.tags"),
          row("Outage.builder().addScopes((Scope) null)",
              () -> Outage.builder().addScopes((Scope) null), "outage.scopes"),
          row("Outage.builder().scopes(Arrays.asList(GRID, null))",
              () -> Outage.builder().scopes(Arrays.asList(GRID, null)), "outage.scopes"),
          row("Outage.builder().addTags((String) null)",
              () -> Outage.builder().addTags((String) null), "outage.tags"),
          row("MeasurementRules.builder().addExcludedCauses((Cause) null)",
              () -> MeasurementRules.builder().addExcludedCauses((Cause) null), "measurementRules.excludedCauses"),
          row("Measurement.builder().addExclusions((Exclusion) null)",
              () -> Measurement.builder().addExclusions((Exclusion) null), "measurement.exclusions"),
          row("Measurement.builder().addContributions((Contribution) null)",
              () -> Measurement.builder().addContributions((Contribution) null), "measurement.contributions"),
          row("Measurement.builder().addOutageIds((String) null)",
              () -> Measurement.builder().addOutageIds((String) null), "measurement.outageIds"),
          row("Measurement.builder().addNotes((String) null)",
              () -> Measurement.builder().addNotes((String) null), "measurement.notes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullElements")
    void generatedElementAdderRejectsNullNamingTheCollection(String call, ThrowingCallable code, String field) {
      assertRejected(code, field, "must not contain null", "null");
    }

    static Stream<Arguments> missingRequired() {
      return Stream.of(
          row("Account.builder().build()", () -> Account.builder().build(),
              "account.id, account.currency, account.zone"),
          row("Account.builder().id(\"acct-1\").currency(USD).build()",
              () -> Account.builder().id("acct-1").currency(CurrencyUnit.USD).build(), "account.zone"),
          row("Subscription.builder().build()", () -> Subscription.builder().build(),
              "subscription.id, subscription.plan, subscription.prices, subscription.active"),
          row("Subscription.builder().id(\"sub-1\").plan(\"grid\").build()",
              () -> Subscription.builder().id("sub-1").plan("grid").build(),
              "subscription.prices, subscription.active"),
          row("Outage.builder().build()", () -> Outage.builder().build(), "outage.id, outage.window"),
          row("Outage.builder().id(\"INC-1\").addScopes(GRID).build()",
              () -> Outage.builder().id("INC-1").addScopes(GRID).build(), "outage.window"),
          row("Measurement.builder().build()", () -> Measurement.builder().build(),
              "measurement.subscriptionId, measurement.period, measurement.downtime, measurement.denominator, "
                  + "measurement.availability"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingRequired")
    void builderWithoutRequiredFieldsNamesEveryMissingOne(String call, ThrowingCallable code, String fields) {
      assertRejected(code, fields, fields.contains(",") ? "are required" : "is required", "not set");
    }

    static Stream<Arguments> nullFactoryArguments() {
      Money ten = Money.of(CurrencyUnit.USD, BigDecimal.TEN);
      return Stream.of(
          row("Scope.of(null)", () -> Scope.of(null), "scope"),
          row("WindowSet.of((Interval) null)", () -> WindowSet.of((Interval) null), "window"),
          row("WindowSet.of((Collection) null)", () -> WindowSet.of((Collection<Interval>) null), "windows"),
          row("WindowSet.of(Arrays.asList(JAN, null))", () -> WindowSet.of(Arrays.asList(JAN, null)), "windows[1]"),
          row("Ratio.of(null, ONE)", () -> Ratio.of(null, BigInteger.ONE), "ratio.numerator"),
          row("Ratio.of(ONE, null)", () -> Ratio.of(BigInteger.ONE, null), "ratio.denominator"),
          row("Ratio.of((BigDecimal) null)", () -> Ratio.of((BigDecimal) null), "ratio.value"),
          row("Ratio.percent(null)", () -> Ratio.percent(null), "ratio.percent"),
          row("Ratio.of(null, 1 h)", () -> Ratio.of(null, Duration.ofHours(1)), "ratio.part"),
          row("Ratio.of(1 h, null)", () -> Ratio.of(Duration.ofHours(1), null), "ratio.whole"),
          row("Rounding.of(null)", () -> Rounding.of(null), "rounding.mode"),
          row("Rounding.of(HALF_UP, null)", () -> Rounding.of(RoundingMode.HALF_UP, null), "rounding.increment"),
          row("Rounding.of(null, 0.01)",
              () -> Rounding.of(null, new BigDecimal("0.01")), "rounding.mode"),
          row("ExactMoney.of(null, ONE)", () -> ExactMoney.of(null, Ratio.ONE), "currency"),
          row("ExactMoney.of(USD, null)", () -> ExactMoney.of(CurrencyUnit.USD, null), "amount"),
          row("ExactMoney.of((Money) null)", () -> ExactMoney.of((Money) null), "money"),
          row("ExactMoney.of((BigMoney) null)", () -> ExactMoney.of((BigMoney) null), "money"),
          row("ExactMoney.zero(null)", () -> ExactMoney.zero(null), "currency"),
          row("Allocation.allocate(null, [1])", () -> Allocation.allocate(null, List.of(Ratio.ONE)), "total"),
          row("Allocation.allocate(ten, null)", () -> Allocation.allocate(ten, null), "weights"),
          row("BillingPeriod.of(null, ...)",
              () -> BillingPeriod.of(null, LocalDate.of(2024, 2, 1), ZoneOffset.UTC, 1), "period.start"),
          row("BillingPeriod.of(..., null, ...)",
              () -> BillingPeriod.of(LocalDate.of(2024, 1, 1), null, ZoneOffset.UTC, 1), "period.end"),
          row("BillingPeriod.of(..., null zone, ...)",
              () -> BillingPeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1), null, 1), "period.zone"),
          row("BillingPeriod.month(null, UTC)", () -> BillingPeriod.month(null, ZoneOffset.UTC), "period.month"),
          row("BillingPeriod.month(2024-01, null)",
              () -> BillingPeriod.month(YearMonth.of(2024, 1), null), "period.zone"),
          row("BillingSchedule.calendar(null, UTC)",
              () -> BillingSchedule.calendar(null, ZoneOffset.UTC), "schedule.cycle"),
          row("BillingSchedule.monthly(null)", () -> BillingSchedule.monthly(null), "schedule.zone"),
          row("BillingSchedule.anniversary(MONTHLY, null, UTC)",
              () -> BillingSchedule.anniversary(BillingCycle.MONTHLY, null, ZoneOffset.UTC), "schedule.anchor"),
          row("Price.monthly(null, ten)", () -> Price.monthly(null, ten), "price.effectiveFrom"),
          row("Price.of(2024-01-01, ten, null)",
              () -> Price.of(LocalDate.of(2024, 1, 1), ten, null), "price.per"),
          row("PriceSchedule.of((Price) null)", () -> PriceSchedule.of((Price) null), "price"),
          row("PriceSchedule.of((List) null)", () -> PriceSchedule.of((List<Price>) null), "prices"),
          row("PriceSchedule.monthly(null)", () -> PriceSchedule.monthly(null), "price.amount"),
          row("Standing.overdueSince(null)", () -> Standing.overdueSince(null), "standing.since"),
          row("Standing.suspendedSince(null)", () -> Standing.suspendedSince(null), "standing.since"),
          row("Standing.closedSince(null)", () -> Standing.closedSince(null), "standing.since"),
          row("Announcement.of(null, JAN)", () -> Announcement.of(null, JAN), "announcement.announcedAt"),
          row("Announcement.of(now, null)",
              () -> Announcement.of(Instant.parse("2024-01-01T00:00:00Z"), null), "announcement.window"),
          row("OutageLog.of(null)", () -> OutageLog.of(null), "outages"),
          row("TelemetryLog.of(null)", () -> TelemetryLog.of(null), "samples"),
          row("TelemetrySample.ofCounts(null, JAN, 1, 1)",
              () -> TelemetrySample.ofCounts(null, JAN, 1, 1), "telemetry.scope"),
          row("TelemetrySample.ofCounts(GRID, null, 1, 1)",
              () -> TelemetrySample.ofCounts(GRID, null, 1, 1), "telemetry.window"),
          row("TelemetrySample.ofErrorRate(GRID, JAN, null)",
              () -> TelemetrySample.ofErrorRate(GRID, JAN, null), "telemetry.errorRate"),
          row("Measurer.of(null)", () -> Measurer.of(null), "rules"),
          row("PartialImpact.atLeast(null)", () -> PartialImpact.atLeast(null), "partialImpact.threshold"),
          row("Granularity.startedSlices(null)", () -> Granularity.startedSlices(null), "granularity.slice"),
          row("Granularity.completedSlices(null)", () -> Granularity.completedSlices(null), "granularity.slice"),
          row("new Exclusion(null, ...)",
              () -> new Exclusion(null, ExclusionReason.ANNOUNCED_MAINTENANCE, List.of(), ""), "exclusion.windows"),
          row("new Exclusion(..., null reason, ...)",
              () -> new Exclusion(WindowSet.empty(), null, List.of(), ""), "exclusion.reason"),
          row("new Exclusion(..., null outageIds, ...)",
              () -> new Exclusion(WindowSet.empty(), ExclusionReason.ANNOUNCED_MAINTENANCE, null, ""),
              "exclusion.outageIds"),
          row("new Exclusion(..., null detail)",
              () -> new Exclusion(WindowSet.empty(), ExclusionReason.ANNOUNCED_MAINTENANCE, List.of(), null),
              "exclusion.detail"),
          row("new Contribution(null, ...)",
              () -> new Contribution(null, WindowSet.empty(), Duration.ZERO), "contribution.outageId"),
          row("new Contribution(..., null counted, ...)",
              () -> new Contribution("INC-1", null, Duration.ZERO), "contribution.counted"),
          row("new Contribution(..., null attributed)",
              () -> new Contribution("INC-1", WindowSet.empty(), null), "contribution.attributed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullFactoryArguments")
    void staticFactoryRejectsNullNamingTheParameter(String call, ThrowingCallable code, String field) {
      assertRejected(code, field, "is required", "null");
    }
  }

  // ---- end of section: nulls and generated builders ------------------------------------------


  // ---- section: measurement, telemetry and time ----------------------------------------------

  /** Nulls and bad values given to window sets, look-ups and the measurer. */
  @org.junit.jupiter.api.Nested
  class MeasurementTelemetryAndTime {
    private static final org.threeten.extra.Interval JUNE = org.threeten.extra.Interval.of(
        java.time.Instant.parse("2024-06-01T00:00:00Z"), java.time.Instant.parse("2024-07-01T00:00:00Z"));

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> nullsToWindowSets() {
      dev.amends.core.time.WindowSet june = dev.amends.core.time.WindowSet.of(JUNE);
      java.util.List<org.threeten.extra.Interval> withNull = new java.util.ArrayList<>();
      withNull.add(JUNE);
      withNull.add(null);
      return java.util.stream.Stream.of(
          org.junit.jupiter.params.provider.Arguments.of("window",
              (Runnable) () -> dev.amends.core.time.WindowSet.of((org.threeten.extra.Interval) null)),
          org.junit.jupiter.params.provider.Arguments.of("windows",
              (Runnable) () -> dev.amends.core.time.WindowSet.of(
                  (java.util.Collection<org.threeten.extra.Interval>) null)),
          org.junit.jupiter.params.provider.Arguments.of("windows[1]",
              (Runnable) () -> dev.amends.core.time.WindowSet.of(withNull)),
          org.junit.jupiter.params.provider.Arguments.of("other", (Runnable) () -> june.union(null)),
          org.junit.jupiter.params.provider.Arguments.of("other",
              (Runnable) () -> june.intersection((dev.amends.core.time.WindowSet) null)),
          org.junit.jupiter.params.provider.Arguments.of("window",
              (Runnable) () -> june.intersection((org.threeten.extra.Interval) null)),
          org.junit.jupiter.params.provider.Arguments.of("other",
              (Runnable) () -> june.minus((dev.amends.core.time.WindowSet) null)),
          org.junit.jupiter.params.provider.Arguments.of("window",
              (Runnable) () -> june.minus((org.threeten.extra.Interval) null)),
          org.junit.jupiter.params.provider.Arguments.of("instant", (Runnable) () -> june.contains(null)),
          org.junit.jupiter.params.provider.Arguments.of("placements",
              (Runnable) () -> dev.amends.core.outage.OutageLog.empty().affecting(null, JUNE)),
          org.junit.jupiter.params.provider.Arguments.of("window",
              (Runnable) () -> dev.amends.core.outage.OutageLog.empty().affecting(java.util.Set.of(), null)),
          org.junit.jupiter.params.provider.Arguments.of("placements[0]",
              (Runnable) () -> dev.amends.core.outage.OutageLog.empty().affecting(
                  java.util.Collections.singletonList(null), JUNE)));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> nullsToMaintenanceWindows() {
      java.time.LocalTime one = java.time.LocalTime.of(1, 0);
      java.time.LocalTime four = java.time.LocalTime.of(4, 0);
      java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
      return java.util.stream.Stream.of(
          org.junit.jupiter.params.provider.Arguments.of("maintenanceWindow.day", (Runnable) () ->
              dev.amends.core.measure.MaintenanceWindow.weekly(null, one, four, ny)),
          org.junit.jupiter.params.provider.Arguments.of("maintenanceWindow.start", (Runnable) () ->
              dev.amends.core.measure.MaintenanceWindow.weekly(java.time.DayOfWeek.SUNDAY, null, four, ny)),
          org.junit.jupiter.params.provider.Arguments.of("maintenanceWindow.end", (Runnable) () ->
              dev.amends.core.measure.MaintenanceWindow.daily(one, null, ny)),
          org.junit.jupiter.params.provider.Arguments.of("maintenanceWindow.zone", (Runnable) () ->
              dev.amends.core.measure.MaintenanceWindow.daily(one, four, null)),
          org.junit.jupiter.params.provider.Arguments.of("within", (Runnable) () ->
              dev.amends.core.measure.MaintenanceWindow.daily(one, four, ny).occurrences(null)));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("nullsToMaintenanceWindows")
    void nullMaintenanceWindowPartIsRejectedByName(String field, Runnable call) {
      org.assertj.core.api.Assertions.assertThatThrownBy(call::run)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(field + " is required: null");
    }

    @org.junit.jupiter.api.Test
    void maintenanceWindowWithEqualStartAndEndIsRejected() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.amends.core.measure.MaintenanceWindow.daily(
              java.time.LocalTime.NOON, java.time.LocalTime.NOON, java.time.ZoneOffset.UTC))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("maintenanceWindow.end must differ from start: start=12:00, end=12:00");
    }

    @org.junit.jupiter.api.Test
    void maintenanceWindowIsNotExpandedOverCenturies() {
      org.threeten.extra.Interval forever = org.threeten.extra.Interval.of(java.time.Instant.EPOCH, java.time.Instant.MAX);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.amends.core.measure.MaintenanceWindow.daily(
              java.time.LocalTime.of(1, 0), java.time.LocalTime.of(4, 0), java.time.ZoneOffset.UTC).occurrences(forever))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("within is longer than 3700 days")
          .hasMessageContaining("1970-01-01T00:00:00Z");
    }

    @org.junit.jupiter.api.Test
    void maintenanceWindowNearTheEndOfTimeIsANamedError() {
      org.threeten.extra.Interval last = org.threeten.extra.Interval.of(
          java.time.Instant.MAX.minusSeconds(86_400), java.time.Instant.MAX);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.amends.core.measure.MaintenanceWindow.daily(
              java.time.LocalTime.of(1, 0), java.time.LocalTime.of(4, 0), java.time.ZoneOffset.UTC).occurrences(last))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("within lies beyond the dates a calendar can hold");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("nullsToWindowSets")
    void nullIsRejectedByName(String field, Runnable call) {
      org.assertj.core.api.Assertions.assertThatThrownBy(call::run)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(field)
          .hasMessageContaining("null");
    }
  }



  // ---- end of section: measurement, telemetry and time ---------------------------------------


  // ---- section: decimals, rounding, ids, rule trees, keys ------------------------------------

  @org.junit.jupiter.api.Nested
  class DecimalsRoundingIds {
    private static final java.time.ZoneId EASTERN = java.time.ZoneId.of("America/New_York");

    private void assertNamed(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String value) {
      org.assertj.core.api.Assertions.assertThatThrownBy(call)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
            org.assertj.core.api.Assertions.assertThat(e.value()).contains(value);
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n");
          });
    }

    @org.junit.jupiter.api.Test
    void ratioOfATinyExponentIsRefusedNotComputedForHours() {
      assertNamed(() -> dev.amends.core.money.Ratio.of(new java.math.BigDecimal("1E-100000000")), "decimal",
          "1E-100000000");
    }

    @org.junit.jupiter.api.Test
    void ratioOfAHugeExponentIsRefusedNotComputedForHours() {
      assertNamed(() -> dev.amends.core.money.Ratio.of(new java.math.BigDecimal("1E+100000000")), "decimal",
          "1E+100000000");
    }

    @org.junit.jupiter.api.Test
    void roundingModeUnnecessaryIsRefused() {
      assertNamed(() -> dev.amends.core.money.Rounding.of(java.math.RoundingMode.UNNECESSARY), "rounding.mode",
          "UNNECESSARY");
    }

    @org.junit.jupiter.api.Test
    void roundingIncrementThatDoesNotDivideAUnitIsRefused() {
      assertNamed(() -> dev.amends.core.money.Rounding.of(java.math.RoundingMode.HALF_UP,
          new java.math.BigDecimal("0.03")), "rounding.increment", "0.03");
    }

    @org.junit.jupiter.api.Test
    void roundingIncrementWithAHugeExponentIsRefused() {
      assertNamed(() -> dev.amends.core.money.Rounding.of(java.math.RoundingMode.HALF_UP,
          new java.math.BigDecimal("1E+100000000")), "rounding.increment", "1E+100000000");
    }

    @org.junit.jupiter.api.Test
    void accountIdWithALineFeedIsRefused() {
      assertNamed(() -> dev.amends.core.account.Account.builder().id("acct-1\nFAKE LINE")
          .currency(org.joda.money.CurrencyUnit.USD).zone(EASTERN).build(), "account.id", "acct-1\\u000aFAKE LINE");
    }

    @org.junit.jupiter.api.Test
    void accountTagWithABidiOverrideIsRefused() {
      assertNamed(() -> dev.amends.core.account.Account.builder().id("acct-1").addTags("vip\u202e")
          .currency(org.joda.money.CurrencyUnit.USD).zone(EASTERN).build(), "account.tags", "vip\\u202e");
    }

    @org.junit.jupiter.api.Test
    void outageIdWithALineSeparatorIsRefused() {
      assertNamed(() -> dev.amends.core.outage.Outage.builder().id("INC-1\u2028rule x credited")
          .addScopes(dev.amends.core.scope.Scope.of("grid"))
          .window(java.time.Instant.parse("2024-06-10T10:00:00Z"), java.time.Instant.parse("2024-06-10T12:00:00Z"))
          .build(), "outage.id", "INC-1\\u2028rule x credited");
    }

    @org.junit.jupiter.api.Test
    void outageTagWithACarriageReturnIsRefused() {
      assertNamed(() -> dev.amends.core.outage.Outage.builder().id("INC-1").addTags("storage\r")
          .addScopes(dev.amends.core.scope.Scope.of("grid"))
          .window(java.time.Instant.parse("2024-06-10T10:00:00Z"), java.time.Instant.parse("2024-06-10T12:00:00Z"))
          .build(), "outage.tags", "storage\\u000d");
    }
  }




  // ---- end of section: decimals, rounding, ids, rule trees, keys -----------------------------


  // ---- section: accounts, standing, outages, days of service ---------------------------------

  // Fully qualified names keep this section's imports out of the shared header (fewer merge conflicts).
  @org.junit.jupiter.api.Nested
  class AccountsStandingOutages {
    private final java.time.Instant jan2006 = java.time.Instant.parse("2006-01-01T05:00:00Z");

    @org.junit.jupiter.api.Test
    void aSubscriptionWithNoPlacementsIsRejectedNamingThePlacements() {
      var unplaced = dev.amends.core.account.Subscription.builder()
          .id("sub-1")
          .plan("grid")
          .prices(dev.amends.core.account.PriceSchedule.monthly(org.joda.money.Money.parse("USD 20.00")))
          .active(jan2006, java.time.Instant.MAX);

      org.assertj.core.api.Assertions.assertThatThrownBy(unplaced::build)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("subscription.placements must not be empty: []");
    }

    @org.junit.jupiter.api.Test
    void anAnnouncementOnAnUnplannedOutageIsRejectedNamingTheKind() {
      var announced = dev.amends.core.outage.Outage.builder()
          .id("INC-1")
          .addScopes(dev.amends.core.scope.Scope.of("grid"))
          .window(java.time.Instant.parse("2024-06-10T10:00:00Z"), java.time.Instant.parse("2024-06-10T12:00:00Z"))
          .kind(dev.amends.core.outage.OutageKind.UNPLANNED)
          .announcement(dev.amends.core.outage.Announcement.of(java.time.Instant.parse("2024-06-01T00:00:00Z"),
              org.threeten.extra.Interval.of(
                  java.time.Instant.parse("2024-06-10T10:00:00Z"), java.time.Instant.parse("2024-06-10T12:00:00Z"))));

      org.assertj.core.api.Assertions.assertThatThrownBy(announced::build)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("outage.announcement is only allowed for kind MAINTENANCE or EMERGENCY_MAINTENANCE: "
              + "kind=UNPLANNED");
    }

    @org.junit.jupiter.api.Test
    void aStandingChangeNotAfterThePreviousIsRejectedNamingItsIndexAndInstant() {
      var may20 = java.time.Instant.parse("2024-05-20T04:00:00Z");
      var overdue = new dev.amends.core.account.Standing.Change(may20, dev.amends.core.account.Standing.Status.OVERDUE);
      var earlier = new dev.amends.core.account.Standing.Change(
          may20.minusSeconds(1), dev.amends.core.account.Standing.Status.GOOD);
      var changes = java.util.List.of(overdue, earlier);

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.amends.core.account.Standing.of(changes))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("standing.changes[1].from must be after the previous change at 2024-05-20T04:00:00Z: "
              + "2024-05-20T03:59:59Z");
    }

    @org.junit.jupiter.api.Test
    void aNullStandingChangeIsRejectedNamingItsIndex() {
      var changes = java.util.Arrays.asList(
          new dev.amends.core.account.Standing.Change(
              java.time.Instant.parse("2024-05-20T04:00:00Z"), dev.amends.core.account.Standing.Status.OVERDUE),
          null);

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.amends.core.account.Standing.of(changes))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("standing.changes[1] is required: null");
    }

    @org.junit.jupiter.api.Test
    void aNullInstantAskedOfAStandingIsRejectedNamingIt() {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.amends.core.account.Standing.good().at(null))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("standing.at is required: null");
    }
  }

  // ---- end of section: accounts, standing, outages, days of service --------------------------


  // ---- section: periods, placements, grants, policy windows ----------------------------------

  @org.junit.jupiter.api.Nested
  class Periods {
    @org.junit.jupiter.api.Test
    void aMonthInWhichNoQuarterStartsIsNamed() {
      var quarterly = dev.amends.core.time.BillingSchedule.calendar(
          dev.amends.core.time.BillingCycle.QUARTERLY, java.time.ZoneOffset.UTC);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> quarterly.periodStartingIn(java.time.YearMonth.of(2024, 2)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("period.month").hasMessageContaining("2024-02");
    }

    @org.junit.jupiter.api.Test
    void aNullPeriodIsNamed() {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> dev.amends.core.time.BillingSchedule.monthly(java.time.ZoneOffset.UTC).isPeriodOf(null))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("period");
    }
  }



  // ---- end of section: periods, placements, grants, policy windows ---------------------------


  // ---- section: issue 15 probes (core) -------------------------------------------------------

  /** The second review's probes against billing-core: each now ends in a named error. */
  @Nested
  class Issue15Probes {
    @org.junit.jupiter.api.Test
    void theLastSupportedMonthIsNamedNotARawDateTimeException() {
      assertThatThrownBy(() -> BillingPeriod.month(YearMonth.of(999_999_999, 12), ZoneOffset.UTC))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("period.month").hasMessageContaining("+999999999-12");
    }

    @org.junit.jupiter.api.Test
    void scopesDifferingOnlyInCaseCannotArise() {
      assertThatThrownBy(() -> Scope.of("Grid/Cluster-2"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("scope").hasMessageContaining("lower case").hasMessageContaining("\"grid/cluster-2\"");
    }

    private final Subscription onCluster2 = Subscription.builder().id("sub-c2").plan("grid")
        .prices(PriceSchedule.monthly(Money.parse("USD 20.00")))
        .active(Instant.parse("2020-01-01T00:00:00Z"), Instant.MAX)
        .addPlacements(Scope.of("grid/cluster-2")).build();
    private final BillingPeriod june = BillingPeriod.month(YearMonth.of(2024, 6), ZoneOffset.UTC);

    @org.junit.jupiter.api.Test
    void anOutageReportedBeforeItStartedIsRemarkedOn() {
      Outage early = Outage.builder().id("INC-1").addScopes(Scope.of("grid/cluster-2"))
          .window(Instant.parse("2024-06-10T10:00:00Z"), Instant.parse("2024-06-10T12:00:00Z"))
          .reportedAt(Instant.parse("2024-06-10T09:30:00Z")).build();

      Measurement m = Measurer.of(MeasurementRules.defaults()).measure(onCluster2, june, OutageLog.of(List.of(early)));

      assertThat(m.downtime()).isEqualTo(Duration.ofHours(2));
      assertThat(m.breakdown()).singleElement().satisfies(b -> assertThat(b.remarks()).containsExactly(
          "reported 2024-06-10T09:30Z, before its recorded start 2024-06-10T10:00Z: counted from its start"
              + " (check the start if this record is not the continuation of an earlier one)"));
    }

    @org.junit.jupiter.api.Test
    void anUnplannedOutageInsideAMaintenanceOnlyWindowSaysItCounts() {
      // Sundays 01:00-04:00 UTC exclude maintenance only; 9 June 2024 is a Sunday: 02:00-03:00 counts.
      var sundays = dev.amends.core.measure.MaintenanceWindow.weekly(java.time.DayOfWeek.SUNDAY,
          java.time.LocalTime.of(1, 0), java.time.LocalTime.of(4, 0), ZoneOffset.UTC);
      Outage unplanned = Outage.builder().id("INC-2").addScopes(Scope.of("grid/cluster-2"))
          .window(Instant.parse("2024-06-09T02:00:00Z"), Instant.parse("2024-06-09T03:00:00Z")).build();

      Measurement m = Measurer.of(MeasurementRules.builder().addStandingWindows(sundays).build())
          .measure(onCluster2, june, OutageLog.of(List.of(unplanned)));

      assertThat(m.downtime()).isEqualTo(Duration.ofHours(1));
      assertThat(m.breakdown()).singleElement().satisfies(b -> assertThat(b.describe()).isEqualTo(
          "INC-2: down 1h in period; counted 1h; 1h inside standing maintenance window " + sundays
              + " counts: the window excludes only MAINTENANCE outages, and this one is UNPLANNED"));
    }
  }

  // ---- end of section: issue 15 probes (core) ------------------------------------------------
}
