package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.outage.Outage;
import dev.amends.core.time.BillingPeriod;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import java.time.Instant;
import java.time.YearMonth;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Claim deadlines in the account's zone (America/New_York); a claim is in time strictly before. */
class ClaimDeadlineTest {
  /** Friday 14 June 2024, 10:00–12:00 New York (EDT, UTC-4). */
  static final Outage FRIDAY_INCIDENT =
      outage("INC-1", Instant.parse("2024-06-14T14:00:00Z"), Instant.parse("2024-06-14T16:00:00Z"));

  static Stream<Arguments> deadlines() {
    return Stream.of(
        // Incident day 14 June + 30 days = 14 July; late from 15 July 00:00 EDT.
        Arguments.of(ClaimDeadline.daysAfterIncident(30), "2024-07-15T04:00:00Z"),
        // June's last day is 30 June + 30 days = 30 July; late from 31 July 00:00 EDT.
        Arguments.of(ClaimDeadline.daysAfterPeriodEnd(30), "2024-07-31T04:00:00Z"),
        // June's period, then July, then August: by the end of August; late from 1 Sep 00:00 EDT.
        Arguments.of(ClaimDeadline.endOfBillingCycleAfterIncident(2), "2024-09-01T04:00:00Z"),
        // Cycle 0: by the end of June's own period; late from 1 July 00:00 EDT.
        Arguments.of(ClaimDeadline.endOfBillingCycleAfterIncident(0), "2024-07-01T04:00:00Z"),
        // Incident in June → by the end of July; late from 1 Aug 00:00 EDT.
        Arguments.of(ClaimDeadline.endOfFollowingCalendarMonth(), "2024-08-01T04:00:00Z"),
        // Friday 14 June + 5 business days across the weekend: Mon 17, Tue 18, Wed 19, Thu 20,
        // Fri 21 (no holidays, so 19 June counts); late from Sat 22 June 00:00 EDT.
        Arguments.of(ClaimDeadline.businessDaysAfterIncident(5), "2024-06-22T04:00:00Z"),
        // The day of the incident itself: late from 15 June 00:00 EDT.
        Arguments.of(ClaimDeadline.daysAfterIncident(0), "2024-06-15T04:00:00Z"));
  }

  @ParameterizedTest(name = "{0}: late from {1}")
  @MethodSource("deadlines")
  void endsAtLocalMidnightAfterTheLastDay(ClaimDeadline deadline, String firstLate) {
    var ctx = given(USD_20_00).downMinutes("120").countedOutage(FRIDAY_INCIDENT).context();

    assertThat(deadline.deadline(ctx)).contains(Instant.parse(firstLate));
  }

  @ParameterizedTest(name = "{0}: in time up to {1} - 1 ns")
  @MethodSource("deadlines")
  void acceptsAClaimFiledAtTheLastValidInstant(ClaimDeadline deadline, String firstLate) {
    Instant last = Instant.parse(firstLate).minusNanos(1);

    ConditionResult r = deadline.check(withClaimAt(last));

    assertThat(r.met()).isTrue();
    assertThat(r.observed()).isEqualTo("claim CLM-1 filed " + last);
    assertThat(r.expected()).isEqualTo("filed before " + firstLate + " (" + deadline + ")");
  }

  @ParameterizedTest(name = "{0}: late at {1}")
  @MethodSource("deadlines")
  void rejectsAClaimFiledAtTheDeadline(ClaimDeadline deadline, String firstLate) {
    assertThat(deadline.check(withClaimAt(Instant.parse(firstLate))).met()).isFalse();
    assertThat(deadline.check(withClaimAt(Instant.parse(firstLate).plusSeconds(1))).met()).isFalse();
  }

  @Test
  void countsBusinessDaysAcrossAWeekendFromMidweek() {
    // Wednesday 12 June + 5 business days: Thu 13, Fri 14, Mon 17, Tue 18, Wed 19; late from Thu 20 June 00:00 EDT.
    Outage wednesday = outage("INC-2", Instant.parse("2024-06-12T14:00:00Z"), Instant.parse("2024-06-12T16:00:00Z"));
    var ctx = given(USD_20_00).countedOutage(wednesday).context();

    assertThat(ClaimDeadline.businessDaysAfterIncident(5).deadline(ctx)).contains(Instant.parse("2024-06-20T04:00:00Z"));
  }

