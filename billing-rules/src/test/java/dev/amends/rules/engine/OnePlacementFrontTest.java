package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.Measurer;
import dev.amends.core.scope.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the front level of the shared measurements keeps: each placement once, at most its capacity. */
class OnePlacementFrontTest {
  static final Measurer MEASURER = Measurer.of(MeasurementRules.defaults());
  static final Measurement SOME = MEASURER.measure(subscription("sub-1", USD_20_00), JUNE_2024_UTC,
      dev.amends.core.outage.OutageLog.of(List.of(OUT_1)));

  static final Scope N1 = Scope.of("front/n-1");

  static Subscription on(Scope placement) {
    return Subscription.builder().from(subscription("sub-1", USD_20_00)).placements(List.of(placement)).build();
  }

  @Test
  void aPlacementKeptIsFoundAgainByAnotherSubscription() {
    OnePlacementFront front = new OnePlacementFront(8);
    Subscription sub = on(N1);
    OnePlacementFront.Group g = front.groupOf(MEASURER, sub, JUNE_2024_UTC);

    front.put(g, N1, SOME);

    Subscription other = Subscription.builder().from(on(N1)).id("sub-2").build();
    assertThat(front.get(front.groupOf(MEASURER, other, JUNE_2024_UTC), N1)).isSameAs(SOME);
    assertThat(front.get(g, Scope.of("front/n-9"))).isNull();
  }

  @Test
  void aSubscriptionActiveForPartOfThePeriodIsNotTheFrontsToAnswer() {
    OnePlacementFront front = new OnePlacementFront(8);
    Subscription late = Subscription.builder().from(on(N1))
        .active(Instant.parse("2024-06-02T00:00:00Z"), Instant.MAX).build();

    assertThat(front.groupOf(MEASURER, late, JUNE_2024_UTC)).isNull();
  }

  @Test
  void theFrontFullAtItsCapacityStartsAfresh() {
    OnePlacementFront front = new OnePlacementFront(2);
    Subscription sub = on(N1);

    List<Scope> scopes = List.of(Scope.of("front/n-0"), N1, Scope.of("front/n-2"), Scope.of("front/n-3"),
        Scope.of("front/n-4"));

    for (Scope s : scopes) {
      front.put(front.groupOf(MEASURER, sub, JUNE_2024_UTC), s, SOME);
      assertThat(front.size()).isLessThanOrEqualTo(2);
    }
    // n-0 and n-1 kept, n-2 emptied the front, n-3 and n-4 kept again
    assertThat(front.get(front.groupOf(MEASURER, sub, JUNE_2024_UTC), scopes.get(0))).isNull();
    assertThat(front.get(front.groupOf(MEASURER, sub, JUNE_2024_UTC), scopes.get(4))).isSameAs(SOME);
  }

  @Test
  void aTableGrowingPastHalfFullKeepsEveryPlacement() {
    OnePlacementFront front = new OnePlacementFront(SharedMeasurements.CAPACITY);
    Subscription sub = on(N1);
    OnePlacementFront.Group g = front.groupOf(MEASURER, sub, JUNE_2024_UTC);

    List<Scope> scopes = java.util.stream.IntStream.range(0, 5000).mapToObj(i -> Scope.of("grow/n-" + i)).toList();
    for (Scope s : scopes) { // the first table has 1,024 slots: it doubles four times
      front.put(g, s, SOME);
    }

    for (Scope s : scopes) {
      assertThat(front.get(g, s)).as(s.path()).isSameAs(SOME);
    }
    assertThat(front.size()).isEqualTo(5000);
  }
}
