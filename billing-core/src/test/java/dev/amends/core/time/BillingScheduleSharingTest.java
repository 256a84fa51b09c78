package dev.amends.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** A schedule's shared instances and the period it keeps from its last answer. */
class BillingScheduleSharingTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

  @Test
  void calendarSchedulesOfOneZoneAndCycleAreOneObject() {
    assertThat(BillingSchedule.monthly(ZoneId.of("America/New_York")))
        .isSameAs(BillingSchedule.calendar(BillingCycle.MONTHLY, NEW_YORK));
    assertThat(BillingSchedule.calendar(BillingCycle.QUARTERLY, NEW_YORK))
        .isNotSameAs(BillingSchedule.monthly(NEW_YORK))
        .isEqualTo(BillingSchedule.calendar(BillingCycle.QUARTERLY, ZoneId.of("America/New_York")));
  }

  @Test
  void theSamePeriodAskedForTwiceIsOneObject() {
    BillingSchedule s = BillingSchedule.monthly(NEW_YORK);
    BillingPeriod march = s.periodStartingIn(YearMonth.of(2026, 3));
    assertThat(s.periodContaining(LocalDate.of(2026, 3, 17))).isSameAs(march);
    assertThat(s.periodContaining(LocalDate.of(2026, 4, 1)).label()).isEqualTo("2026-04");
  }

  /** Whatever was asked before, the kept period never answers for a date outside it. */
  @Property
  void aScheduleAnswersAsAFreshOneWhateverWasAskedBefore(
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 4000) Integer> days,
      @ForAll @IntRange(min = 0, max = 400) int anchorDay) {
    LocalDate anchor = EPOCH.plusDays(anchorDay);
    BillingSchedule calendar = BillingSchedule.calendar(BillingCycle.QUARTERLY, NEW_YORK);
    BillingSchedule anniversary = BillingSchedule.anniversary(BillingCycle.MONTHLY, anchor, NEW_YORK);
    for (int day : days) {
      LocalDate date = EPOCH.plusDays(day);
      int quarterStart = (date.getMonthValue() - 1) / 3 * 3 + 1;
      LocalDate qs = LocalDate.of(date.getYear(), quarterStart, 1);
      assertThat(calendar.periodContaining(date)).isEqualTo(BillingPeriod.of(qs, qs.plusMonths(3), NEW_YORK, 3));
      assertThat(anniversary.periodContaining(date))
          .isEqualTo(BillingSchedule.anniversary(BillingCycle.MONTHLY, anchor, NEW_YORK).periodContaining(date));
    }
  }
}
