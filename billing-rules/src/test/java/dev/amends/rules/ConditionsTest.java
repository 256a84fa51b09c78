package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.core.account.Standing;
import dev.amends.core.outage.Outage;
import dev.amends.core.scope.Scope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The standard conditions, each reporting what it observed and what it compared against. */
class ConditionsTest {
  static final Outage TAGGED_STORAGE = outage("INC-1", Instant.parse("2024-06-14T14:00:00Z"),
      Instant.parse("2024-06-14T16:00:00Z"), "storage");

  static ConditionResult test(Condition c, LeafFixtures.Given given) {
    return c.test(given.context());
  }

  @Test
  void planInMatchesOneOfThePlans() {
    ConditionResult r = test(Conditions.planIn("pro", "grid"), given(USD_20_00).plan("grid"));
    ConditionResult other = test(Conditions.planIn("pro"), given(USD_20_00).plan("grid"));

    assertThat(r).isEqualTo(new ConditionResult(true, "plan grid", "plan in [grid, pro]"));
    assertThat(other).isEqualTo(new ConditionResult(false, "plan grid", "plan in [pro]"));
  }

  @Test
  void placedUnderMatchesAPlacementAtOrBelowTheScope() {
    var onCluster2 = given(USD_20_00).placedOn(Scope.of("grid/cluster-2"));

    assertThat(test(Conditions.placedUnder(Scope.of("grid")), onCluster2))
        .isEqualTo(new ConditionResult(true, "placements [grid/cluster-2]", "placed at or below grid"));
    assertThat(test(Conditions.placedUnder(Scope.of("grid/cluster-2")), onCluster2).met()).isTrue();
    assertThat(test(Conditions.placedUnder(Scope.of("grid/cluster-1")), onCluster2).met()).isFalse();
  }

  @Test
  void affectedByOutageTaggedCountsOutagesThatDidNotCount() {
    var touched = given(USD_20_00).uncountedOutage(TAGGED_STORAGE);

    assertThat(test(Conditions.affectedByOutageTagged("storage"), touched))
        .isEqualTo(new ConditionResult(true, "outages tagged storage: [INC-1]", "at least one"));
    assertThat(test(Conditions.affectedByOutageTagged("network"), touched))
        .isEqualTo(new ConditionResult(false, "outages tagged network: []", "at least one"));
  }

  @Test
  void affectedByOutageLooksForTheId() {
    var touched = given(USD_20_00).countedOutage(TAGGED_STORAGE);

    assertThat(test(Conditions.affectedByOutage("INC-1"), touched))
        .isEqualTo(new ConditionResult(true, "outages [INC-1]", "includes INC-1"));
    assertThat(test(Conditions.affectedByOutage("INC-9"), touched).met()).isFalse();
    assertThat(test(Conditions.affectedByOutage("INC-1"), given(USD_20_00)))
        .isEqualTo(new ConditionResult(false, "outages []", "includes INC-1"));
  }

  @Test
  void standingInMatchesTheAccountsStatusAtTheEvaluationInstant() {
    // Evaluated at the end of June 2024 in New York: 2024-07-01T04:00:00Z.
    Standing overdue = Standing.overdueSince(Instant.parse("2024-06-01T04:00:00Z"));

    assertThat(test(Conditions.standingIn(Standing.Status.GOOD), given(USD_20_00)))
        .isEqualTo(new ConditionResult(true, "standing at 2024-07-01T04:00:00Z: GOOD", "standing in [GOOD]"));
    assertThat(test(Conditions.standingIn(Standing.Status.GOOD), given(USD_20_00).standing(overdue)))
        .isEqualTo(new ConditionResult(false,
            "standing at 2024-07-01T04:00:00Z: OVERDUE since 2024-06-01T04:00:00Z", "standing in [GOOD]"));
    assertThat(test(Conditions.standingIn(Standing.Status.GOOD, Standing.Status.OVERDUE),
        given(USD_20_00).standing(overdue)).met()).isTrue();
  }

  @Test
  void standingInIgnoresAChangeAfterTheEvaluationInstant() {
    // Suspended on 15 July, after the evaluation at the end of June: a re-run says the same as then.
    Standing later = Standing.suspendedSince(Instant.parse("2024-07-15T04:00:00Z"));

    assertThat(test(Conditions.standingIn(Standing.Status.GOOD), given(USD_20_00).standing(later)))
        .isEqualTo(new ConditionResult(true, "standing at 2024-07-01T04:00:00Z: GOOD", "standing in [GOOD]"));
  }

