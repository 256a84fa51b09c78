package dev.amends.rules.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The definitions' operations are installed once, by the API package. */
class DefinitionsTest {
  @Test
  void operationsCannotBeInstalledTwice() {
    Definitions.Access installed = Definitions.access(); // loads the API package, which installs them

    assertThatThrownBy(() -> Definitions.install(installed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the definitions' operations are installed already");
  }
}
