package dev.amends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {
  @Test
  void messageNamesTheFieldTheRuleAndTheValue() {
    InvalidInputException e = InvalidInputException.of(
        "outage.window.end", "is before start", "start=2007-12-01T05:00:00Z, end=2007-12-01T04:00:00Z");

    assertThat(e).hasMessage(
        "outage.window.end is before start: start=2007-12-01T05:00:00Z, end=2007-12-01T04:00:00Z");
    assertThat(e.field()).isEqualTo("outage.window.end");
    assertThat(e.rule()).isEqualTo("is before start");
    assertThat(e.value()).isEqualTo("start=2007-12-01T05:00:00Z, end=2007-12-01T04:00:00Z");
  }

  @Test
  void isAnUncheckedAmendsException() {
    assertThat(InvalidInputException.of("f", "r", 1))
        .isInstanceOf(AmendsException.class)
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void rendersAnyValueAsText() {
    assertThat(InvalidInputException.of("seats", "must be at least 1", 0).value()).isEqualTo("0");
    assertThat(InvalidInputException.of("id", "is required", null)).hasMessage("id is required: null");
  }

  @Test
  void reAnchorsTheFieldUnderAParentPath() {
    InvalidInputException inner = InvalidInputException.of("window.end", "is before start", "x");

    InvalidInputException outer = inner.under("outages[3]");

    assertThat(outer.field()).isEqualTo("outages[3].window.end");
    assertThat(outer).hasMessage("outages[3].window.end is before start: x");
    assertThat(outer.rule()).isEqualTo("is before start");
    assertThat(outer.value()).isEqualTo("x");
    assertThat(outer.getStackTrace()).isEqualTo(inner.getStackTrace());
    // The original is untouched.
    assertThat(inner.field()).isEqualTo("window.end");
  }

  @Test
  void joinsAnIndexToItsParentWithoutADot() {
    InvalidInputException e = InvalidInputException.of("[3].window.end", "is before start", "x");

    assertThat(e.under("outages").field()).isEqualTo("outages[3].window.end");
    assertThat(e.under("outages").under("log").field()).isEqualTo("log.outages[3].window.end");
  }

  @Test
  void requiresAFieldAndARule() {
    assertThatNullPointerException().isThrownBy(() -> InvalidInputException.of(null, "r", 1)).withMessage("field");
    assertThatNullPointerException().isThrownBy(() -> InvalidInputException.of("f", null, 1)).withMessage("rule");
  }
}
