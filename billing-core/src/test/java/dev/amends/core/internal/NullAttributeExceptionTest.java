package dev.amends.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class NullAttributeExceptionTest {
  // Built directly here, the "generated type" is this test class: nullAttributeExceptionTest.

  @Test
  void namesTheAttributeUnderTheCallingType() {
    InvalidInputException e = new NullAttributeException("id");

    assertThat(e.field()).isEqualTo("nullAttributeExceptionTest.id");
    assertThat(e.rule()).isEqualTo("is required");
    assertThat(e.value()).isEqualTo("null");
    assertThat(e).hasMessage("nullAttributeExceptionTest.id is required: null");
  }

  @Test
  void namesTheCollectionForANullElement() {
    InvalidInputException e = new NullAttributeException("scopes element");

    assertThat(e).hasMessage("nullAttributeExceptionTest.scopes must not contain null: null");
  }

  @Test
  void survivesANullName() {
    assertThat(new NullAttributeException(null)).hasMessage("nullAttributeExceptionTest.null is required: null");
  }

  @Test
  void reAnchorsLikeAnyInvalidInputException() {
    InvalidInputException e = new NullAttributeException("id").under("accounts[2]");

    assertThat(e).hasMessage("accounts[2].nullAttributeExceptionTest.id is required: null");
  }
}
