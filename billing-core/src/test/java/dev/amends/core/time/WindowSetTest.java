package dev.amends.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

/**
 * Normalised sets of half-open windows. Times are written as minutes after {@link #T0} so the
 * arithmetic can be read off the test: {@code w(60, 120)} is {@code [01:00, 02:00)}.
 */
class WindowSetTest {
  /** 00:00 UTC on 1 Dec 2007. */
  private static final Instant T0 = Instant.parse("2007-12-01T00:00:00Z");

  private static Instant at(long minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }

  private static Interval w(long fromMinute, long toMinute) {
    return Interval.of(at(fromMinute), at(toMinute));
  }

  private static WindowSet set(Interval... windows) {
    return WindowSet.of(List.of(windows));
  }

  // ---------------------------------------------------------------- construction and union

  @Test
  void mergesOverlappingWindowsIntoOne() {
    // [60, 180) ∪ [120, 240) = [60, 240)
    WindowSet s = set(w(60, 180), w(120, 240));

    assertThat(s.windows()).containsExactly(w(60, 240));
    assertThat(s.totalLength()).isEqualTo(Duration.ofMinutes(180));
  }

  @Test
  void mergesAbuttingWindowsIntoOne() {
    WindowSet s = set(w(600, 660), w(660, 720));

    assertThat(s.windows()).containsExactly(w(600, 720));
    assertThat(s.size()).isOne();
  }

  @Test
  void keepsSeparatedWindowsApartAndSortsThem() {
    WindowSet s = set(w(300, 360), w(0, 60), w(120, 180));

    assertThat(s.windows()).containsExactly(w(0, 60), w(120, 180), w(300, 360));
    assertThat(s.totalLength()).isEqualTo(Duration.ofMinutes(180));
  }

  @Test
  void swallowsWindowsEnclosedByAnother() {
    WindowSet s = set(w(0, 600), w(60, 120), w(300, 600), w(0, 10));

    assertThat(s.windows()).containsExactly(w(0, 600));
  }

  @Test
  void ignoresEmptyWindows() {
    assertThat(WindowSet.of(w(60, 60))).isEqualTo(WindowSet.empty());
    assertThat(WindowSet.of(w(60, 60)).isEmpty()).isTrue();
    // An empty window between two others neither bridges nor splits them.
    assertThat(set(w(0, 60), w(90, 90), w(120, 180)).windows()).containsExactly(w(0, 60), w(120, 180));
    assertThat(set(w(5, 5), w(7, 7))).isEqualTo(WindowSet.empty());
    assertThat(WindowSet.of(List.of())).isEqualTo(WindowSet.empty());
  }

  @Test
  void unionsTwoSets() {
    WindowSet a = set(w(0, 60), w(120, 180));
    WindowSet b = set(w(50, 130), w(300, 310));

    // [0,60) ∪ [50,130) ∪ [120,180) = [0,180); plus [300,310)
    assertThat(a.union(b).windows()).containsExactly(w(0, 180), w(300, 310));
    assertThat(a.union(WindowSet.empty())).isEqualTo(a);
    assertThat(WindowSet.empty().union(b)).isEqualTo(b);
  }

  @Test
  void equalsComparesTheInstantsCoveredNotHowTheyWereGiven() {
    WindowSet pieces = set(w(0, 30), w(30, 60), w(45, 90), w(200, 200));
    WindowSet whole = WindowSet.of(w(0, 90));

    assertThat(pieces).isEqualTo(whole).hasSameHashCodeAs(whole);
    assertThat(pieces).isNotEqualTo(WindowSet.of(w(0, 91)));
    assertThat(pieces.toString()).isEqualTo("[2007-12-01T00:00:00Z/2007-12-01T01:30:00Z]");
  }

  // ---------------------------------------------------------------- membership and bounds

  @Test
  void containsItsStartButNotItsEnd() {
    WindowSet s = set(w(60, 120));

    assertThat(s.contains(at(60))).isTrue();
    assertThat(s.contains(at(119))).isTrue();
    assertThat(s.contains(at(120))).isFalse();
    assertThat(s.contains(at(59))).isFalse();
  }

