package dev.amends.core.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.Ratio;
import org.junit.jupiter.api.Test;

class TelemetryRulesTest {
  @Test
  void defaultsAreBadTimeslicesAboveFivePercentWithEmptyIntervalsGood() {
    TelemetryRules d = TelemetryRules.defaults();

    assertThat(d.method()).isEqualTo(TelemetryRules.Method.BAD_TIMESLICES);
    assertThat(d.errorThreshold()).isEqualTo(Ratio.of(5, 100));
    assertThat(d.minimumRequests()).isEqualTo(1);
    assertThat(d.emptyInterval()).isEqualTo(TelemetryRules.EmptyInterval.GOOD);
  }

  @Test
  void acceptsAZeroThreshold() {
    assertThat(TelemetryRules.builder().errorThreshold(Ratio.ZERO).build().errorThreshold()).isEqualTo(Ratio.ZERO);
  }

  @Test
  void rejectsAThresholdOfOneOrMore() {
    // Nothing is strictly above 100 % errors, so no interval could ever be bad.
    assertThatThrownBy(() -> TelemetryRules.builder().errorThreshold(Ratio.ONE).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("telemetryRules.errorThreshold must be in [0, 1): 1");
  }

  @Test
  void rejectsANegativeThreshold() {
    assertThatThrownBy(() -> TelemetryRules.builder().errorThreshold(Ratio.of(-1, 100)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("telemetryRules.errorThreshold must be in [0, 1): -1/100");
  }

  @Test
  void rejectsANegativeMinimumRequestCount() {
    assertThatThrownBy(() -> TelemetryRules.builder().minimumRequests(-1).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("telemetryRules.minimumRequests must not be negative: -1");
  }
}
