package dev.amends.core.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Scope#covers} compares paths as text (a prefix followed by '/' or nothing); these
 * properties hold it to its meaning over segments: the other scope's segments begin with this
 * one's. Segments are drawn from a tiny alphabet so that prefixes, equal segments and segments
 * that begin with another ("a" and "ab") are common.
 */
class ScopeCoversPropertiesTest {

  @Property(tries = 2000)
  void coversExactlyWhenTheSegmentsArePrefix(@ForAll("scopes") Scope a, @ForAll("scopes") Scope b) {
    List<String> mine = a.segments();
    List<String> theirs = b.segments();
    boolean bySegments = theirs.size() >= mine.size() && theirs.subList(0, mine.size()).equals(mine);
    assertThat(a.covers(b)).isEqualTo(bySegments);
  }

  @Property(tries = 500)
  void coversEveryAncestorOfItself(@ForAll("scopes") Scope a) {
    for (Scope s : a.selfAndAncestors()) {
      assertThat(s.covers(a)).isTrue();
    }
  }

  @Property(tries = 500)
  void equalScopesHaveTheHashOfTheirPath(@ForAll("scopes") Scope a) {
    assertThat(a.hashCode()).isEqualTo(a.path().hashCode());
    assertThat(Scope.of(a.path())).isEqualTo(a).hasSameHashCodeAs(a);
  }

  @Example
  void coversEqualScopesThatAreDistinctObjects() {
    // Parse more paths than the cache keeps, so that it starts afresh: the same paths parsed
    // again give equal scopes that are other objects, with other ancestors.
    Scope cluster = Scope.of("covers-test/cluster-1");
    Scope node = Scope.of("covers-test/cluster-1/node-1");
    for (int i = 0; i <= 1 << 16; i++) {
      Scope.of("covers-fill/p-" + i);
    }
    Scope clusterAgain = Scope.of("covers-test/cluster-1");
    Scope nodeAgain = Scope.of("covers-test/cluster-1/node-1");
    assertThat(clusterAgain).isNotSameAs(cluster).isEqualTo(cluster);
    assertThat(nodeAgain.parent().orElseThrow()).isNotSameAs(node.parent().orElseThrow());

    assertThat(cluster.covers(nodeAgain)).isTrue();
    assertThat(clusterAgain.covers(node)).isTrue();
    assertThat(Scope.of("covers-test").covers(nodeAgain)).isTrue();
    assertThat(nodeAgain.covers(node)).isTrue();
    assertThat(Scope.of("covers-test/cluster-2").covers(nodeAgain)).isFalse();
    assertThat(node.covers(clusterAgain)).isFalse();
  }

  @Provide
  Arbitrary<Scope> scopes() {
    Arbitrary<String> segment = Arbitraries.of("a", "ab", "b", "a.b", "a-", "b:a");
    return segment.list().ofMinSize(1).ofMaxSize(4).map(s -> Scope.of(String.join("/", s)));
  }
}