  @Test
  void reportsTheEarliestStartAndLatestEnd() {
    WindowSet s = set(w(300, 360), w(10, 20));

    assertThat(s.start()).isEqualTo(at(10));
    assertThat(s.end()).isEqualTo(at(360));
  }

  @Test
  void refusesStartAndEndOfAnEmptySet() {
    assertThatIllegalStateException().isThrownBy(() -> WindowSet.empty().start()).withMessageContaining("empty");
    assertThatIllegalStateException().isThrownBy(() -> WindowSet.empty().end()).withMessageContaining("empty");
  }

  @Test
  void totalLengthOfTheEmptySetIsZero() {
    assertThat(WindowSet.empty().totalLength()).isZero();
  }

  @Test
  void totalLengthCountsEachInstantOnce() {
    // [0,120) ∪ [60,180) = [0,180): 180 min, not 120 + 120.
    // [1000, 1007) adds 7 min: 187 in all.
    assertThat(set(w(0, 120), w(60, 180), w(1000, 1007)).totalLength()).isEqualTo(Duration.ofMinutes(187));
  }

  @Test
  void totalLengthAddsFractionsOfASecondExactly() {
    // [0.7 s, 2.2 s) is 1.5 s (its nanoseconds go down: 0.2 - 0.7), [3.9 s, 4.1 s) 0.2 s and
    // [10.000000001 s, 10.999999999 s) 0.999999998 s: 2.699999998 s in all.
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    WindowSet s = set(Interval.of(t.plusMillis(700), t.plusMillis(2200)),
        Interval.of(t.plusMillis(3900), t.plusMillis(4100)),
        Interval.of(t.plusNanos(10_000_000_001L), t.plusNanos(10_999_999_999L)));
    assertThat(s.totalLength()).isEqualTo(Duration.ofSeconds(2, 699_999_998));
  }

  @Test
  void totalLengthOfWindowsBeforeTheEpochIsExact() {
    // [-1.3 s, -0.4 s) is 0.9 s, [-10.5 s, -10.25 s) 0.25 s: 1.15 s.
    Instant t = Instant.EPOCH;
    WindowSet s = set(Interval.of(t.minusMillis(1300), t.minusMillis(400)),
        Interval.of(t.minusMillis(10_500), t.minusMillis(10_250)));
    assertThat(s.totalLength()).isEqualTo(Duration.ofMillis(1150));
  }

  // ---------------------------------------------------------------- intersection

  @Test
  void intersectsOverlappingWindows() {
    WindowSet a = set(w(0, 100), w(200, 300));
    WindowSet b = set(w(50, 250), w(290, 400));

    // [0,100)∩[50,250) = [50,100); [200,300)∩[50,250) = [200,250); [200,300)∩[290,400) = [290,300)
    assertThat(a.intersection(b).windows()).containsExactly(w(50, 100), w(200, 250), w(290, 300));
    assertThat(a.intersection(b).totalLength()).isEqualTo(Duration.ofMinutes(50 + 50 + 10));
  }

  @Test
  void intersectionOfAbuttingWindowsIsEmpty() {
    assertThat(set(w(0, 60)).intersection(set(w(60, 120)))).isEqualTo(WindowSet.empty());
  }

  @Test
  void clipsToAWindow() {
    WindowSet down = set(w(-60, 30), w(100, 200), w(1500, 1600));

    // Clip to [0, 1440): [0,30), [100,200), and nothing of [1500,1600).
    assertThat(down.intersection(w(0, 1440)).windows()).containsExactly(w(0, 30), w(100, 200));
    assertThat(down.intersection(w(0, 0))).isEqualTo(WindowSet.empty());
    assertThat(WindowSet.empty().intersection(w(0, 1440))).isEqualTo(WindowSet.empty());
  }

  // ---------------------------------------------------------------- minus

  @Test
  void removingAWindowInsideSplitsInTwo() {
    // [0,600) − [120,180) = [0,120) ∪ [180,600): 540 min
    WindowSet rest = set(w(0, 600)).minus(w(120, 180));

    assertThat(rest.windows()).containsExactly(w(0, 120), w(180, 600));
    assertThat(rest.totalLength()).isEqualTo(Duration.ofMinutes(540));
  }

