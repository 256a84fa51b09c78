package dev.amends.core.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {
  private static final Scope GRID = Scope.of("grid");
  private static final Scope CLUSTER_1 = Scope.of("grid/cluster-1");
  private static final Scope CLUSTER_2 = Scope.of("grid/cluster-2");
  private static final Scope NODE_7 = Scope.of("grid/cluster-2/node-7");

  @Test
  void coversItself() {
    assertThat(CLUSTER_2.covers(CLUSTER_2)).isTrue();
    assertThat(CLUSTER_2.covers(Scope.of("grid/cluster-2"))).isTrue();
  }

  @Test
  void coversEveryDescendant() {
    assertThat(GRID.covers(CLUSTER_2)).isTrue();
    assertThat(GRID.covers(NODE_7)).isTrue();
    assertThat(CLUSTER_2.covers(NODE_7)).isTrue();
  }

  @Test
  void doesNotCoverSiblingsOrAncestors() {
    assertThat(CLUSTER_1.covers(CLUSTER_2)).isFalse();
    assertThat(CLUSTER_1.covers(NODE_7)).isFalse();
    assertThat(CLUSTER_2.covers(GRID)).isFalse();
    assertThat(NODE_7.covers(CLUSTER_2)).isFalse();
  }

  @Test
  void gridDoesNotCoverGrids() {
    // A prefix of the text is not a prefix of the path.
    assertThat(GRID.covers(Scope.of("grids"))).isFalse();
    assertThat(GRID.covers(Scope.of("grids/cluster-2"))).isFalse();
    assertThat(Scope.of("grid/cluster-1").covers(Scope.of("grid/cluster-10"))).isFalse();
  }

  @Test
  void refusesUpperCaseSoScopesNeverDifferOnlyInCase() {
    // Grid/Cluster-2 and grid/cluster-2 would be two scopes: an outage on one missing the other.
    assertThatThrownBy(() -> Scope.of("Grid/Cluster-2"))
        .isInstanceOf(dev.amends.core.InvalidInputException.class)
        .hasMessageContaining("scope").hasMessageContaining("lower case")
        .hasMessageContaining("\"grid/cluster-2\"").hasMessageContaining("\"Grid/Cluster-2\"");
  }

  @Test
  void knowsItsParent() {
    assertThat(NODE_7.parent()).contains(CLUSTER_2);
    assertThat(CLUSTER_2.parent()).contains(GRID);
    assertThat(GRID.parent()).isEmpty();
    assertThat(NODE_7.parent().orElseThrow().path()).isEqualTo("grid/cluster-2");
    assertThat(NODE_7.parent().orElseThrow().segments()).containsExactly("grid", "cluster-2");
  }

  @Test
  void listsSelfAndAncestorsFromHereToTheTop() {
    assertThat(NODE_7.selfAndAncestors()).containsExactly(NODE_7, CLUSTER_2, GRID);
    assertThat(GRID.selfAndAncestors()).containsExactly(GRID);
  }

  @Test
  void splitsIntoSegments() {
    assertThat(NODE_7.segments()).containsExactly("grid", "cluster-2", "node-7");
    assertThat(NODE_7.depth()).isEqualTo(3);
    assertThat(GRID.depth()).isEqualTo(1);
    assertThat(NODE_7.path()).isEqualTo("grid/cluster-2/node-7");
    assertThat(NODE_7).hasToString("grid/cluster-2/node-7");
  }

  @Test
  void acceptsTheDocumentedCharacters() {
    Scope s = Scope.of("us-east_1/az:b/v1.2");

    assertThat(s.segments()).containsExactly("us-east_1", "az:b", "v1.2");
  }

  @Test
  void equalsByPathAndOrdersByPath() {
    assertThat(Scope.of("grid/cluster-2")).isEqualTo(CLUSTER_2).hasSameHashCodeAs(CLUSTER_2);
    assertThat(CLUSTER_1).isLessThan(CLUSTER_2);
    assertThat(GRID).isLessThan(CLUSTER_1);
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(strings = {"grid//x", "/grid", "grid/", "grid cluster", " grid", "grid/ x", "", "/", "grid\\x", "grid/é"})
  void rejectsBadPathsNamingTheScopeField(String path) {
    assertThatThrownBy(() -> Scope.of(path))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("scope");
          assertThat(e.value()).isEqualTo("\"" + path + "\"");
          assertThat(e.getMessage()).startsWith("scope must be segments of letters, digits");
        });
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Scope.of(null)).isInstanceOf(InvalidInputException.class).hasMessage("scope is required: null");
  }
}
