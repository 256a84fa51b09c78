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
  void tellsApartIdsWithTheSameHashCode() {
    // "Aa" and "BB" have the same String.hashCode (65 * 31 + 97 = 66 * 31 + 66 = 2112), and so do
    // "AaAa", "AaBB", "BBAa" and "BBBB": the table keeps hashes, so only the bytes can tell them apart
    SeenIds seen = new SeenIds();

    assertThat(seen.add("Aa", 1)).isZero();
    assertThat(seen.add("BB", 2)).isZero();
    assertThat(seen.add("AaAa", 3)).isZero();
    assertThat(seen.add("AaBB", 4)).isZero();
    assertThat(seen.add("BBAa", 5)).isZero();
    assertThat(seen.add("BBBB", 6)).isZero();
    assertThat(seen.add("BB", 7)).isEqualTo(2);
    assertThat(seen.add("BBAa", 8)).isEqualTo(5);
    assertThat(seen.add("Aa", 9)).isEqualTo(1);
    assertThat(seen.size()).isEqualTo(6);
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
