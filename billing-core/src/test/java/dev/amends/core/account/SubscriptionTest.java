package dev.amends.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.scope.Scope;
import java.time.Instant;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

class SubscriptionTest {
  private static final Instant JAN_2006 = Instant.parse("2006-01-01T05:00:00Z");
  private static final PriceSchedule USD_20_MONTHLY = PriceSchedule.monthly(Money.parse("USD 20.00"));

  private static Subscription.Builder valid() {
    return Subscription.builder()
        .id("sub-1")
        .plan("grid")
        .prices(USD_20_MONTHLY)
        .active(JAN_2006, Instant.MAX)
        .addPlacements(Scope.of("grid/cluster-2"));
  }

  @Test
  void buildsWithOneSeatByDefault() {
    Subscription s = valid().build();

    assertThat(s.id()).isEqualTo("sub-1");
    assertThat(s.plan()).isEqualTo("grid");
    assertThat(s.prices()).isEqualTo(USD_20_MONTHLY);
    assertThat(s.active()).isEqualTo(Interval.of(JAN_2006, Instant.MAX));
    assertThat(s.seats()).isEqualTo(1);
    assertThat(s.tags()).isEmpty();
  }

  @Test
  void isPlacedUnderItsPlacementsAndTheirAncestorsOnly() {
    Subscription s = valid().addPlacements(Scope.of("mail/eu-1")).build();

    assertThat(s.isPlacedUnder(Scope.of("grid"))).isTrue();
    assertThat(s.isPlacedUnder(Scope.of("grid/cluster-2"))).isTrue();
    assertThat(s.isPlacedUnder(Scope.of("mail"))).isTrue();
    assertThat(s.isPlacedUnder(Scope.of("grid/cluster-1"))).isFalse();
    assertThat(s.isPlacedUnder(Scope.of("grid/cluster-2/node-7"))).isFalse();
    assertThat(s.isPlacedUnder(Scope.of("grids"))).isFalse();
  }

  @Test
  void rejectsASubscriptionPlacedNowhere() {
    // An unplaced subscription could never be affected by an outage: it would silently get nothing.
    Subscription.Builder unplaced = Subscription.builder()
        .id("sub-1")
        .plan("grid")
        .prices(USD_20_MONTHLY)
        .active(JAN_2006, Instant.MAX);

    assertThatThrownBy(unplaced::build)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("subscription.placements");
          assertThat(e.getMessage()).isEqualTo("subscription.placements must not be empty: []");
        });
  }

  @Test
  void rejectsFewerThanOneSeat() {
    assertThatThrownBy(() -> valid().seats(0).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("subscription.seats");
          assertThat(e.getMessage()).isEqualTo("subscription.seats must be at least 1: 0");
        });
    assertThatThrownBy(() -> valid().seats(-3).build()).hasMessage("subscription.seats must be at least 1: -3");
  }

  @Test
  void rejectsAnEmptyActiveWindow() {
    assertThatThrownBy(() -> valid().active(JAN_2006, JAN_2006).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("subscription.active");
          assertThat(e.getMessage())
              .isEqualTo("subscription.active must not be empty: 2006-01-01T05:00:00Z/2006-01-01T05:00:00Z");
        });
  }

  @Test
  void rejectsAReversedActiveWindowNamingBothEnds() {
    Instant earlier = JAN_2006.minusSeconds(3600);

    assertThatThrownBy(() -> valid().active(JAN_2006, earlier))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("subscription.active.end is before start: start=2006-01-01T05:00:00Z, end=2006-01-01T04:00:00Z");
  }

  @Test
  void rejectsMissingFieldsNamingThem() {
    assertThatThrownBy(() -> Subscription.builder().plan("grid").prices(USD_20_MONTHLY).active(JAN_2006, Instant.MAX).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("subscription.id is required: not set");
    assertThatThrownBy(() -> Subscription.builder().id("sub-1").plan("grid").active(JAN_2006, Instant.MAX).build())
        .hasMessage("subscription.prices is required: not set");
    assertThatThrownBy(() -> Subscription.builder().id("sub-1").plan("grid").prices(USD_20_MONTHLY).build())
        .hasMessage("subscription.active is required: not set");
  }

  @Test
  void rejectsBlankIdAndPlan() {
    assertThatThrownBy(() -> valid().id(" ").build()).hasMessage("subscription.id must not be blank: \" \"");
    assertThatThrownBy(() -> valid().plan("").build()).hasMessage("subscription.plan must not be blank: \"\"");
  }

  @Test
  void copiesAreValidatedToo() {
    Subscription s = valid().build();

    assertThat(Subscription.builder().from(s).seats(3).build().seats()).isEqualTo(3);
    assertThatThrownBy(() -> Subscription.builder().from(s).seats(0).build())
        .hasMessage("subscription.seats must be at least 1: 0");
  }
}
