package dev.amends.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

/** Billing schedules at their edges, which the mutation run found untested. */
class BillingScheduleEdgesTest {
  private static final BillingSchedule MONTHLY_UTC = BillingSchedule.monthly(ZoneOffset.UTC);

  @Test
  void periodsBetweenListsEveryPeriodTheWindowOverlapsAndNotTheOneItEndsAt() {
    assertThat(MONTHLY_UTC.periodsBetween(Instant.parse("2024-01-15T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")))
        .extracting(BillingPeriod::label)
        .containsExactly(BillingPeriod.month(YearMonth.of(2024, 1), ZoneOffset.UTC).label(),
            BillingPeriod.month(YearMonth.of(2024, 2), ZoneOffset.UTC).label());
    assertThat(MONTHLY_UTC.periodsBetween(Instant.parse("2024-01-15T00:00:00Z"), Instant.parse("2024-03-01T00:00:01Z")))
        .hasSize(3);
  }

  @Test
  void anEmptyWindowOverlapsNoPeriod() {
    Instant at = Instant.parse("2024-01-15T00:00:00Z");
    assertThat(MONTHLY_UTC.periodsBetween(at, at)).isEmpty();
  }

  @Test
  void aHundredThousandPeriodsOnIsTheFurthestAfterGoes() {
    BillingPeriod jan2024 = BillingPeriod.month(YearMonth.of(2024, 1), ZoneOffset.UTC);
    // 100,000 months = 8,333 years and 4 months after January 2024: May 10357
    assertThat(MONTHLY_UTC.after(jan2024, 100_000).startDate()).isEqualTo(LocalDate.of(10357, 5, 1));
    assertThatThrownBy(() -> MONTHLY_UTC.after(jan2024, 100_001))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("periods");
          assertThat(e.rule()).isEqualTo("must be at most 100000");
          assertThat(e.value()).isEqualTo("100001");
        });
  }

  @Test
  void oneAndZeroPeriodsAfter() {
    BillingPeriod jan2024 = BillingPeriod.month(YearMonth.of(2024, 1), ZoneOffset.UTC);
    assertThat(MONTHLY_UTC.after(jan2024, 0)).isSameAs(jan2024);
    assertThat(MONTHLY_UTC.after(jan2024, 1).startDate()).isEqualTo(LocalDate.of(2024, 2, 1));
  }

  @Test
  void schedulesThatDifferHashApart() {
    Set<Integer> hashes = new HashSet<>();
    for (BillingCycle cycle : BillingCycle.values()) {
      for (String zone : new String[] {"UTC", "America/New_York", "Europe/Paris", "Asia/Tokyo"}) {
        hashes.add(BillingSchedule.calendar(cycle, ZoneId.of(zone)).hashCode());
        hashes.add(BillingSchedule.anniversary(cycle, LocalDate.of(2024, 1, 17), ZoneId.of(zone)).hashCode());
      }
    }
    assertThat(hashes).hasSize(BillingCycle.values().length * 8);
  }

  @Test
  void windowSetsThatDifferHashApart() {
    Set<Integer> hashes = new HashSet<>();
    Instant start = Instant.parse("2024-06-10T00:00:00Z");
    for (int h = 1; h <= 24; h++) {
      hashes.add(WindowSet.of(Interval.of(start, start.plusSeconds(3600L * h))).hashCode());
    }
    assertThat(hashes).hasSize(24);
  }
}
