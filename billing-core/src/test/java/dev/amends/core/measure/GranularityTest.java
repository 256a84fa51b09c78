package dev.amends.core.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GranularityTest {
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void exactHasNoSlice() {
    assertThat(Granularity.exact().isExact()).isTrue();
    assertThat(Granularity.exact().slice()).isEmpty();
    assertThat(Granularity.exact()).hasToString("exact");
  }

  @Test
  void startedAndCompletedSlicesAreDifferentUnits() {
    Granularity started = Granularity.startedSlices(FIVE_MINUTES);
    Granularity completed = Granularity.completedSlices(FIVE_MINUTES);

    assertThat(started.isExact()).isFalse();
    assertThat(started.slice()).contains(FIVE_MINUTES);
    assertThat(started.countsStartedSlices()).isTrue();
    assertThat(completed.countsStartedSlices()).isFalse();
    assertThat(started).isNotEqualTo(completed);
    assertThat(started).isEqualTo(Granularity.startedSlices(Duration.ofSeconds(300)))
        .hasSameHashCodeAs(Granularity.startedSlices(Duration.ofSeconds(300)));
    assertThat(started).hasToString("started PT5M");
    assertThat(completed).hasToString("completed PT5M");
  }

  @Test
  void rejectsAZeroOrNegativeSlice() {
    assertThatThrownBy(() -> Granularity.startedSlices(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("granularity.slice must be positive: PT0S");
    assertThatThrownBy(() -> Granularity.completedSlices(Duration.ofMinutes(-1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("granularity.slice must be positive: PT-1M");
  }

  @Test
  void slicesDownMoreThanAThresholdAreAThirdUnit() {
    Granularity hourly = Granularity.slicesDownMoreThan(Duration.ofHours(1), Duration.ofSeconds(18));

    assertThat(hourly.isExact()).isFalse();
    assertThat(hourly.slice()).contains(Duration.ofHours(1));
    assertThat(hourly.threshold()).contains(Duration.ofSeconds(18));
    assertThat(hourly.countsStartedSlices()).isFalse();
    assertThat(hourly).isNotEqualTo(Granularity.completedSlices(Duration.ofHours(1)))
        .isNotEqualTo(Granularity.slicesDownMoreThan(Duration.ofHours(1), Duration.ofSeconds(19)))
        .isEqualTo(Granularity.slicesDownMoreThan(Duration.ofMinutes(60), Duration.ofMillis(18_000)))
        .hasSameHashCodeAs(Granularity.slicesDownMoreThan(Duration.ofMinutes(60), Duration.ofMillis(18_000)));
    assertThat(hourly).hasToString("PT1H down more than PT18S");
    assertThat(Granularity.startedSlices(FIVE_MINUTES).threshold()).isEmpty();
    assertThat(Granularity.exact().threshold()).isEmpty();
  }

  @Test
  void aThresholdOfZeroIsStartedSlices() {
    assertThat(Granularity.slicesDownMoreThan(FIVE_MINUTES, Duration.ZERO))
        .isEqualTo(Granularity.startedSlices(FIVE_MINUTES));
  }

  @Test
  void rejectsANegativeThresholdOrOneNotShorterThanTheSlice() {
    assertThatThrownBy(() -> Granularity.slicesDownMoreThan(FIVE_MINUTES, Duration.ofNanos(-1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("granularity.threshold must not be negative: PT-0.000000001S");
    assertThatThrownBy(() -> Granularity.slicesDownMoreThan(FIVE_MINUTES, FIVE_MINUTES))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("granularity.threshold must be shorter than the slice of PT5M: PT5M");
    assertThatThrownBy(() -> Granularity.slicesDownMoreThan(Duration.ZERO, Duration.ZERO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("granularity.slice must be positive: PT0S");
    assertThatThrownBy(() -> Granularity.slicesDownMoreThan(FIVE_MINUTES, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("granularity.threshold");
  }
}
