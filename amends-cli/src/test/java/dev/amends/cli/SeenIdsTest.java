package dev.amends.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SeenIdsTest {
  @Test
  void givesTheFirstLineOfAnIdMetAgain() {
    SeenIds seen = new SeenIds();

    assertThat(seen.add("acme", 1)).isZero();
    assertThat(seen.add("borealis", 2)).isZero();
    assertThat(seen.add("acme", 7)).isEqualTo(1);
    assertThat(seen.add("acme", 9)).isEqualTo(1);
    assertThat(seen.add("Acme", 10)).isZero();
    assertThat(seen.size()).isEqualTo(3);
  }

  @Test
  void keepsEveryIdAcrossGrowth() {
    SeenIds seen = new SeenIds();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add(Fleet.id(i), i + 1)).isZero();
    }

    assertThat(seen.add(Fleet.id(0), 200_000)).isEqualTo(1);
    assertThat(seen.add(Fleet.id(99_999), 200_001)).isEqualTo(100_000);
    assertThat(seen.add("acct-100000", 200_002)).isZero();
  }

  /** The same answers as a map from id to first line, for any ids (unicode, empty, repeated). */
  @Property(tries = 200)
  void agreesWithAMapOfFirstLines(@ForAll @Size(max = 300) List<@StringLength(max = 6) String> ids) {
    SeenIds seen = new SeenIds();
    Map<String, Long> first = new HashMap<>();
    long line = 0;
    for (String id : ids) {
      line++;
      Long expected = first.putIfAbsent(id, line);
      assertThat(seen.add(id, line)).isEqualTo(expected == null ? 0 : expected);
    }
    assertThat(seen.size()).isEqualTo(first.size());
  }
}