  @Test
  void takesTheIncidentsDayInTheAccountsZone() {
    // 22:00–23:30 EDT on 14 June is 02:00–03:30 UTC on 15 June: the incident's day is 14 June.
    Outage lateEvening = outage("INC-3", Instant.parse("2024-06-15T02:00:00Z"), Instant.parse("2024-06-15T03:30:00Z"));
    var ctx = given(USD_20_00).countedOutage(lateEvening);

    Instant lateUtcButSameLocalDay = Instant.parse("2024-06-15T03:59:59Z");
    assertThat(ClaimDeadline.daysAfterIncident(0).check(ctx.claimFiledAt(lateUtcButSameLocalDay).context()).met())
        .isTrue();
  }

  @Test
  void takesAnOutageEndingAtMidnightAsEndingThePreviousDay() {
    // 20:00 EDT 14 June to 00:00 EDT 15 June: the last instant down is on 14 June.
    Outage toMidnight = outage("INC-4", Instant.parse("2024-06-15T00:00:00Z"), Instant.parse("2024-06-15T04:00:00Z"));
    var ctx = given(USD_20_00).countedOutage(toMidnight).context();

    assertThat(ClaimDeadline.daysAfterIncident(0).deadline(ctx)).contains(Instant.parse("2024-06-15T04:00:00Z"));
  }

  @Test
  void endsAtLocalMidnightAfterTheClocksFallBack() {
    // October 2024: last day 31 Oct + 3 days = 3 Nov (25 hours: EDT→EST); late from 4 Nov 00:00 EST = 05:00Z.
    BillingPeriod october = BillingPeriod.month(YearMonth.of(2024, 10), NEW_YORK);
    var given = given(USD_20_00).period(october);

    assertThat(ClaimDeadline.daysAfterPeriodEnd(3).deadline(given.context()))
        .contains(Instant.parse("2024-11-04T05:00:00Z"));
    // 23:30 EST on 3 Nov = 04:30Z on 4 Nov: still in time.
    assertThat(ClaimDeadline.daysAfterPeriodEnd(3).check(given.claimFiledAt(Instant.parse("2024-11-04T04:30:00Z"))
        .context()).met()).isTrue();
  }

  @Test
  void takesTheLatestCountedOutageAndIgnoresUncountedOnes() {
    Outage earlier = outage("INC-0", Instant.parse("2024-06-03T14:00:00Z"), Instant.parse("2024-06-03T15:00:00Z"));
    Outage maintenanceLater =
        outage("MAINT-1", Instant.parse("2024-06-20T14:00:00Z"), Instant.parse("2024-06-20T15:00:00Z"));
    var ctx = given(USD_20_00).countedOutage(earlier).countedOutage(FRIDAY_INCIDENT)
        .uncountedOutage(maintenanceLater).context();

    // The latest counted outage is on 14 June → late from 15 July 00:00 EDT.
    assertThat(ClaimDeadline.daysAfterIncident(30).deadline(ctx)).contains(Instant.parse("2024-07-15T04:00:00Z"));
  }

  @Test
  void isNotMetWhenNoClaimWasFiled() {
    var ctx = given(USD_20_00).downMinutes("120").countedOutage(FRIDAY_INCIDENT).context();

    ConditionResult r = ClaimDeadline.daysAfterIncident(30).check(ctx);

    assertThat(r.met()).isFalse();
    assertThat(r.observed()).isEqualTo("no claim filed");
    assertThat(r.expected()).isEqualTo("filed before 2024-07-15T04:00:00Z (30 days after the incident)");
  }

  @Test
  void isNotMetWithoutAnIncident() {
    var ctx = given(USD_20_00).claimFiledAt(Instant.parse("2024-06-20T12:00:00Z")).context();

    ConditionResult r = ClaimDeadline.daysAfterIncident(30).check(ctx);

    assertThat(ClaimDeadline.daysAfterIncident(30).deadline(ctx)).isEmpty();
    assertThat(r.met()).isFalse();
    assertThat(r.expected()).isEqualTo("filed before (no incident) (30 days after the incident)");
  }

  @Test
  void needsNoIncidentForADeadlineAfterThePeriodEnd() {
    var ctx = given(USD_20_00).claimFiledAt(Instant.parse("2024-06-20T12:00:00Z")).context();

    assertThat(ClaimDeadline.daysAfterPeriodEnd(30).check(ctx).met()).isTrue();
  }

  @Test
  void rejectsNegativeDaysAndNonPositiveBusinessDays() {
    assertThatThrownBy(() -> ClaimDeadline.daysAfterIncident(-1))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("deadline.days"));
    assertThatThrownBy(() -> ClaimDeadline.businessDaysAfterIncident(0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("deadline.days"));
  }

  @Test
  void describesItselfCanonically() {
    assertThat(ClaimDeadline.daysAfterIncident(30).canonical()).isEqualTo("days-after-incident:30");
    assertThat(ClaimDeadline.businessDaysAfterIncident(5)).isEqualTo(ClaimDeadline.businessDaysAfterIncident(5))
        .isNotEqualTo(ClaimDeadline.daysAfterIncident(5));
  }