  // INC-1 ran 14 June 14:00 to 15 June 00:00 UTC: the incident is 2024-06-15T00:00:00Z.
  static final Outage INC_1 =
      outage("INC-1", Instant.parse("2024-06-14T14:00:00Z"), Instant.parse("2024-06-15T00:00:00Z"));
  static final String AT_INCIDENT = "GOOD at the incident (the end of the last counted outage or telemetry window)";

  @Test
  void inGoodStandingAtIncidentIsNotMetWhenOverdueThenEvenIfPaidSince() {
    Standing paidLate = Standing.overdueSince(Instant.parse("2024-06-10T04:00:00Z"))
        .then(Standing.Status.GOOD, Instant.parse("2024-06-20T16:00:00Z"));

    assertThat(test(Conditions.inGoodStandingAtIncident(), given(USD_20_00).countedOutage(INC_1).standing(paidLate)))
        .isEqualTo(new ConditionResult(false,
            "standing at the end of incident INC-1 (2024-06-15T00:00:00Z): OVERDUE since 2024-06-10T04:00:00Z",
            AT_INCIDENT));
  }

  @Test
  void inGoodStandingAtIncidentIsMetWhenPaidBeforeTheIncident() {
    Standing paid = Standing.overdueSince(Instant.parse("2024-06-10T04:00:00Z"))
        .then(Standing.Status.GOOD, Instant.parse("2024-06-12T16:00:00Z"));

    assertThat(test(Conditions.inGoodStandingAtIncident(), given(USD_20_00).countedOutage(INC_1).standing(paid)))
        .isEqualTo(new ConditionResult(true,
            "standing at the end of incident INC-1 (2024-06-15T00:00:00Z): GOOD since 2024-06-12T16:00:00Z",
            AT_INCIDENT));
  }

  @Test
  void aChangeExactlyAtTheEndOfTheOutageIsAfterTheIncident() {
    Standing suspendedAtTheEnd = Standing.suspendedSince(Instant.parse("2024-06-15T00:00:00Z"));

    assertThat(test(Conditions.inGoodStandingAtIncident(),
        given(USD_20_00).countedOutage(INC_1).standing(suspendedAtTheEnd)).met()).isTrue();
    assertThat(test(Conditions.inGoodStandingAtIncident(),
        given(USD_20_00).countedOutage(INC_1).standing(Standing.suspendedSince(Instant.parse("2024-06-14T23:59:59Z"))))
        .met()).isFalse();
  }

  @Test
  void theIncidentIsTheEndOfTheLastCountedOutageNotOfAnUncountedOne() {
    // Announced maintenance on 25 June did not count; overdue from 20 June is after the incident (15 June).
    Outage maintenance =
        outage("MAINT-1", Instant.parse("2024-06-25T04:00:00Z"), Instant.parse("2024-06-25T08:00:00Z"));
    Standing overdueLater = Standing.overdueSince(Instant.parse("2024-06-20T04:00:00Z"));

    ConditionResult r = test(Conditions.inGoodStandingAtIncident(),
        given(USD_20_00).countedOutage(INC_1).uncountedOutage(maintenance).standing(overdueLater));

    assertThat(r.met()).isTrue();
    assertThat(r.observed()).isEqualTo("standing at the end of incident INC-1 (2024-06-15T00:00:00Z): GOOD");
  }

  @Test
  void standingAtTheIncidentUnderTelemetryIsReadAtTheEndOfTheLastCountedWindowAsClaimDeadlinesDo() {
    // Telemetry: no outage records; bad windows on 3 June and 20 June (ending 2024-06-21T00:00Z).
    RuleContext telemetry = telemetryJune2024();
    // Overdue from 10 June, paid 20 June 23:45: good again before the window's last instant. (Before
    // the incident was shared with claim deadlines, telemetry had no incident and this was not met.)
    Standing paidDuringTheWindow = Standing.overdueSince(Instant.parse("2024-06-10T04:00:00Z"))
        .then(Standing.Status.GOOD, Instant.parse("2024-06-20T23:45:00Z"));
    RuleContext ctx = RuleContext.builder().from(telemetry)
        .account(Account.builder().from(telemetry.account()).standing(paidDuringTheWindow).build())
        .build();

    ConditionResult r = Conditions.inGoodStandingAtIncident().test(ctx);

    assertThat(r).isEqualTo(new ConditionResult(true,
        "standing at the end of the last counted telemetry window (2024-06-21T00:00:00Z): GOOD since 2024-06-20T23:45:00Z",
        AT_INCIDENT));
    assertThat(ClaimDeadline.incident(ctx)).contains(Instant.parse("2024-06-21T00:00:00Z"));
  }

