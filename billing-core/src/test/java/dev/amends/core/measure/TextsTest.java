package dev.amends.core.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

/** How explanations write durations, instants, windows and notice. */
class TextsTest {

  @Test
  void aZeroDurationIsZeroSeconds() {
    assertThat(Texts.duration(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void aDurationNamesOnlyItsNonZeroParts() {
    assertThat(Texts.duration(Duration.ofSeconds(5))).isEqualTo("5s");
    assertThat(Texts.duration(Duration.ofHours(26).plusSeconds(10))).isEqualTo("26h 10s");
    assertThat(Texts.duration(Duration.ofMinutes(390))).isEqualTo("6h 30m");
    assertThat(Texts.duration(Duration.ofMinutes(4).plusSeconds(10))).isEqualTo("4m 10s");
  }

  @Test
  void fractionsOfASecondAreWrittenWithoutTrailingZeros() {
    assertThat(Texts.duration(Duration.ofMillis(1_500))).isEqualTo("1.5s");
    assertThat(Texts.duration(Duration.ofMillis(500))).isEqualTo("0.5s");
    assertThat(Texts.duration(Duration.ofMinutes(1).plusNanos(1))).isEqualTo("1m 0.000000001s");
  }

  @Test
  void aNegativeDurationIsSigned() {
    assertThat(Texts.duration(Duration.ofMinutes(-90))).isEqualTo("-1h 30m");
  }

  @Test
  void aWholeMinuteIsWrittenToTheMinute() {
    assertThat(Texts.instant(Instant.parse("2007-12-01T05:00:00Z"))).isEqualTo("2007-12-01T05:00Z");
  }

  @Test
  void anInstantWithSecondsIsWrittenInFull() {
    assertThat(Texts.instant(Instant.parse("2007-12-01T05:00:30Z"))).isEqualTo("2007-12-01T05:00:30Z");
    assertThat(Texts.instant(Instant.parse("2007-12-01T05:00:00.250Z"))).isEqualTo("2007-12-01T05:00:00.250Z");
  }

  @Test
  void instantsBeyondTheCalendarAreWrittenAsInstants() {
    // Year 1,000,000,000 is an instant but no offset date-time: the minute form cannot be made.
    Instant farOff = Instant.parse("+1000000000-06-01T00:00:00Z");

    assertThat(Texts.instant(farOff)).isEqualTo("+1000000000-06-01T00:00:00Z");
    assertThat(Texts.instant(Instant.MIN)).isEqualTo("-1000000000-01-01T00:00:00Z");
    assertThat(Texts.instant(Instant.MAX)).isEqualTo("+1000000000-12-31T23:59:59.999999999Z");
  }

  @Test
  void aWindowWithinOneDayWritesTheEndsTimeOnly() {
    Interval w = Interval.of(Instant.parse("2007-12-01T05:00:00Z"), Instant.parse("2007-12-01T11:00:00Z"));

    assertThat(Texts.window(w)).isEqualTo("2007-12-01T05:00Z–11:00Z");
  }

  @Test
  void aWindowOverMidnightOrWithSecondsWritesTheEndInFull() {
    assertThat(Texts.window(Interval.of(Instant.parse("2007-12-01T23:00:00Z"), Instant.parse("2007-12-02T01:00:00Z"))))
        .isEqualTo("2007-12-01T23:00Z–2007-12-02T01:00Z");
    assertThat(Texts.window(Interval.of(Instant.parse("2007-12-01T05:00:00Z"), Instant.parse("2007-12-01T05:00:30Z"))))
        .isEqualTo("2007-12-01T05:00Z–2007-12-01T05:00:30Z");
  }

  @Test
  void noticeInWholeDaysIsWrittenInDays() {
    assertThat(Texts.ahead(Duration.ofDays(10))).isEqualTo("10 days ahead");
    assertThat(Texts.ahead(Duration.ofDays(1))).isEqualTo("1 day ahead");
  }

  @Test
  void otherNoticeIsWrittenAsADuration() {
    assertThat(Texts.ahead(Duration.ofHours(36))).isEqualTo("36h ahead");
    assertThat(Texts.ahead(Duration.ofDays(1).plusNanos(1))).isEqualTo("24h 0.000000001s ahead");
    assertThat(Texts.ahead(Duration.ZERO)).isEqualTo("0s ahead");
    // A day late, not "-1 days ahead".
    assertThat(Texts.ahead(Duration.ofDays(-1))).isEqualTo("-24h ahead");
  }
}
