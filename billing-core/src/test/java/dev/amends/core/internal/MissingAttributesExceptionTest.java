package dev.amends.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class MissingAttributesExceptionTest {
  // Built directly here, the "generated type" is this test class: missingAttributesExceptionTest.

  @Test
  void namesOneMissingAttribute() {
    InvalidInputException e = new MissingAttributesException(new String[] {"id"});

    assertThat(e.field()).isEqualTo("missingAttributesExceptionTest.id");
    assertThat(e.rule()).isEqualTo("is required");
    assertThat(e.value()).isEqualTo("not set");
  }

  @Test
  void namesEveryMissingAttributeInOrder() {
    InvalidInputException e = new MissingAttributesException(new String[] {"id", "currency", "zone"});

    assertThat(e).hasMessage("missingAttributesExceptionTest.id, missingAttributesExceptionTest.currency, "
        + "missingAttributesExceptionTest.zone are required: not set");
  }

  @Test
  void namesTheTypeForAnyOtherInvalidState() {
    InvalidInputException e = new MissingAttributesException("kind: attribute initializers form a cycle");

    assertThat(e).hasMessage(
        "missingAttributesExceptionTest is not in a valid state: kind: attribute initializers form a cycle");
  }

  @Test
  void namesTheTypeWhenNoAttributeIsGiven() {
    assertThat(new MissingAttributesException(new String[0]))
        .hasMessage("missingAttributesExceptionTest is required: not set");
  }
}
