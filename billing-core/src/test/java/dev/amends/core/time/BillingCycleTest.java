package dev.amends.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingCycleTest {
  @ParameterizedTest(name = "{0} is {1} months")
  @CsvSource({"MONTHLY, 1", "QUARTERLY, 3", "ANNUAL, 12"})
  void countsCalendarMonthsPerCycle(BillingCycle cycle, int months) {
    assertThat(cycle.months()).isEqualTo(months);
  }
}