  @Test
  void removingAStraddlingWindowTrimsOneEnd() {
    assertThat(set(w(60, 180)).minus(w(0, 120)).windows()).containsExactly(w(120, 180));
    assertThat(set(w(60, 180)).minus(w(120, 240)).windows()).containsExactly(w(60, 120));
  }

  @Test
  void removingACoveringWindowLeavesNothing() {
    assertThat(set(w(60, 180)).minus(w(0, 240))).isEqualTo(WindowSet.empty());
    assertThat(set(w(60, 180)).minus(w(60, 180))).isEqualTo(WindowSet.empty());
  }

  @Test
  void removingADisjointWindowChangesNothing() {
    WindowSet s = set(w(60, 180));

    assertThat(s.minus(w(180, 240))).isEqualTo(s);
    assertThat(s.minus(w(0, 60))).isEqualTo(s);
    assertThat(s.minus(w(500, 600))).isEqualTo(s);
    assertThat(s.minus(WindowSet.empty())).isEqualTo(s);
    assertThat(WindowSet.empty().minus(s)).isEqualTo(WindowSet.empty());
  }

  @Test
  void removesSeveralWindowsFromSeveralWindows() {
    WindowSet a = set(w(0, 100), w(200, 300), w(400, 500));
    WindowSet b = set(w(10, 20), w(90, 210), w(250, 260), w(295, 450));

    // [0,100) − [10,20) − [90,..) = [0,10) ∪ [20,90)
    // [200,300) − [..,210) − [250,260) − [295,..) = [210,250) ∪ [260,295)
    // [400,500) − [..,450) = [450,500)
    assertThat(a.minus(b).windows())
        .containsExactly(w(0, 10), w(20, 90), w(210, 250), w(260, 295), w(450, 500));
    // 10 + 70 + 40 + 35 + 50 = 205
    assertThat(a.minus(b).totalLength()).isEqualTo(Duration.ofMinutes(205));
  }

  @Test
  void removingOneLongWindowSpanningSeveralLeavesOnlyTheOutsideParts() {
    WindowSet a = set(w(0, 100), w(200, 300), w(400, 500));

    assertThat(a.minus(w(50, 450)).windows()).containsExactly(w(0, 50), w(450, 500));
  }

