package dev.amends.core.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

/** A maintenance window as a value: what it reads back, what makes two differ, and its hash. */
class MaintenanceWindowValueTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void aWeeklyWindowReadsBackItsDayTimesAndZone() {
    MaintenanceWindow w = MaintenanceWindow.weekly(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0), NEW_YORK);

    assertThat(w.days()).containsExactly(DayOfWeek.SUNDAY);
    assertThat(w.start()).isEqualTo(LocalTime.of(1, 0));
    assertThat(w.end()).isEqualTo(LocalTime.of(4, 0));
    assertThat(w.zone()).isEqualTo(NEW_YORK);
    assertThat(w.excludesAllDowntime()).isFalse();
    assertThat(w).hasToString("Sundays 01:00–04:00 America/New_York");
  }

  @Test
  void aDailyWindowHoldsEveryDay() {
    MaintenanceWindow w = MaintenanceWindow.daily(LocalTime.of(23, 0), LocalTime.of(1, 0), ZoneOffset.UTC);

    assertThat(w.days()).containsExactlyInAnyOrder(DayOfWeek.values());
    assertThat(w.excludingAllDowntime()).hasToString("daily 23:00–01:00 Z (all downtime excluded)");
  }

  @Test
  void windowsThatDifferInAnyPartAreNotEqual() {
    MaintenanceWindow w = MaintenanceWindow.weekly(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0), NEW_YORK);

    assertThat(w).isEqualTo(MaintenanceWindow.weekly(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0), NEW_YORK))
        .isNotEqualTo(MaintenanceWindow.weekly(DayOfWeek.MONDAY, LocalTime.of(1, 0), LocalTime.of(4, 0), NEW_YORK))
        .isNotEqualTo(MaintenanceWindow.weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 0), LocalTime.of(4, 0), NEW_YORK))
        .isNotEqualTo(MaintenanceWindow.weekly(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(5, 0), NEW_YORK))
        .isNotEqualTo(MaintenanceWindow.weekly(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0), ZoneOffset.UTC))
        .isNotEqualTo(w.excludingAllDowntime())
        .isNotEqualTo("Sundays 01:00–04:00 America/New_York");
  }

  @Test
  void windowsThatDifferHashApart() {
    Set<Integer> hashes = new HashSet<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      MaintenanceWindow w = MaintenanceWindow.weekly(day, LocalTime.of(1, 0), LocalTime.of(4, 0), NEW_YORK);
      hashes.add(w.hashCode());
      hashes.add(w.excludingAllDowntime().hashCode());
    }
    assertThat(hashes).hasSize(14);
  }

  @Test
  void anOccurrenceThatEndsExactlyAtTheSpansStartIsNotInIt() {
    MaintenanceWindow w = MaintenanceWindow.daily(LocalTime.of(1, 0), LocalTime.of(4, 0), ZoneOffset.UTC);
    // the occurrence of 10 June is [01:00, 04:00); a span from 04:00 does not overlap it
    Interval span = Interval.of(Instant.parse("2024-06-10T04:00:00Z"), Instant.parse("2024-06-11T02:00:00Z"));

    assertThat(w.occurrences(span).windows()).containsExactly(
        Interval.of(Instant.parse("2024-06-11T01:00:00Z"), Instant.parse("2024-06-11T04:00:00Z")));
  }

  @Test
  void anEmptySpanHasNoOccurrence() {
    MaintenanceWindow w = MaintenanceWindow.daily(LocalTime.of(1, 0), LocalTime.of(4, 0), ZoneOffset.UTC);
    Instant at = Instant.parse("2024-06-10T02:00:00Z");

    assertThat(w.occurrences(Interval.of(at, at)).isEmpty()).isTrue();
  }
}
