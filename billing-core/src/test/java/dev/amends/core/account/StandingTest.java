package dev.amends.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandingTest {
  private static final Instant NOV_15_2007 = Instant.parse("2007-11-15T00:00:00Z");

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
}