  @Test
  void inGoodStandingAtIncidentIsNotMetWithoutAnIncident() {
    assertThat(test(Conditions.inGoodStandingAtIncident(), given(USD_20_00)))
        .isEqualTo(new ConditionResult(false, "no incident: no downtime counted in the period", AT_INCIDENT));
    assertThat(Conditions.inGoodStandingAtIncident().canonical()).isEqualTo("in-good-standing-at-incident");
  }

  @Test
  void inGoodStandingThroughoutPeriodNamesTheFirstOtherStatusInThePeriod() {
    // June 2024 in New York: [2024-06-01T04:00:00Z, 2024-07-01T04:00:00Z).
    Condition throughout = Conditions.inGoodStandingThroughoutPeriod();
    Standing suspendedMidJune = Standing.suspendedSince(Instant.parse("2024-06-02T16:00:00Z"))
        .then(Standing.Status.GOOD, Instant.parse("2024-06-05T09:00:00Z"));
    Standing overdueSinceMay = Standing.overdueSince(Instant.parse("2024-05-20T04:00:00Z"))
        .then(Standing.Status.GOOD, Instant.parse("2024-06-03T04:00:00Z"));

    assertThat(test(throughout, given(USD_20_00)))
        .isEqualTo(new ConditionResult(true, "standing in the period: GOOD throughout", "GOOD throughout the period"));
    assertThat(test(throughout, given(USD_20_00).standing(suspendedMidJune)))
        .isEqualTo(new ConditionResult(false, "standing in the period: SUSPENDED since 2024-06-02T16:00:00Z",
            "GOOD throughout the period"));
    assertThat(test(throughout, given(USD_20_00).standing(overdueSinceMay)).observed())
        .isEqualTo("standing in the period: OVERDUE since 2024-05-20T04:00:00Z");
  }

  @Test
  void inGoodStandingThroughoutPeriodIgnoresChangesOutsideThePeriod() {
    Condition throughout = Conditions.inGoodStandingThroughoutPeriod();
    // Overdue in May, paid at the very start of June; overdue again exactly at the period's end.
    Standing outside = Standing.overdueSince(Instant.parse("2024-05-20T04:00:00Z"))
        .then(Standing.Status.GOOD, Instant.parse("2024-06-01T04:00:00Z"))
        .then(Standing.Status.OVERDUE, Instant.parse("2024-07-01T04:00:00Z"));

    assertThat(test(throughout, given(USD_20_00).standing(outside)).met()).isTrue();
  }

  @Test
  void customerSinceOnOrBeforeIncludesTheDayItself() {
    Condition since2020 = Conditions.customerSinceOnOrBefore(LocalDate.of(2020, 1, 1));

    assertThat(test(since2020, given(USD_20_00).customerSince(LocalDate.of(2020, 1, 1))))
        .isEqualTo(new ConditionResult(true, "customer since 2020-01-01", "customer since on or before 2020-01-01"));
    assertThat(test(since2020, given(USD_20_00).customerSince(LocalDate.of(2020, 1, 2))).met()).isFalse();
  }

  @Test
  void customerSinceOnOrBeforeIsNotMetWhenUnknown() {
    assertThat(test(Conditions.customerSinceOnOrBefore(LocalDate.of(2020, 1, 1)), given(USD_20_00)))
        .isEqualTo(new ConditionResult(false, "customer since unknown", "customer since on or before 2020-01-01"));
  }

  @Test
  void claimFiledInTimeReportsTheClaimAndTheDeadline() {
    var ctx = given(USD_20_00).countedOutage(TAGGED_STORAGE).claimFiledAt(Instant.parse("2024-07-15T03:59:59Z"));

    assertThat(test(Conditions.claimFiledInTime(ClaimDeadline.daysAfterIncident(30)), ctx)).isEqualTo(
        new ConditionResult(true, "claim CLM-1 filed 2024-07-15T03:59:59Z",
            "filed before 2024-07-15T04:00:00Z (30 days after the incident)"));
    assertThat(Conditions.claimFiledInTime(ClaimDeadline.daysAfterIncident(30)).canonical())
        .isEqualTo("claim-filed-in-time[days-after-incident:30]");
  }

