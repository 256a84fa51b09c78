package dev.amends.core;

/**
 * Every bad input we know of, fed through the public API of billing-core, and the error it gets.
 *
 * <p>Each nested class holds one family of bad inputs. A bad input must end in one of our own
 * exceptions naming the field, the value and the rule it broke: never a bare JDK exception, a
 * hang, a crash, or a silent wrong answer.
 */
class HostileInputTest {

  // ---- section: nulls and generated builders -------------------------------------------------



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



  // ---- end of section: decimals, rounding, ids, rule trees, keys -----------------------------


  // ---- section: accounts, standing, outages, days of service ---------------------------------



  // ---- end of section: accounts, standing, outages, days of service --------------------------


  // ---- section: periods, placements, grants, policy windows ----------------------------------



  // ---- end of section: periods, placements, grants, policy windows ---------------------------
}
