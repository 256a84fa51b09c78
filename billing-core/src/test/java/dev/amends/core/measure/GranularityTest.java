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
}
