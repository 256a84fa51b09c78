package dev.amends.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Standing.Change;
import dev.amends.core.account.Standing.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StandingTest {
  private static final Instant NOV_15_2007 = Instant.parse("2007-11-15T00:00:00Z");
  private static final Instant MAY_20 = Instant.parse("2024-05-20T04:00:00Z");
  private static final Instant JUN_02 = Instant.parse("2024-06-02T16:00:00Z");
  private static final Instant JUN_05 = Instant.parse("2024-06-05T09:00:00Z");

  /** Overdue from 20 May, suspended from 2 June, good again from 5 June. */
  private static final Standing OVERDUE_SUSPENDED_PAID = Standing.of(List.of(
      new Change(MAY_20, Status.OVERDUE), new Change(JUN_02, Status.SUSPENDED), new Change(JUN_05, Status.GOOD)));

  @Test
  void goodStandingHasNoSince() {
    assertThat(Standing.good().isGood()).isTrue();
    assertThat(Standing.good().status()).isEqualTo(Standing.Status.GOOD);
    assertThat(Standing.good().since()).isEmpty();
    assertThat(Standing.good()).hasToString("GOOD");
  }

  @Test
  void otherStandingsSaySinceWhen() {
    assertThat(Standing.overdueSince(NOV_15_2007).status()).isEqualTo(Standing.Status.OVERDUE);
    assertThat(Standing.overdueSince(NOV_15_2007).since()).contains(NOV_15_2007);
    assertThat(Standing.overdueSince(NOV_15_2007).isGood()).isFalse();
    assertThat(Standing.overdueSince(NOV_15_2007)).hasToString("OVERDUE since 2007-11-15T00:00:00Z");
    assertThat(Standing.suspendedSince(NOV_15_2007).status()).isEqualTo(Standing.Status.SUSPENDED);
    assertThat(Standing.closedSince(NOV_15_2007).status()).isEqualTo(Standing.Status.CLOSED);
  }

  @Test
  void equalsByStatusAndSince() {
    assertThat(Standing.overdueSince(NOV_15_2007))
        .isEqualTo(Standing.overdueSince(Instant.parse("2007-11-15T00:00:00Z")))
        .hasSameHashCodeAs(Standing.overdueSince(NOV_15_2007));
    assertThat(Standing.overdueSince(NOV_15_2007)).isNotEqualTo(Standing.suspendedSince(NOV_15_2007));
    assertThat(Standing.overdueSince(NOV_15_2007)).isNotEqualTo(Standing.overdueSince(NOV_15_2007.plusSeconds(1)));
  }

  @Test
  void rejectsAMissingSinceNamingIt() {
    assertThatThrownBy(() -> Standing.overdueSince(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("standing.since is required: null");
  }

  @Test
  void goodIsGoodAtEveryInstant() {
    assertThat(Standing.good().at(Instant.MIN)).isEqualTo(Status.GOOD);
    assertThat(Standing.good().at(NOV_15_2007)).isEqualTo(Status.GOOD);
    assertThat(Standing.good().isGoodAt(Instant.MAX)).isTrue();
    assertThat(Standing.good().changes()).isEmpty();
  }

  @Test
  void aSinceFactoryMeansGoodBeforeTheInstantAndThatStatusFromItOn() {
    Standing overdue = Standing.overdueSince(NOV_15_2007);

    assertThat(overdue.at(NOV_15_2007.minusNanos(1))).isEqualTo(Status.GOOD);
    assertThat(overdue.at(NOV_15_2007)).isEqualTo(Status.OVERDUE);
    assertThat(overdue.at(Instant.MAX)).isEqualTo(Status.OVERDUE);
    assertThat(overdue.changes()).containsExactly(new Change(NOV_15_2007, Status.OVERDUE));
  }

  @Test
  void aTimelineGivesTheStatusInForceAtEachInstantWithEachChangeTakingEffectAtItsInstant() {
    assertThat(OVERDUE_SUSPENDED_PAID.at(MAY_20.minusNanos(1))).isEqualTo(Status.GOOD);
    assertThat(OVERDUE_SUSPENDED_PAID.at(MAY_20)).isEqualTo(Status.OVERDUE);
    assertThat(OVERDUE_SUSPENDED_PAID.at(JUN_02.minusNanos(1))).isEqualTo(Status.OVERDUE);
    assertThat(OVERDUE_SUSPENDED_PAID.at(JUN_02)).isEqualTo(Status.SUSPENDED);
    assertThat(OVERDUE_SUSPENDED_PAID.at(JUN_05.minusNanos(1))).isEqualTo(Status.SUSPENDED);
    assertThat(OVERDUE_SUSPENDED_PAID.at(JUN_05)).isEqualTo(Status.GOOD);
    assertThat(OVERDUE_SUSPENDED_PAID.isGoodAt(JUN_05)).isTrue();
    assertThat(OVERDUE_SUSPENDED_PAID.changeInForceAt(JUN_02.plusSeconds(60)))
        .contains(new Change(JUN_02, Status.SUSPENDED));
    assertThat(OVERDUE_SUSPENDED_PAID.changeInForceAt(MAY_20.minusSeconds(1))).isEmpty();
  }

  @Test
  void statusAndSinceAreTheLatestChange() {
    assertThat(OVERDUE_SUSPENDED_PAID.status()).isEqualTo(Status.GOOD);
    assertThat(OVERDUE_SUSPENDED_PAID.since()).contains(JUN_05);
    assertThat(OVERDUE_SUSPENDED_PAID.isGood()).isTrue();
  }

  @Test
  void thenAppendsAChangeToTheTimeline() {
    Standing built = Standing.overdueSince(MAY_20).then(Status.SUSPENDED, JUN_02).then(Status.GOOD, JUN_05);

    assertThat(built).isEqualTo(OVERDUE_SUSPENDED_PAID).hasSameHashCodeAs(OVERDUE_SUSPENDED_PAID);
    assertThat(built).hasToString("OVERDUE since 2024-05-20T04:00:00Z, then SUSPENDED since 2024-06-02T16:00:00Z, "
        + "then GOOD since 2024-06-05T09:00:00Z");
  }

  @Test
  void anEmptyTimelineIsGood() {
    assertThat(Standing.of(List.of())).isEqualTo(Standing.good()).hasToString("GOOD");
  }

  @Test
  void keepsAChangeThatRepeatsTheStatusInForce() {
    // Two unpaid invoices: overdue from 20 May, "overdue" again on 2 June.
    Standing twice = Standing.overdueSince(MAY_20).then(Status.OVERDUE, JUN_02);

    assertThat(twice.changes()).hasSize(2);
    assertThat(twice.at(JUN_02)).isEqualTo(Status.OVERDUE);
    assertThat(twice.since()).contains(JUN_02);
  }

  @Test
  void rejectsAChangeAtTheSameInstantAsThePreviousNamingItsIndex() {
    assertThatThrownBy(() -> Standing.of(List.of(new Change(MAY_20, Status.OVERDUE), new Change(MAY_20, Status.GOOD))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("standing.changes[1].from must be after the previous change at 2024-05-20T04:00:00Z: "
            + "2024-05-20T04:00:00Z");
  }

  @Test
  void rejectsChangesOutOfOrder() {
    assertThatThrownBy(() -> Standing.overdueSince(JUN_05).then(Status.GOOD, MAY_20))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("standing.changes[1].from must be after the previous change at 2024-06-05T09:00:00Z: "
            + "2024-05-20T04:00:00Z");
  }

  @Test
  void rejectsNullsNamingThem() {
    assertThatThrownBy(() -> Standing.of(null)).hasMessage("standing.changes is required: null");
    assertThatThrownBy(() -> Standing.of(Arrays.asList(new Change(MAY_20, Status.OVERDUE), null)))
        .isInstanceOf(InvalidInputException.class).hasMessage("standing.changes[1] is required: null");
    assertThatThrownBy(() -> new Change(null, Status.OVERDUE)).hasMessage("standing.change.from is required: null");
    assertThatThrownBy(() -> new Change(MAY_20, null)).hasMessage("standing.change.status is required: null");
    assertThatThrownBy(() -> Standing.good().then(null, MAY_20)).hasMessage("standing.change.status is required: null");
    assertThatThrownBy(() -> Standing.good().then(Status.GOOD, null))
        .hasMessage("standing.change.from is required: null");
    assertThatThrownBy(() -> Standing.good().at(null))
        .isInstanceOf(InvalidInputException.class).hasMessage("standing.at is required: null");
  }

  @Property(tries = 300)
  void theStatusAtAnInstantIsThatOfTheLastChangeAtOrBeforeIt(
      @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 20) Integer> gaps,
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 3) Integer> statuses,
      @ForAll @IntRange(min = 0, max = 300) int asked) {
    List<Change> changes = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < Math.min(gaps.size(), statuses.size()); i++) {
      t += gaps.get(i);
      changes.add(new Change(Instant.ofEpochSecond(t), Status.values()[statuses.get(i)]));
    }
    Instant at = Instant.ofEpochSecond(asked);
    Status expected = Status.GOOD;
    for (Change c : changes) { // a plain scan: the last change not after the instant wins
      if (!c.from().isAfter(at)) {
        expected = c.status();
      }
    }

    assertThat(Standing.of(changes).at(at)).isEqualTo(expected);
  }
}
