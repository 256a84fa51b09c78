package dev.amends.rules;

import static dev.amends.core.fixtures.Story2007.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.rules.internal.QuickTest;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The quick test of a condition on the subscription alone has three answers: over conditions
 * built at random from plans, placements, active instants and their negations and combinations,
 * it answers {@link QuickTest#HOLDS} or {@link QuickTest#FAILS} exactly as the full test does, and
 * {@link QuickTest#NEEDS_FULL_TEST} as soon as any part reads more than the subscription.
 */
class QuickTestPropertiesTest {
  /** A condition and whether some part of it reads more than the subscription. */
  record Built(Condition condition, boolean readsMore) {}

  static Built condition(SplittableRandom r, int depth, boolean allowMore) {
    int pick = depth == 0 ? r.nextInt(7) : r.nextInt(10);
    return switch (pick) {
      case 0 -> new Built(Conditions.placedUnder(CLUSTER_1), false);
      case 1 -> new Built(Conditions.placedUnder(CLUSTER_2), false);
      case 2 -> new Built(Conditions.planIn("grid"), false);
      case 3 -> new Built(Conditions.planIn("other", "spare"), false);
      case 4 -> new Built(Conditions.activeAt(CampaignEligibilityFirstTest.APOLOGY), false);
      case 5 -> new Built(Conditions.activeAt(Instant.parse("2005-01-01T00:00:00Z")), false);
      case 6 -> allowMore
          ? new Built(r.nextBoolean() ? Conditions.affectedByOutage(FIRMWARE_UPGRADE.id())
              : Conditions.downtimeAtLeast(Duration.ofHours(1)), true)
          : new Built(Conditions.placedUnder(GRID), false);
      case 7 -> {
        Built inner = condition(r, depth - 1, allowMore);
        yield new Built(Conditions.not(inner.condition()), inner.readsMore());
      }
      default -> {
        int n = 1 + r.nextInt(3);
        Condition[] parts = new Condition[n];
        boolean more = false;
        for (int i = 0; i < n; i++) {
          Built b = condition(r, depth - 1, allowMore);
          parts[i] = b.condition();
          more |= b.readsMore();
        }
        yield new Built(pick == 8 ? Conditions.all(parts) : Conditions.any(parts), more);
      }
    };
  }

  @Property(tries = 300)
  void quickTestAgreesWithTheFullTestOrAsksForIt(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll boolean onCluster2, @ForAll boolean allowMore) {
    Built built = condition(new SplittableRandom(seed), 3, allowMore);
    Account account = onCluster2 ? CUSTOMER_ON_CLUSTER_2 : CUSTOMER_ON_CLUSTER_1;
    RuleContext ctx = RuleFixtures.context(account, DEC_2007_EASTERN, FIRMWARE_UPGRADE);

    QuickTest quick = Conditions.quickTest(built.condition(), ctx);

    if (built.readsMore()) {
      assertThat(quick).as(built.condition().canonical()).isEqualTo(QuickTest.NEEDS_FULL_TEST);
    } else {
      assertThat(quick).as(built.condition().canonical())
          .isEqualTo(built.condition().test(ctx).met() ? QuickTest.HOLDS : QuickTest.FAILS);
    }
  }

  @Test
  void negationSwapsHoldsAndFailsAndStillNeedsTheFullTest() {
    assertThat(QuickTest.HOLDS.negated()).isEqualTo(QuickTest.FAILS);
    assertThat(QuickTest.FAILS.negated()).isEqualTo(QuickTest.HOLDS);
    assertThat(QuickTest.NEEDS_FULL_TEST.negated()).isEqualTo(QuickTest.NEEDS_FULL_TEST);
    assertThat(QuickTest.of(true)).isEqualTo(QuickTest.HOLDS);
    assertThat(QuickTest.of(false)).isEqualTo(QuickTest.FAILS);
  }
}
