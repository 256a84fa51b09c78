package dev.amends.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.Ratio;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Days of service turned into a new term end: local days in the account's zone, fractions rounded up. */
class TermExtensionTest {
  static final ZoneId[] ZONES = {
      ZoneId.of("America/New_York"), ZoneId.of("Europe/London"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("UTC")};

  @Test
  void wholeDaysKeepTheLocalTimeOfDayAcrossTheSpringChange() {
    // 9 March 2024 00:00 EST (05:00Z) + 1 day = 10 March 00:00 EST, then 10 March has 23 hours:
    // + 2 days = 11 March 00:00 EDT (04:00Z), 47 hours later.
    Instant from = Instant.parse("2024-03-09T05:00:00Z");

    assertThat(TermExtension.extend(from, Ratio.of(2), ZoneId.of("America/New_York"), "days"))
        .isEqualTo(Instant.parse("2024-03-11T04:00:00Z"));
  }

  @Test
  void zeroDaysLeaveTheTermWhereItWas() {
    Instant from = Instant.parse("2024-07-01T04:00:00Z");

    assertThat(TermExtension.extend(from, Ratio.ZERO, ZoneId.of("America/New_York"), "days")).isEqualTo(from);
  }

  @Property(tries = 300)
  void wholeDaysMoveTheLocalDateByThatManyDaysAtTheSameLocalTime(
      @ForAll @IntRange(min = 0, max = 3) int zone,
      @ForAll @IntRange(min = 0, max = 3 * 365) int startDay,
      @ForAll @IntRange(min = 0, max = 400) int days) {
    ZoneId z = ZONES[zone];
    // Local midnight at the start of a billing period: what paid-through dates usually are.
    ZonedDateTime start = ZonedDateTime.of(2023, 1, 1, 0, 0, 0, 0, z).plusDays(startDay);

    ZonedDateTime end = TermExtension.extend(start.toInstant(), Ratio.of(days), z, "days").atZone(z);

    assertThat(end.toLocalDate()).isEqualTo(start.toLocalDate().plusDays(days));
    assertThat(end.toLocalTime()).isEqualTo(start.toLocalTime());
  }

  @Property(tries = 300)
  void moreDaysNeverEndTheTermEarlierAndAFractionStaysWithinItsDay(
      @ForAll @IntRange(min = 0, max = 3) int zone,
      @ForAll @IntRange(min = 0, max = 3 * 365) int startDay,
      @ForAll @IntRange(min = 0, max = 60) int whole,
      @ForAll @IntRange(min = 1, max = 11) int twelfths) {
    ZoneId z = ZONES[zone];
    Instant start = ZonedDateTime.of(2023, 1, 1, 0, 0, 0, 0, z).plusDays(startDay).toInstant();
    Ratio days = Ratio.of(whole).plus(Ratio.of(twelfths, 12));

    Instant floor = TermExtension.extend(start, Ratio.of(whole), z, "days");
    Instant withFraction = TermExtension.extend(start, days, z, "days");
    Instant ceiling = TermExtension.extend(start, Ratio.of(whole + 1L), z, "days");

    assertThat(withFraction).isAfter(floor).isBefore(ceiling);
  }
}
