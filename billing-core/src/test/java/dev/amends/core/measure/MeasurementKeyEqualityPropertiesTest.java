package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.JUN_2024_UTC;
import static dev.amends.core.fixtures.Outages2024.NODE_7;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.outage.Outage;
import dev.amends.core.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.threeten.extra.Interval;

/**
 * {@link MeasurementKey#equals} compares a key of one placement or one record without its array
 * (a short path); these properties hold it, for keys of zero to three placements or records, to
 * what a key's equality means: the same kind, clip and period, and equal placements in the same
 * order, or the very same records in the same order. Placements come from a small pool that holds
 * equal scopes as distinct objects (a scope's parent is a new object), and records from a pool
 * that holds equal records as distinct objects, so equal-but-not-identical elements are common.
 */
class MeasurementKeyEqualityPropertiesTest {
  private static final Measurer MEASURER = Measurer.of(MeasurementRules.defaults());
  private static final Interval JUNE = JUN_2024_UTC.window();
  private static final Interval LATE_JUNE = Interval.of(JUNE.getStart().plus(Duration.ofDays(9)), JUNE.getEnd());
  private static final List<Scope> SCOPES = List.of(Scope.of("a"), Scope.of("a/b").parent().orElseThrow(),
      Scope.of("b"), Scope.of("b/c").parent().orElseThrow(), Scope.of("a/b"));
  private static final List<Outage> RECORDS = List.of(outage("o-1"), outage("o-1"), outage("o-2"));

  /** What a key holds, as generated. */
  record Spec(boolean ofRecords, boolean lateClip, List<Integer> elements) {}

  @Property(tries = 3000)
  void equalExactlyWhenEveryInputIsTheSame(@ForAll("specs") Spec a, @ForAll("specs") Spec b) {
    boolean expected = a.ofRecords() == b.ofRecords() && a.lateClip() == b.lateClip()
        && a.elements().size() == b.elements().size() && sameElements(a, b);

    assertThat(key(a).equals(key(b))).isEqualTo(expected);
    assertThat(key(b).equals(key(a))).isEqualTo(expected);
    if (expected) {
      assertThat(key(a).hashCode()).isEqualTo(key(b).hashCode());
    }
  }

  private static boolean sameElements(Spec a, Spec b) {
    for (int i = 0; i < a.elements().size(); i++) {
      int x = a.elements().get(i);
      int y = b.elements().get(i);
      boolean same = a.ofRecords() ? RECORDS.get(x) == RECORDS.get(y) : SCOPES.get(x).equals(SCOPES.get(y));
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static MeasurementKey key(Spec s) {
    Interval clip = s.lateClip() ? LATE_JUNE : JUNE;
    if (s.ofRecords()) {
      List<Outage> records = new ArrayList<>();
      for (int i : s.elements()) {
        records.add(RECORDS.get(i));
      }
      return new MeasurementKey(MEASURER, JUN_2024_UTC, clip, null, records);
    }
    LinkedHashSet<Scope> placements = new LinkedHashSet<>();
    for (int i : s.elements()) {
      placements.add(SCOPES.get(i));
    }
    return new MeasurementKey(MEASURER, JUN_2024_UTC, clip, placements, null);
  }

  @Provide
  Arbitrary<Spec> specs() {
    Arbitrary<Boolean> ofRecords = Arbitraries.of(true, false);
    Arbitrary<Boolean> lateClip = Arbitraries.of(true, false).edgeCases(e -> { });
    // placements of a set are distinct scopes: indexes 0 and 1 are equal scopes, as are 2 and 3
    Arbitrary<List<Integer>> placements = Arbitraries.of(List.of(), List.of(0), List.of(1), List.of(2), List.of(3),
        List.of(4), List.of(0, 2), List.of(1, 3), List.of(2, 0), List.of(0, 4), List.of(1, 4), List.of(0, 2, 4),
        List.of(1, 3, 4));
    Arbitrary<List<Integer>> records = Arbitraries.integers().between(0, 2).list().ofMaxSize(3);
    return ofRecords.flatMap(r -> Combinators.combine(lateClip, r ? records : placements)
        .as((late, elements) -> new Spec(r, late, elements)));
  }

  private static Outage outage(String id) {
    Instant start = JUNE.getStart().plus(Duration.ofDays(3));
    return Outage.builder().id(id).addScopes(NODE_7).window(start, start.plus(Duration.ofHours(2))).build();
  }
}
