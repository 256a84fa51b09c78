package dev.amends.core.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.Ratio;
import org.junit.jupiter.api.Test;

class PartialImpactTest {
  @Test
  void countsFullyByDefault() {
    assertThat(PartialImpact.countsFully().isWeighted()).isFalse();
    assertThat(PartialImpact.countsFully().threshold()).isEmpty();
    assertThat(PartialImpact.countsFully()).hasToString("counts fully");
  }

  @Test
  void weightedHasNoThreshold() {
    assertThat(PartialImpact.weighted().isWeighted()).isTrue();
    assertThat(PartialImpact.weighted().threshold()).isEmpty();
    assertThat(PartialImpact.weighted()).hasToString("weighted");
  }

  @Test
  void thresholdIsKeptExactly() {
    PartialImpact tenth = PartialImpact.atLeast(Ratio.of(12, 120));

    assertThat(tenth.threshold()).contains(Ratio.of(1, 10));
    assertThat(tenth.isWeighted()).isFalse();
    assertThat(tenth).isEqualTo(PartialImpact.atLeast(Ratio.of(1, 10)))
        .hasSameHashCodeAs(PartialImpact.atLeast(Ratio.of(1, 10)))
        .hasToString("at least 1/10");
  }

  @Test
  void acceptsAThresholdOfOne() {
    assertThat(PartialImpact.atLeast(Ratio.ONE).threshold()).contains(Ratio.ONE);
  }

  @Test
  void rejectsAThresholdOutsideZeroExclusiveToOne() {
    assertThatThrownBy(() -> PartialImpact.atLeast(Ratio.ZERO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("partialImpact.threshold must be in (0, 1]: 0");
    assertThatThrownBy(() -> PartialImpact.atLeast(Ratio.of(3, 2)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("partialImpact.threshold must be in (0, 1]: 3/2");
  }
}
