package dev.amends.core.outage;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

class AnnouncementTest {
  @Test
  void noticeRunsFromTheAnnouncementToTheStartOfThePromisedWindow() {
    Announcement a = Announcement.of(utc("2024-06-09T10:00:01"), window("2024-06-10T10:00", "2024-06-10T12:00"));

    // 9 June 10:00:01 to 10 June 10:00:00: 24 h less one second.
    assertThat(a.notice()).isEqualTo(Duration.ofHours(24).minusSeconds(1));
  }

  @Test
  void noticeIsNegativeForAnAnnouncementAfterTheWindowStarted() {
    Announcement late = Announcement.of(utc("2024-06-10T10:30"), window("2024-06-10T10:00", "2024-06-10T12:00"));

    assertThat(late.notice()).isEqualTo(Duration.ofMinutes(-30));
  }

  @Test
  void rejectsAnEmptyPromisedWindow() {
    Interval empty = window("2024-06-10T10:00", "2024-06-10T10:00");

    assertThatThrownBy(() -> Announcement.of(utc("2024-06-01T00:00"), empty))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("announcement.window must not be empty");
  }

  @Test
  void rejectsAMissingAnnouncementTime() {
    assertThatThrownBy(() -> Announcement.of(null, window("2024-06-10T10:00", "2024-06-10T12:00")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("announcement.announcedAt is required: null");
  }

  @Test
  void equalAnnouncementsAreEqual() {
    Announcement a = Announcement.of(utc("2024-06-01T00:00"), window("2024-06-10T10:00", "2024-06-10T12:00"));
    Announcement b = Announcement.of(utc("2024-06-01T00:00"), window("2024-06-10T10:00", "2024-06-10T12:00"));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Announcement.of(utc("2024-06-02T00:00"), window("2024-06-10T10:00", "2024-06-10T12:00")));
    assertThat(a.toString()).isEqualTo("announced 2024-06-01T00:00:00Z for 2024-06-10T10:00:00Z/2024-06-10T12:00:00Z");
  }
}
