package dev.amends.core.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Scopes parsed again are shared, and the sharing never lets a bad path through. */
class ScopeSharingTest {
  @Test
  void parsingAPathAgainGivesTheScopeParsedBefore() {
    Scope first = Scope.of("grid/cluster-9/node-3");
    assertThat(Scope.of(new String("grid/cluster-9/node-3"))).isSameAs(first);
    assertThat(first.segments()).containsExactly("grid", "cluster-9", "node-3");
  }

  @Test
  void upperCaseIsRefusedEvenWhenTheLowerCasePathIsKnown() {
    Scope.of("grid/cluster-9");
    assertThatThrownBy(() -> Scope.of("grid/Cluster-9"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("must be lower case");
  }

  @Test
  void aRefusedPathIsRefusedAgain() {
    assertThatThrownBy(() -> Scope.of("grid//node")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Scope.of("grid//node")).isInstanceOf(InvalidInputException.class);
  }
}
