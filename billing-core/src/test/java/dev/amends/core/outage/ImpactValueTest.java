package dev.amends.core.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.Ratio;
import org.junit.jupiter.api.Test;

/** An impact as a value, and the edges of its user counts. */
class ImpactValueTest {
  @Test
  void allUsersAffectedIsTakenAsAShareOfOne() {
    assertThat(Impact.degraded().withAffectedUsers(250, 250).share()).isEqualTo(Ratio.ONE);
  }

  @Test
  void oneUserAffectedIsTheSmallestCountTaken() {
    assertThat(Impact.full().withAffectedUsers(1, 400).share()).isEqualTo(Ratio.of(1, 400));
  }

  @Test
  void noUserAffectedOrMoreThanAllAreRefusedNamingTheCount() {
    assertThatThrownBy(() -> Impact.full().withAffectedUsers(0, 400))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("impact.affectedUsers");
          assertThat(e.rule()).isEqualTo("must be in [1, 400]");
          assertThat(e.value()).isEqualTo("0");
        });
    assertThatThrownBy(() -> Impact.full().withAffectedUsers(401, 400))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.value()).isEqualTo("401"));
  }

  @Test
  void impactsThatDifferInLevelOrShareAreNotEqualNorHashAlike() {
    Impact half = Impact.degraded().withAffectedShare(Ratio.of(1, 2));

    assertThat(half).isEqualTo(Impact.degraded().withAffectedUsers(5, 10))
        .hasSameHashCodeAs(Impact.degraded().withAffectedUsers(5, 10))
        .isNotEqualTo(Impact.full().withAffectedShare(Ratio.of(1, 2)))
        .isNotEqualTo(Impact.degraded().withAffectedShare(Ratio.of(1, 3)))
        .isNotEqualTo(Impact.degraded())
        .isNotEqualTo("DEGRADED");
    assertThat(half.hashCode()).isNotEqualTo(Impact.full().withAffectedShare(Ratio.of(1, 2)).hashCode());
    assertThat(Impact.full().hashCode()).isNotEqualTo(Impact.degraded().hashCode());
  }

  @Test
  void anImpactOnAShareSaysSo() {
    assertThat(Impact.degraded().withAffectedShare(Ratio.of(1, 4))).hasToString("DEGRADED for 1/4 of users");
    assertThat(Impact.full()).hasToString("FULL");
  }
}