  @Test
  void isImmutableAndUnmodifiable() {
    WindowSet s = set(w(0, 60));
    s.union(set(w(100, 200)));
    s.minus(w(0, 30));

    assertThat(s.windows()).containsExactly(w(0, 60));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.windows().add(w(1, 2)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // ---------------------------------------------------------------- properties
  //
  // The oracle: windows on whole minutes in [0, 200), modelled as a BitSet of covered minutes.
  // It never calls WindowSet, so these properties check the code against an independent model.

  private static final int HORIZON = 200;

  @Provide
  Arbitrary<List<Interval>> windows() {
    Arbitrary<Interval> one = Combinators.combine(
            Arbitraries.integers().between(0, HORIZON), Arbitraries.integers().between(0, 40))
        .as((start, length) -> w(start, Math.min(HORIZON, start + length)));
    return one.list().ofMaxSize(8);
  }

  private static BitSet model(List<Interval> windows) {
    BitSet bits = new BitSet(HORIZON);
    for (Interval i : windows) {
      bits.set(minute(i.getStart()), minute(i.getEnd()));
    }
    return bits;
  }

  private static BitSet model(WindowSet s) {
    return model(s.windows());
  }

  private static int minute(Instant i) {
    return (int) Duration.between(T0, i).toMinutes();
  }

  private static void assertNormalised(WindowSet s) {
    List<Interval> ws = s.windows();
    for (int i = 0; i < ws.size(); i++) {
      assertThat(ws.get(i).isEmpty()).as("window %s is empty", i).isFalse();
      if (i > 0) {
        assertThat(ws.get(i - 1).getEnd()).as("windows %s and %s touch", i - 1, i).isBefore(ws.get(i).getStart());
      }
    }
  }

  @Property
  void unionCoversExactlyTheInstantsOfItsWindows(@ForAll("windows") List<Interval> windows) {
    WindowSet s = WindowSet.of(windows);

    assertNormalised(s);
    assertThat(model(s)).isEqualTo(model(windows));
    assertThat(s.totalLength()).isEqualTo(Duration.ofMinutes(model(windows).cardinality()));
  }

  @Property
  void unionIsIdempotent(@ForAll("windows") List<Interval> a) {
    WindowSet s = WindowSet.of(a);

    assertThat(s.union(s)).isEqualTo(s);
    assertThat(WindowSet.of(s.windows())).isEqualTo(s);
  }

  /**
   * Windows given in order of start, some apart (taken as they are, with no sort or merge), some
   * overlapping or abutting (merged): the same set as the model's either way.
   */
  @Property
  void windowsGivenInOrderMakeTheSameSet(@ForAll("windows") List<Interval> windows) {
    List<Interval> inOrder = new ArrayList<>(windows);
    inOrder.sort(java.util.Comparator.comparing(Interval::getStart));

    WindowSet s = WindowSet.of(inOrder);

    assertNormalised(s);
    assertThat(model(s)).isEqualTo(model(windows));
    assertThat(WindowSet.of(new ArrayList<>(s.windows()))).isEqualTo(s);
  }

  @Property
  void orderOfWindowsDoesNotMatter(@ForAll("windows") List<Interval> windows, @ForAll long seed) {
    List<Interval> shuffled = new ArrayList<>(windows);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(WindowSet.of(shuffled)).isEqualTo(WindowSet.of(windows));
  }

  @Property
  void unionAndIntersectionCountEachInstantOnce(
      @ForAll("windows") List<Interval> a, @ForAll("windows") List<Interval> b) {
    WindowSet sa = WindowSet.of(a);
    WindowSet sb = WindowSet.of(b);

    // |A ∪ B| + |A ∩ B| = |A| + |B|
    assertThat(sa.union(sb).totalLength().plus(sa.intersection(sb).totalLength()))
        .isEqualTo(sa.totalLength().plus(sb.totalLength()));
    assertThat(sa.union(sb)).isEqualTo(sb.union(sa));
    assertThat(sa.intersection(sb)).isEqualTo(sb.intersection(sa));
  }

  @Property
  void intersectionAndMinusAgreeWithTheModel(
      @ForAll("windows") List<Interval> a, @ForAll("windows") List<Interval> b) {
    WindowSet sa = WindowSet.of(a);
    WindowSet sb = WindowSet.of(b);
    BitSet both = model(a);
    both.and(model(b));
    BitSet onlyA = model(a);
    onlyA.andNot(model(b));

    assertNormalised(sa.intersection(sb));
    assertNormalised(sa.minus(sb));
    assertThat(model(sa.intersection(sb))).isEqualTo(both);
    assertThat(model(sa.minus(sb))).isEqualTo(onlyA);
  }

  @Property
  void differenceAndIntersectionRebuildTheWhole(
      @ForAll("windows") List<Interval> a, @ForAll("windows") List<Interval> b) {
    WindowSet sa = WindowSet.of(a);
    WindowSet sb = WindowSet.of(b);

    // (A − B) ∪ (A ∩ B) = A
    assertThat(sa.minus(sb).union(sa.intersection(sb))).isEqualTo(sa);
  }

  @Property
  void differenceAndIntersectionAreDisjoint(
      @ForAll("windows") List<Interval> a, @ForAll("windows") List<Interval> b) {
    WindowSet sa = WindowSet.of(a);
    WindowSet sb = WindowSet.of(b);

    assertThat(sa.minus(sb).intersection(sa.intersection(sb)).isEmpty()).isTrue();
    assertThat(sa.minus(sb).intersection(sb).isEmpty()).isTrue();
    // so their lengths add up: |A − B| + |A ∩ B| = |A|
    assertThat(sa.minus(sb).totalLength().plus(sa.intersection(sb).totalLength())).isEqualTo(sa.totalLength());
  }
}
