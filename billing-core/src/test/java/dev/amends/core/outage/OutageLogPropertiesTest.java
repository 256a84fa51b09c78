package dev.amends.core.outage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.scope.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.threeten.extra.Interval;

/**
 * {@link OutageLog#affecting} answers a placement whose every record overlaps the window with its
 * shared view, found by comparing the records' earliest end and latest start with the window's
 * ends (a short path); otherwise it searches its index. This
 * property holds both to what the answer means, worked out here by filtering every record: those
 * on a placement or an ancestor that share an instant with the window (start before the window's
 * end, end after its start), each once, by start, then id. Instants sit on a few seconds with
 * nanoseconds 0, 1 and 999,999,999, so ends meet, and differ by a nanosecond, often.
 */
class OutageLogPropertiesTest {
  private static final Instant BASE = Instant.parse("2024-06-10T10:00:00Z");
  private static final List<Scope> SCOPES = List.of(Scope.of("g"), Scope.of("g/c1"), Scope.of("g/c1/n1"),
      Scope.of("g/c1/n2"), Scope.of("g/c2"), Scope.of("g/c2/n3"));
  private static final List<Scope> PLACEMENTS = List.of(Scope.of("g/c1/n1"), Scope.of("g/c1/n2"),
      Scope.of("g/c2/n3"), Scope.of("g/c1"), Scope.of("g/c3/n4"));

  /** A record as generated: its scope's index, and its start and end as instants' indexes. */
  record Spec(int scope, int start, int end) {}

  @Property(tries = 2000)
  void affectingIsEveryRecordOnAPlacementOrAncestorSharingAnInstantWithTheWindow(
      @ForAll("records") List<Spec> specs, @ForAll("placements") List<Integer> placementIndexes,
      @ForAll("instants") Instant a, @ForAll("instants") Instant b) {
    List<Outage> records = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      records.add(Outage.builder().id("o-" + i).addScopes(SCOPES.get(s.scope()))
          .window(instant(s.start()), instant(s.end())).build());
    }
    OutageLog log = OutageLog.of(records);
    Set<Scope> placements = new LinkedHashSet<>();
    for (int i : placementIndexes) {
      placements.add(PLACEMENTS.get(i));
    }
    Interval window = a.isAfter(b) ? Interval.of(b, a) : Interval.of(a, b);

    List<Outage> expected = new ArrayList<>();
    for (Outage o : records) {
      boolean onPlacement = placements.stream().anyMatch(p -> o.scopes().stream().anyMatch(s -> s.covers(p)));
      Interval w = o.window();
      if (onPlacement && w.getStart().isBefore(window.getEnd()) && w.getEnd().isAfter(window.getStart())) {
        expected.add(o);
      }
    }
    expected.sort(Comparator.comparing((Outage o) -> o.window().getStart()).thenComparing(Outage::id));

    // twice: the second look-up of a placement reads the index kept from the first
    assertThat(log.affecting(placements, window)).containsExactlyElementsOf(expected);
    assertThat(log.affecting(placements, window)).containsExactlyElementsOf(expected);
  }

  private static Instant instant(int index) {
    int[] nanos = {0, 1, 999_999_999};
    return BASE.plusSeconds(index / 3).plusNanos(nanos[index % 3]);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.integers().between(0, 14).map(OutageLogPropertiesTest::instant);
  }

  @Provide
  Arbitrary<List<Spec>> records() {
    Arbitrary<Integer> index = Arbitraries.integers().between(0, 14);
    return Combinators.combine(Arbitraries.integers().between(0, SCOPES.size() - 1), index, index)
        .filter((scope, x, y) -> !x.equals(y))
        .as((scope, x, y) -> new Spec(scope, Math.min(x, y), Math.max(x, y)))
        .list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<Integer>> placements() {
    return Arbitraries.integers().between(0, PLACEMENTS.size() - 1).list().ofMinSize(1).ofMaxSize(2);
  }
}