  @Test
  void availabilityBelowIsNotMetExactlyAtTheThreshold() {
    // 43.2 min of 43,200: exactly 99.9 %.
    assertThat(test(Conditions.availabilityBelow(new BigDecimal("99.9")), given(USD_20_00).downMinutes("43.2")))
        .isEqualTo(new ConditionResult(false, "availability 99.9 %", "below 99.9 %"));
  }

  @Test
  void availabilityBelowIsMetOneNanosecondPastTheThreshold() {
    assertThat(test(Conditions.availabilityBelow(new BigDecimal("99.9")),
        given(USD_20_00).down(minutes("43.2").plusNanos(1))))
        .isEqualTo(new ConditionResult(true, "availability 99.8999 %", "below 99.9 %"));
  }

  @Test
  void downtimeAtLeastIsMetWhenExactlyEqual() {
    Condition c = Conditions.downtimeAtLeast(Duration.ofMinutes(30));

    assertThat(test(c, given(USD_20_00).downMinutes("30")))
        .isEqualTo(new ConditionResult(true, "downtime PT30M", "at least PT30M"));
    assertThat(test(c, given(USD_20_00).down(Duration.ofMinutes(30).minusNanos(1))).met()).isFalse();
  }

  @Test
  void activeAtIncludesTheStartAndExcludesTheEnd() {
    Instant start = Instant.parse("2024-06-10T04:00:00Z");
    Instant end = Instant.parse("2024-06-20T04:00:00Z");
    var given = given(USD_20_00).active(start, end);

    ConditionResult atStart = test(Conditions.activeAt(start), given);
    assertThat(atStart.met()).isTrue();
    assertThat(atStart.observed()).isEqualTo("active 2024-06-10T04:00:00Z/2024-06-20T04:00:00Z");
    assertThat(atStart.expected()).isEqualTo("active at 2024-06-10T04:00:00Z");
    assertThat(test(Conditions.activeAt(start.minusNanos(1)), given).met()).isFalse();
    assertThat(test(Conditions.activeAt(end.minusNanos(1)), given).met()).isTrue();
    assertThat(test(Conditions.activeAt(end), given).met()).isFalse();
  }

  @Test
  void allReportsEveryPartAndNeedsEach() {
    Condition c = Conditions.all(Conditions.planIn("grid"), Conditions.standingIn(Standing.Status.GOOD));
    Condition notBoth = Conditions.all(Conditions.planIn("pro"), Conditions.standingIn(Standing.Status.GOOD));

    assertThat(test(c, given(USD_20_00))).isEqualTo(new ConditionResult(true,
        "plan grid; standing at 2024-07-01T04:00:00Z: GOOD",
        "all of [plan in [grid] (met); standing in [GOOD] (met)]"));
    assertThat(test(notBoth, given(USD_20_00))).isEqualTo(new ConditionResult(false,
        "plan grid; standing at 2024-07-01T04:00:00Z: GOOD",
        "all of [plan in [pro] (not met); standing in [GOOD] (met)]"));
  }

  @Test
  void anyReportsEveryPartAndNeedsOne() {
    Condition c = Conditions.any(Conditions.planIn("pro"), Conditions.standingIn(Standing.Status.GOOD));
    Condition neither = Conditions.any(Conditions.planIn("pro"), Conditions.standingIn(Standing.Status.CLOSED));

    assertThat(test(c, given(USD_20_00))).isEqualTo(new ConditionResult(true,
        "plan grid; standing at 2024-07-01T04:00:00Z: GOOD",
        "any of [plan in [pro] (not met); standing in [GOOD] (met)]"));
    assertThat(test(neither, given(USD_20_00)).met()).isFalse();
  }

  @Test
  void notInvertsAndSaysSo() {
    assertThat(test(Conditions.not(Conditions.planIn("pro")), given(USD_20_00)))
        .isEqualTo(new ConditionResult(true, "plan grid", "not (plan in [pro])"));
    assertThat(Conditions.not(Conditions.planIn("pro")).canonical()).isEqualTo("not(plan-in[pro])");
  }

  @Test
  void describesAResultOnOneLine() {
    assertThat(new ConditionResult(true, "plan grid", "plan in [grid]").describe())
        .isEqualTo("plan grid; plan in [grid]: met");
  }
}
