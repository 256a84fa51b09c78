package dev.amends.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

class IntervalsTest {
  private static final Instant START = Instant.parse("2006-01-01T05:00:00Z");

  @Test
  void textSaysOpenEndedForAnEndOfInstantMax() {
    assertThat(Intervals.text(Interval.of(START, Instant.MAX))).isEqualTo("2006-01-01T05:00:00Z/open-ended");
  }

  @Test
  void textWritesBothEndsOfAClosedWindow() {
    assertThat(Intervals.text(Interval.of(START, Instant.parse("2007-01-01T05:00:00Z"))))
        .isEqualTo("2006-01-01T05:00:00Z/2007-01-01T05:00:00Z");
  }

  @Test
  void textSaysOpenStartForAStartOfInstantMin() {
    assertThat(Intervals.text(Interval.of(Instant.MIN, START))).isEqualTo("open-start/2006-01-01T05:00:00Z");
  }
}