  @Property
  void countsBusinessDaysAsSteppingDayByDayWould(
      @ForAll @IntRange(min = 0, max = 3000) int dayOffset, @ForAll @IntRange(min = 1, max = 3660) int count) {
    LocalDate day = LocalDate.of(2024, 1, 1).plusDays(dayOffset);
    LocalDate stepped = day;
    for (int left = count; left > 0; ) {
      stepped = stepped.plusDays(1);
      if (stepped.getDayOfWeek() != DayOfWeek.SATURDAY && stepped.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }

    assertThat(ClaimDeadline.businessDaysAfter(day, count)).isEqualTo(stepped);
  }

  @Test
  void countsBusinessDaysFromAWeekendDay() {
    // Saturday 15 June 2024 + 1 business day = Monday 17 June; Sunday 16 June + 5 = Friday 21 June.
    assertThat(ClaimDeadline.businessDaysAfter(LocalDate.of(2024, 6, 15), 1)).isEqualTo(LocalDate.of(2024, 6, 17));
    assertThat(ClaimDeadline.businessDaysAfter(LocalDate.of(2024, 6, 16), 5)).isEqualTo(LocalDate.of(2024, 6, 21));
  }

  @Test
  void computesTheLargestDeadlinesAtOnce() {
    var ctx = given(USD_20_00).countedOutage(FRIDAY_INCIDENT).context();

    // June 2024 + 120 monthly periods = June 2034; late from 1 July 2034 00:00 EDT.
    assertThat(ClaimDeadline.endOfBillingCycleAfterIncident(120).deadline(ctx))
        .contains(Instant.parse("2034-07-01T04:00:00Z"));
    // Friday 14 June 2024 + 3660 business days = 732 whole weeks = Friday 25 June 2038; late from Sat 26 June 00:00 EDT.
    assertThat(ClaimDeadline.businessDaysAfterIncident(3660).deadline(ctx))
        .contains(Instant.parse("2038-06-26T04:00:00Z"));
    // 14 June 2024 + 3660 days = 22 June 2034; late from 23 June 2034 00:00 EDT.
    assertThat(ClaimDeadline.daysAfterIncident(3660).deadline(ctx)).contains(Instant.parse("2034-06-23T04:00:00Z"));
  }

  @Test
  void rejectsDeadlinesBeyondTheMaximaNamingTheField() {
    assertThatThrownBy(() -> ClaimDeadline.daysAfterIncident(3661))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("deadline.days");
          assertThat(e.getMessage()).isEqualTo("deadline.days must be at most 3660: 3661");
        });
    assertThatThrownBy(() -> ClaimDeadline.daysAfterPeriodEnd(Integer.MAX_VALUE))
        .hasMessage("deadline.days must be at most 3660: 2147483647");
    assertThatThrownBy(() -> ClaimDeadline.businessDaysAfterIncident(Integer.MAX_VALUE))
        .hasMessage("deadline.days must be at most 3660: 2147483647");
    assertThatThrownBy(() -> ClaimDeadline.endOfBillingCycleAfterIncident(121))
        .hasMessage("deadline.cycles must be at most 120: 121");
  }

  @Test
  void takesTheEndOfTheLastCountedWindowAsTheIncidentForTelemetry() {
    // Telemetry: no outage records, two bad windows; the last ends 20:00 EDT Thursday 20 June.
    RuleContext ctx = telemetryJune2024();

    // 20 June + 2 business days: Fri 21, Mon 24; late from Tue 25 June 00:00 EDT.
    assertThat(ClaimDeadline.businessDaysAfterIncident(2).deadline(ctx)).contains(Instant.parse("2024-06-25T04:00:00Z"));
  }

  @Test
  void takesTheEndOfTheMeasuredWindowForAveragedTelemetryWithoutWindows() {
    // Averaged telemetry: 90 minutes of downtime, no counted windows: the incident is June's end.
    RuleContext ctx = given(USD_20_00).downMinutes("90").context();

    // The measured window ends 1 July 00:00 EDT, so its last instant is on 30 June; + 1 day = 1 July; late from 2 July.
    assertThat(ClaimDeadline.daysAfterIncident(1).deadline(ctx)).contains(Instant.parse("2024-07-02T04:00:00Z"));
  }

  static RuleContext withClaimAt(Instant filed) {
    return given(USD_20_00).down(Duration.ofMinutes(120)).countedOutage(FRIDAY_INCIDENT).claimFiledAt(filed).context();
  }
}
