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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

class BillingPeriodTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void marchInNewYorkLosesAnHourToDaylightSaving() {
    BillingPeriod march = BillingPeriod.month(YearMonth.of(2024, 3), NEW_YORK);

    // EST (-5) at the start, EDT (-4) at the end: 31 × 1440 − 60 = 44,580 minutes.
    assertThat(march.start()).isEqualTo(Instant.parse("2024-03-01T05:00:00Z"));
    assertThat(march.end()).isEqualTo(Instant.parse("2024-04-01T04:00:00Z"));
    assertThat(march.length()).isEqualTo(Duration.ofMinutes(44_580));
    assertThat(march.days()).isEqualTo(31);
  }

  @Test
  void novemberInNewYorkGainsAnHour() {
    BillingPeriod november = BillingPeriod.month(YearMonth.of(2024, 11), NEW_YORK);

    // EDT (-4) at the start, EST (-5) at the end: 30 × 1440 + 60 = 43,260 minutes.
    assertThat(november.start()).isEqualTo(Instant.parse("2024-11-01T04:00:00Z"));
    assertThat(november.end()).isEqualTo(Instant.parse("2024-12-01T05:00:00Z"));
    assertThat(november.length()).isEqualTo(Duration.ofMinutes(43_260));
    assertThat(november.days()).isEqualTo(30);
  }

  @Test
  void leapFebruaryHasTwentyNineDays() {
    BillingPeriod feb = BillingPeriod.month(YearMonth.of(2024, 2), ZoneOffset.UTC);

    // 29 × 1440 = 41,760 minutes.
    assertThat(feb.length()).isEqualTo(Duration.ofMinutes(41_760));
    assertThat(feb.days()).isEqualTo(29);
    assertThat(feb.window())
        .isEqualTo(Interval.of(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")));
  }

  @Test
  void decemberTwoThousandSevenInEasternIsThirtyOneWholeDays() {
    BillingPeriod dec = BillingPeriod.month(YearMonth.of(2007, 12), NEW_YORK);

    // No DST change in December: 31 × 1440 = 44,640 minutes, 05:00 UTC to 05:00 UTC.
    assertThat(dec.window())
        .isEqualTo(Interval.of(Instant.parse("2007-12-01T05:00:00Z"), Instant.parse("2008-01-01T05:00:00Z")));
    assertThat(dec.length()).isEqualTo(Duration.ofMinutes(44_640));
  }

  @Test
  void londonMonthsFollowBritishSummerTime() {
    // Clocks go forward at 01:00 UTC on 31 March 2024 and back at 01:00 UTC on 27 October.
    BillingPeriod march = BillingPeriod.month(YearMonth.of(2024, 3), LONDON);
    BillingPeriod october = BillingPeriod.month(YearMonth.of(2024, 10), LONDON);

    // March: GMT start, BST end: 2024-03-01T00:00Z to 2024-03-31T23:00Z, 44,640 − 60 = 44,580.
    assertThat(march.window())
        .isEqualTo(Interval.of(Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-31T23:00:00Z")));
    assertThat(march.length()).isEqualTo(Duration.ofMinutes(44_580));
    // October: BST start, GMT end: 2024-09-30T23:00Z to 2024-11-01T00:00Z, 44,640 + 60 = 44,700.
    assertThat(october.window())
        .isEqualTo(Interval.of(Instant.parse("2024-09-30T23:00:00Z"), Instant.parse("2024-11-01T00:00:00Z")));
    assertThat(october.length()).isEqualTo(Duration.ofMinutes(44_700));
  }

  @Test
  void anniversaryPeriodAcrossLondonSpringForwardIsAnHourShort() {
    BillingPeriod p = BillingPeriod.of(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 4, 15), LONDON, 1);

    // 31 local days, one of them 23 hours: 31 × 24 − 1 = 743 hours.
    assertThat(p.days()).isEqualTo(31);
    assertThat(p.length()).isEqualTo(Duration.ofHours(743));
    assertThat(p.start()).isEqualTo(Instant.parse("2024-03-15T00:00:00Z"));
    assertThat(p.end()).isEqualTo(Instant.parse("2024-04-14T23:00:00Z"));
  }

  @Test
  void startsAtTheFirstValidInstantWhenMidnightIsSkipped() {
    // Paraguay sprang forward at local midnight on 1 October 2017: 00:00 -04 became 01:00 -03.
    ZoneId asuncion = ZoneId.of("America/Asuncion");
    BillingPeriod september = BillingPeriod.month(YearMonth.of(2017, 9), asuncion);
    BillingPeriod october = BillingPeriod.month(YearMonth.of(2017, 10), asuncion);

    // 01:00 -03 = 04:00 UTC, which is also where September ends: no gap, no overlap.
    assertThat(october.start()).isEqualTo(Instant.parse("2017-10-01T04:00:00Z"));
    assertThat(september.end()).isEqualTo(october.start());
    // September: 2017-09-01T04:00Z to 2017-10-01T04:00Z, exactly 30 days.
    assertThat(september.length()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void rejectsReversedDatesNamingTheEndAndBothValues() {
    assertThatThrownBy(() -> BillingPeriod.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 1), NEW_YORK, 1))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("period.end");
          assertThat(e.getMessage()).isEqualTo("period.end must be after start: start=2024-03-01, end=2024-02-01");
        });
  }

  @Test
  void rejectsAnEmptyPeriod() {
    assertThatThrownBy(() -> BillingPeriod.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1), NEW_YORK, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("period.end must be after start: start=2024-03-01, end=2024-03-01");
  }

  @Test
  void rejectsMissingPartsAndNonPositiveMonths() {
    LocalDate d = LocalDate.of(2024, 3, 1);
    assertThatThrownBy(() -> BillingPeriod.of(null, d, NEW_YORK, 1)).hasMessage("period.start is required: null");
    assertThatThrownBy(() -> BillingPeriod.of(d, null, NEW_YORK, 1)).hasMessage("period.end is required: null");
    assertThatThrownBy(() -> BillingPeriod.of(d, d.plusMonths(1), null, 1)).hasMessage("period.zone is required: null");
    assertThatThrownBy(() -> BillingPeriod.of(d, d.plusMonths(1), NEW_YORK, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("period.months must be positive: 0");
  }

  @Test
  void labelsCalendarMonthsByMonthAndOtherPeriodsByTheirDates() {
    assertThat(BillingPeriod.month(YearMonth.of(2007, 12), NEW_YORK).label()).isEqualTo("2007-12");
    assertThat(BillingPeriod.month(YearMonth.of(2007, 12), NEW_YORK)).hasToString("2007-12 America/New_York");
    assertThat(BillingPeriod.of(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), NEW_YORK, 1).label())
        .isEqualTo("2024-01-31/2024-02-29");
    assertThat(BillingPeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 1), NEW_YORK, 3).label())
        .isEqualTo("2024-01-01/2024-04-01");
  }

  @Test
  void equalPeriodsHaveTheSameDatesZoneAndMonths() {
    BillingPeriod a = BillingPeriod.month(YearMonth.of(2024, 3), NEW_YORK);
    BillingPeriod b = BillingPeriod.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1), NEW_YORK, 1);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(BillingPeriod.month(YearMonth.of(2024, 3), LONDON));
    assertThat(a).isNotEqualTo(BillingPeriod.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1), NEW_YORK, 3));
  }

  @Test
  void ordersByStartThenEnd() {
    BillingPeriod feb = BillingPeriod.month(YearMonth.of(2024, 2), ZoneOffset.UTC);
    BillingPeriod mar = BillingPeriod.month(YearMonth.of(2024, 3), ZoneOffset.UTC);
    BillingPeriod febToApr = BillingPeriod.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 1), ZoneOffset.UTC, 2);

    assertThat(feb).isLessThan(mar);
    assertThat(feb).isLessThan(febToApr);
    assertThat(febToApr).isLessThan(mar);
  }

  @ParameterizedTest(name = "{0}-{1} in {2} lasts {3} minutes")
  @CsvSource({
    // year, month, zone, minutes: 1440 per day, ± 60 for a DST change
    "2024,  1, America/New_York, 44640",  // 31 days
    "2024,  2, America/New_York, 41760",  // 29 days
    "2023,  2, UTC,              40320",  // 28 days
    "2024,  3, America/New_York, 44580",  // 31 days − 1 h
    "2024,  4, America/New_York, 43200",  // 30 days
    "2024, 11, America/New_York, 43260",  // 30 days + 1 h
    "2024,  3, Europe/London,    44580",  // 31 days − 1 h
    "2024, 10, Europe/London,    44700",  // 31 days + 1 h
    "2024,  3, Asia/Tokyo,       44640",  // no DST
  })
  void monthLengthsIncludeDaylightSaving(int year, int month, String zone, long minutes) {
    assertThat(BillingPeriod.month(YearMonth.of(year, month), ZoneId.of(zone)).length())
        .isEqualTo(Duration.ofMinutes(minutes));
  }

  @Test
  void periodsOfTheSameDatesZoneAndMonthsAreEqualWithEqualHashesAndOthersAreNot() {
    BillingPeriod march = BillingPeriod.month(YearMonth.of(2026, 3), ZoneId.of("Europe/Berlin"));
    BillingPeriod again = BillingPeriod.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1),
        ZoneId.of("Europe/Berlin"), 1);

    assertThat(again).isEqualTo(march).hasSameHashCodeAs(march);
    assertThat(BillingPeriod.month(YearMonth.of(2026, 3), ZoneId.of("Asia/Tokyo"))).isNotEqualTo(march);
    assertThat(BillingPeriod.month(YearMonth.of(2026, 4), ZoneId.of("Europe/Berlin"))).isNotEqualTo(march);
  }
}
