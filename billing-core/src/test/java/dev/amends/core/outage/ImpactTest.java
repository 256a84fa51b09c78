package dev.amends.core.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.Ratio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpactTest {
  @Test
  void affectsEveryoneUnlessAShareIsStated() {
    assertThat(Impact.full().affectedShare()).isEmpty();
    assertThat(Impact.full().share()).isEqualTo(Ratio.ONE);
    assertThat(Impact.degraded().share()).isEqualTo(Ratio.ONE);
  }

  @Test
  void keepsTheLevelWhenAShareIsAdded() {
    Impact some = Impact.degraded().withAffectedUsers(37, 120);

    assertThat(some.level()).isEqualTo(Impact.Level.DEGRADED);
    assertThat(some.share()).isEqualTo(Ratio.of(37, 120));
    assertThat(some.affectedShare()).contains(Ratio.of(37, 120));
    assertThat(some.toString()).isEqualTo("DEGRADED for 37/120 of users");
  }

  @Test
  void userCountsReduceToTheSameShare() {
    assertThat(Impact.full().withAffectedUsers(30, 120)).isEqualTo(Impact.full().withAffectedShare(Ratio.of(1, 4)));
  }

  @ParameterizedTest(name = "{0} of {1}")
  @CsvSource({"0, 120", "121, 120", "-1, 120"})
  void rejectsAffectedUsersOutOfRange(long affected, long total) {
    assertThatThrownBy(() -> Impact.full().withAffectedUsers(affected, total))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("impact.affectedUsers must be in [1, " + total + "]: " + affected);
  }

  @Test
  void rejectsZeroTotalUsers() {
    assertThatThrownBy(() -> Impact.full().withAffectedUsers(0, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("impact.totalUsers must be positive: 0");
  }

  @Test
  void rejectsShareOutsideZeroExclusiveToOne() {
    assertThatThrownBy(() -> Impact.full().withAffectedShare(Ratio.ZERO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("impact.affectedShare must be in (0, 1]: 0");
    assertThatThrownBy(() -> Impact.full().withAffectedShare(Ratio.of(11, 10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("impact.affectedShare must be in (0, 1]: 11/10");
  }

  @Test
  void acceptsAShareOfExactlyOne() {
    assertThat(Impact.full().withAffectedShare(Ratio.ONE).share()).isEqualTo(Ratio.ONE);
  }
}
