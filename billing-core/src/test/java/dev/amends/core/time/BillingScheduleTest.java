package dev.amends.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BillingScheduleTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId UTC = ZoneOffset.UTC;

  private static LocalDate d(int y, int m, int day) {
    return LocalDate.of(y, m, day);
  }

  // ---------------------------------------------------------------- anniversary

  @Test
  void clampsAnniversaryToShortMonthWithoutDrift() {
    BillingSchedule s = BillingSchedule.anniversary(BillingCycle.MONTHLY, d(2024, 1, 31), UTC);

    BillingPeriod first = s.periodContaining(d(2024, 2, 15));
    BillingPeriod second = s.next(first);
    BillingPeriod third = s.next(second);

    assertThat(first.startDate()).isEqualTo(d(2024, 1, 31));
    assertThat(first.endDate()).isEqualTo(d(2024, 2, 29));
    // After clamping to the 29th, March goes back to the 31st rather than drifting to the 29th.
    assertThat(second.startDate()).isEqualTo(d(2024, 2, 29));
    assertThat(second.endDate()).isEqualTo(d(2024, 3, 31));
    assertThat(third.startDate()).isEqualTo(d(2024, 3, 31));
    assertThat(third.endDate()).isEqualTo(d(2024, 4, 30));
    assertThat(s.next(third).endDate()).isEqualTo(d(2024, 5, 31));
    assertThat(first.label()).isEqualTo("2024-01-31/2024-02-29");
    assertThat(first.months()).isEqualTo(1);
  }

  @Test
  void anniversaryPeriodsOnTheClampedDayBelongToTheNextPeriod() {
    BillingSchedule s = BillingSchedule.anniversary(BillingCycle.MONTHLY, d(2024, 1, 31), UTC);

    assertThat(s.periodContaining(d(2024, 2, 28)).startDate()).isEqualTo(d(2024, 1, 31));
    assertThat(s.periodContaining(d(2024, 2, 29)).startDate()).isEqualTo(d(2024, 2, 29));
    assertThat(s.periodContaining(d(2024, 3, 30)).startDate()).isEqualTo(d(2024, 2, 29));
    assertThat(s.periodContaining(d(2024, 3, 31)).startDate()).isEqualTo(d(2024, 3, 31));
  }

  @Test
  void anniversaryWorksBeforeTheAnchorToo() {
    BillingSchedule s = BillingSchedule.anniversary(BillingCycle.MONTHLY, d(2024, 1, 31), UTC);

    // 31 Jan 2024 − 1 month = 31 Dec 2023; − 2 months = 30 Nov 2023 (clamped).
    BillingPeriod p = s.periodContaining(d(2023, 12, 15));
    assertThat(p.startDate()).isEqualTo(d(2023, 11, 30));
    assertThat(p.endDate()).isEqualTo(d(2023, 12, 31));
  }

  @Test
  void quarterlyAnniversaryClampsEachQuarterFromTheAnchor() {
    BillingSchedule s = BillingSchedule.anniversary(BillingCycle.QUARTERLY, d(2024, 1, 31), UTC);

    // 31 Jan → 30 Apr (clamped) → 31 Jul → 31 Oct → 31 Jan 2025
    BillingPeriod q = s.periodContaining(d(2024, 5, 1));
    assertThat(q.startDate()).isEqualTo(d(2024, 4, 30));
    assertThat(q.endDate()).isEqualTo(d(2024, 7, 31));
    assertThat(q.months()).isEqualTo(3);
    assertThat(s.next(q).endDate()).isEqualTo(d(2024, 10, 31));
  }

  @Test
  void annualAnniversaryOnLeapDayClampsInCommonYears() {
    BillingSchedule s = BillingSchedule.anniversary(BillingCycle.ANNUAL, d(2024, 2, 29), UTC);

    BillingPeriod p = s.periodContaining(d(2025, 6, 1));
    assertThat(p.startDate()).isEqualTo(d(2025, 2, 28));
    assertThat(p.endDate()).isEqualTo(d(2026, 2, 28));
    // And back to the 29th in the next leap year: 2028-02-29.
    assertThat(s.periodContaining(d(2028, 3, 1)).startDate()).isEqualTo(d(2028, 2, 29));
    assertThat(s.periodContaining(d(2028, 2, 28)).startDate()).isEqualTo(d(2027, 2, 28));
  }

  // ---------------------------------------------------------------- calendar

  @Test
  void calendarMonthContainingADate() {
    BillingPeriod p = BillingSchedule.monthly(NEW_YORK).periodContaining(d(2007, 12, 25));

    assertThat(p).isEqualTo(BillingPeriod.month(YearMonth.of(2007, 12), NEW_YORK));
  }

  @Test
  void calendarQuartersStartInJanuaryAprilJulyAndOctober() {
    BillingSchedule s = BillingSchedule.calendar(BillingCycle.QUARTERLY, UTC);

    assertThat(s.periodContaining(d(2024, 1, 1)).startDate()).isEqualTo(d(2024, 1, 1));
    assertThat(s.periodContaining(d(2024, 3, 31)).endDate()).isEqualTo(d(2024, 4, 1));
    BillingPeriod q2 = s.periodContaining(d(2024, 5, 15));
    assertThat(q2.startDate()).isEqualTo(d(2024, 4, 1));
    assertThat(q2.endDate()).isEqualTo(d(2024, 7, 1));
    assertThat(q2.months()).isEqualTo(3);
    // 30 + 31 + 30 = 91 days
    assertThat(q2.days()).isEqualTo(91);
    assertThat(s.periodContaining(d(2024, 12, 31)).startDate()).isEqualTo(d(2024, 10, 1));
    // Before the year 2000 the same alignment holds.
    assertThat(s.periodContaining(d(1999, 11, 30)).startDate()).isEqualTo(d(1999, 10, 1));
  }

  @Test
  void firstQuarterInNewYorkIsAnHourShortOfNinetyOneDays() {
    BillingPeriod q1 = BillingSchedule.calendar(BillingCycle.QUARTERLY, NEW_YORK).periodContaining(d(2024, 2, 10));

    // 31 + 29 + 31 = 91 days, less the hour lost on 10 March: 91 × 1440 − 60 = 130,980 minutes.
    assertThat(q1.days()).isEqualTo(91);
    assertThat(q1.length()).isEqualTo(Duration.ofMinutes(130_980));
  }

  @Test
  void calendarYearsStartOnTheFirstOfJanuary() {
    BillingSchedule s = BillingSchedule.calendar(BillingCycle.ANNUAL, UTC);
    BillingPeriod y = s.periodContaining(d(2024, 7, 4));

    assertThat(y.startDate()).isEqualTo(d(2024, 1, 1));
    assertThat(y.endDate()).isEqualTo(d(2025, 1, 1));
    assertThat(y.months()).isEqualTo(12);
    // 366 × 1440 = 527,040 minutes in a leap year.
    assertThat(y.length()).isEqualTo(Duration.ofMinutes(527_040));
    // In New York the hour lost in March comes back in November: still 366 whole days.
    assertThat(BillingSchedule.calendar(BillingCycle.ANNUAL, NEW_YORK).periodContaining(d(2024, 7, 4)).length())
        .isEqualTo(Duration.ofDays(366));
  }

  // ---------------------------------------------------------------- instants

  @Test
  void instantAtABoundaryBelongsToTheLaterPeriod() {
    BillingSchedule s = BillingSchedule.monthly(NEW_YORK);
    // Midnight 1 April 2024 in New York (EDT, -4) is 04:00 UTC.
    Instant aprilFirst = Instant.parse("2024-04-01T04:00:00Z");

    assertThat(s.periodContaining(aprilFirst)).isEqualTo(BillingPeriod.month(YearMonth.of(2024, 4), NEW_YORK));
    assertThat(s.periodContaining(aprilFirst.minusNanos(1)))
        .isEqualTo(BillingPeriod.month(YearMonth.of(2024, 3), NEW_YORK));
  }

  @Test
  void instantIsPlacedByItsLocalDateNotItsUtcDate() {
    BillingSchedule s = BillingSchedule.monthly(NEW_YORK);

    // 2008-01-01T03:00Z is still 31 Dec 2007 22:00 in New York.
    assertThat(s.periodContaining(Instant.parse("2008-01-01T03:00:00Z")).label()).isEqualTo("2007-12");
  }

  @Test
  void anniversaryInstantInTheJavadocExample() {
    BillingSchedule s = BillingSchedule.anniversary(BillingCycle.MONTHLY, d(2024, 1, 31), NEW_YORK);

    assertThat(s.periodContaining(Instant.parse("2024-02-15T12:00:00Z")).label()).isEqualTo("2024-01-31/2024-02-29");
  }

  @Test
  void instantJustAfterAMidnightThatWasSkippedIsInTheNewPeriod() {
    // Paraguay: 1 Oct 2017 began at 01:00 -03 (04:00 UTC).
    ZoneId asuncion = ZoneId.of("America/Asuncion");
    BillingSchedule s = BillingSchedule.monthly(asuncion);

    assertThat(s.periodContaining(Instant.parse("2017-10-01T04:00:00Z")).label()).isEqualTo("2017-10");
    assertThat(s.periodContaining(Instant.parse("2017-10-01T03:59:59Z")).label()).isEqualTo("2017-09");
  }

  // ---------------------------------------------------------------- periodsBetween

  @Test
  void periodsBetweenListsEveryPeriodTheWindowTouches() {
    BillingSchedule s = BillingSchedule.monthly(NEW_YORK);

    // From mid-January to exactly midnight 1 April (EDT): January, February, March, not April.
    List<BillingPeriod> periods =
        s.periodsBetween(Instant.parse("2024-01-15T12:00:00Z"), Instant.parse("2024-04-01T04:00:00Z"));

    assertThat(periods).extracting(BillingPeriod::label).containsExactly("2024-01", "2024-02", "2024-03");
  }

  @Test
  void periodsBetweenIncludesAPeriodTouchedForOneNanosecond() {
    BillingSchedule s = BillingSchedule.monthly(UTC);

    List<BillingPeriod> periods = s.periodsBetween(
        Instant.parse("2024-01-31T23:59:59.999999999Z"), Instant.parse("2024-02-01T00:00:00.000000001Z"));

    assertThat(periods).extracting(BillingPeriod::label).containsExactly("2024-01", "2024-02");
  }

  @Test
  void periodsBetweenAnEmptyWindowIsEmpty() {
    Instant t = Instant.parse("2024-01-15T12:00:00Z");

    assertThat(BillingSchedule.monthly(UTC).periodsBetween(t, t)).isEmpty();
  }

  @Test
  void periodsBetweenRejectsAReversedWindowNamingBothEnds() {
    assertThatThrownBy(() -> BillingSchedule.monthly(UTC)
            .periodsBetween(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("window.end is before start: start=2024-02-01T00:00:00Z, end=2024-01-01T00:00:00Z");
  }

  @Test
  void anniversaryPeriodsBetweenFollowTheClamp() {
    BillingSchedule s = BillingSchedule.anniversary(BillingCycle.MONTHLY, d(2024, 1, 31), UTC);

    List<BillingPeriod> periods =
        s.periodsBetween(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-04-01T00:00:00Z"));

    assertThat(periods)
        .extracting(BillingPeriod::label)
        .containsExactly("2024-01-31/2024-02-29", "2024-02-29/2024-03-31", "2024-03-31/2024-04-30");
  }

  // ---------------------------------------------------------------- value semantics

  @Test
  void reportsItsPartsAndComparesByValue() {
    BillingSchedule cal = BillingSchedule.monthly(UTC);
    BillingSchedule ann = BillingSchedule.anniversary(BillingCycle.MONTHLY, d(2024, 1, 31), UTC);

    assertThat(cal.cycle()).isEqualTo(BillingCycle.MONTHLY);
    assertThat(cal.zone()).isEqualTo(UTC);
    assertThat(cal.anchor()).isEmpty();
    assertThat(ann.anchor()).contains(d(2024, 1, 31));
    assertThat(cal).isEqualTo(BillingSchedule.calendar(BillingCycle.MONTHLY, UTC)).hasSameHashCodeAs(
        BillingSchedule.calendar(BillingCycle.MONTHLY, UTC));
    assertThat(cal).isNotEqualTo(ann);
    assertThat(cal).hasToString("calendar MONTHLY Z");
    assertThat(ann).hasToString("anniversary 2024-01-31 MONTHLY Z");
  }

  @Test
  void rejectsMissingPartsNamingTheField() {
    assertThatThrownBy(() -> BillingSchedule.calendar(null, UTC)).hasMessage("schedule.cycle is required: null");
    assertThatThrownBy(() -> BillingSchedule.monthly(null)).hasMessage("schedule.zone is required: null");
    assertThatThrownBy(() -> BillingSchedule.anniversary(BillingCycle.MONTHLY, null, UTC))
        .hasMessage("schedule.anchor is required: null");
  }

  // ---------------------------------------------------------------- properties

  @Property
  void anniversaryPeriodsTileTheCalendarAndStartOnTheClampedAnchorDay(
      @ForAll @IntRange(min = 1, max = 31) int anchorDay,
      @ForAll @IntRange(min = 0, max = 11) int anchorMonthOffset,
      @ForAll @IntRange(min = 0, max = 2) int cycleIndex) {
    BillingCycle cycle = BillingCycle.values()[cycleIndex];
    YearMonth anchorMonth = YearMonth.of(2023, 1).plusMonths(anchorMonthOffset);
    LocalDate anchor = anchorMonth.atDay(Math.min(anchorDay, anchorMonth.lengthOfMonth()));
    BillingSchedule s = BillingSchedule.anniversary(cycle, anchor, NEW_YORK);

    BillingPeriod p = s.periodContaining(d(2022, 6, 1));
    List<BillingPeriod> seen = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      seen.add(p);
      BillingPeriod next = s.next(p);
      // Each period starts where the previous ended, so no day is lost or billed twice.
      assertThat(next.startDate()).isEqualTo(p.endDate());
      assertThat(next.start()).isEqualTo(p.end());
      // The day is the anchor's, or the month's last day when the month is too short.
      int expectedDay = Math.min(anchor.getDayOfMonth(), YearMonth.from(next.startDate()).lengthOfMonth());
      assertThat(next.startDate().getDayOfMonth()).isEqualTo(expectedDay);
      p = next;
    }
    for (BillingPeriod q : seen) {
      assertThat(s.periodContaining(q.startDate())).isEqualTo(q);
      assertThat(s.periodContaining(q.endDate().minusDays(1))).isEqualTo(q);
      assertThat(s.periodContaining(q.start())).isEqualTo(q);
      assertThat(s.periodContaining(q.end().minusNanos(1))).isEqualTo(q);
    }
  }

  // ---------------------------------------------------------------- the period of a month's bill

  @Test
  void calendarMonthlyPeriodStartingInAMonthIsThatMonth() {
    BillingPeriod dec = BillingSchedule.monthly(NEW_YORK).periodStartingIn(YearMonth.of(2007, 12));
    assertThat(dec).isEqualTo(BillingPeriod.month(YearMonth.of(2007, 12), NEW_YORK));
  }

  @Test
  void anniversaryPeriodStartingInFebruaryStartsOnTheClampedDay() {
    BillingSchedule s = BillingSchedule.anniversary(BillingCycle.MONTHLY, d(2024, 1, 31), UTC);
    BillingPeriod feb = s.periodStartingIn(YearMonth.of(2024, 2));
    assertThat(feb.startDate()).isEqualTo(d(2024, 2, 29));
    assertThat(feb.endDate()).isEqualTo(d(2024, 3, 31));
  }

  @Test
  void quarterlyPeriodStartingInAprilIsTheSecondQuarter() {
    BillingPeriod q2 = BillingSchedule.calendar(BillingCycle.QUARTERLY, UTC).periodStartingIn(YearMonth.of(2024, 4));
    assertThat(q2.startDate()).isEqualTo(d(2024, 4, 1));
    assertThat(q2.endDate()).isEqualTo(d(2024, 7, 1));
    assertThat(q2.months()).isEqualTo(3);
  }

  @Test
  void rejectsAMonthInWhichNoQuarterStarts() {
    BillingSchedule quarterly = BillingSchedule.calendar(BillingCycle.QUARTERLY, UTC);
    assertThatThrownBy(() -> quarterly.periodStartingIn(YearMonth.of(2024, 2)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("period.month")
        .hasMessageContaining("2024-02")
        .hasMessageContaining("2024-01-01");
  }

  @Test
  void recognisesItsOwnPeriodsAndNoOthers() {
    BillingSchedule monthly = BillingSchedule.monthly(NEW_YORK);
    assertThat(monthly.isPeriodOf(BillingPeriod.month(YearMonth.of(2007, 12), NEW_YORK))).isTrue();
    // Another zone, a misaligned start, a single day, or a month that claims to be a year.
    assertThat(monthly.isPeriodOf(BillingPeriod.month(YearMonth.of(2007, 12), UTC))).isFalse();
    assertThat(monthly.isPeriodOf(BillingPeriod.of(d(2007, 12, 2), d(2008, 1, 2), NEW_YORK, 1))).isFalse();
    assertThat(monthly.isPeriodOf(BillingPeriod.of(d(2007, 12, 1), d(2007, 12, 2), NEW_YORK, 12))).isFalse();
    assertThat(monthly.isPeriodOf(BillingPeriod.of(d(2007, 12, 1), d(2008, 1, 1), NEW_YORK, 12))).isFalse();
  }

  @Property
  void jumpingNPeriodsAheadLandsWhereSteppingOneByOneDoes(
      @ForAll @IntRange(min = 0, max = 400) int startOffsetDays,
      @ForAll @IntRange(min = 25, max = 31) int anchorDay,
      @ForAll @IntRange(min = 0, max = 3) int cycleIndex,
      @ForAll @IntRange(min = 0, max = 40) int n) {
    BillingCycle cycle = BillingCycle.values()[cycleIndex % BillingCycle.values().length];
    BillingSchedule s = cycleIndex == 3
        ? BillingSchedule.calendar(cycle, ZoneId.of("America/New_York"))
        : BillingSchedule.anniversary(cycle, LocalDate.of(2024, 1, anchorDay), ZoneId.of("America/New_York"));
    BillingPeriod p = s.periodContaining(LocalDate.of(2023, 11, 1).plusDays(startOffsetDays));
    BillingPeriod stepped = p;
    for (int i = 0; i < n; i++) {
      stepped = s.next(stepped);
    }

    assertThat(s.after(p, n)).isEqualTo(stepped);
  }

  @Test
  void jumpsTenThousandPeriodsWithoutStepping() {
    BillingSchedule s = BillingSchedule.anniversary(BillingCycle.MONTHLY, LocalDate.of(2024, 1, 31), ZoneOffset.UTC);
    BillingPeriod jan2024 = s.periodContaining(LocalDate.of(2024, 2, 1));

    // 10 000 months = 833 years and 4 months after January 2024: May 2857, starting on the 31st.
    assertThat(s.after(jan2024, 10_000).startDate()).isEqualTo(LocalDate.of(2857, 5, 31));
    assertThatThrownBy(() -> s.after(jan2024, -1))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("periods"));
    assertThatThrownBy(() -> s.after(jan2024, 100_001))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("periods"));
  }
}
