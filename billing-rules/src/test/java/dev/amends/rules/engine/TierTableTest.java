package dev.amends.rules.engine;

import dev.amends.rules.AvailabilityTiersRule;
import dev.amends.rules.Tier;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.Ratio;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TierTableTest {
  // Bounds shared by neighbours, inclusive on one side, exclusive on both, and a decimal bound.
  // Sorted as a tier rule keeps them.
  static final List<Tier> TIERS = new AvailabilityTiersRule("t", List.of(
      Tier.of("99.9", true, "100", true, "0"),
      Tier.of("99.0", false, "99.9", false, "10"),
      Tier.of("95.0", true, "99.0", false, "25"),
      Tier.of("0", true, "95.0", false, "100"))).tiers();

  @Property
  void theCompiledLookupFindsTheTierThatContainsTheAvailability(
      @ForAll @IntRange(min = 0, max = 1_000_000) int tenThousandthsOfAPercent) {
    Ratio availability = Ratio.of(tenThousandthsOfAPercent).dividedBy(Ratio.of(1_000_000)); // 100 % = 1 000 000
    Optional<Tier> expected = TIERS.stream().filter(t -> t.contains(availability)).findFirst();

    assertThat(new TierTable(TIERS).find(availability)).isEqualTo(expected);
  }

  @Test
  void theCompiledLookupAgreesOnEveryBoundAndJustBesideIt() {
    Ratio step = Ratio.of(1).dividedBy(Ratio.of(1_000_000_000));
    for (Tier t : TIERS) {
      for (java.math.BigDecimal bound : List.of(t.lower(), t.upper())) {
        Ratio at = Ratio.percent(bound);
        for (Ratio a : List.of(at.minus(step), at, at.plus(step))) {
          Optional<Tier> expected = TIERS.stream().filter(x -> x.contains(a)).findFirst();
          assertThat(new TierTable(TIERS).find(a)).as("availability %s", a).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void aBoundNeitherNeighbourIncludesIsInNoTier() {
    // 99.0 % = 99/100: the tier below ends before it, the tier above starts after it.
    assertThat(new TierTable(TIERS).find(Ratio.of(99).dividedBy(Ratio.of(100)))).isEmpty();
    // 99.9 % is in the top tier, which includes its lower bound.
    assertThat(new TierTable(TIERS).find(Ratio.of(999).dividedBy(Ratio.of(1000))))
        .map(Tier::value).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0"));
  }

  @Test
  void aTableWithoutTiersHoldsNoAvailability() {
    TierTable none = new TierTable(List.of());

    assertThat(none.index(Ratio.ONE)).isEqualTo(-1);
    assertThat(none.find(Ratio.ZERO)).isEmpty();
  }

  @Test
  void anAvailabilityInAGapBetweenTiersIsSaidToBeInNoTierWithTheTable() {
    // tier rules reject gaps; a table built from tiers with one says where the availability fell
    TierTable gap = new TierTable(List.of(Tier.range("0", "50", "1"), Tier.of("60", true, "100", true, "0")));

    assertThat(gap.unmappedReason(Ratio.of(55, 100), "55 %", false))
        .isEqualTo("availability 55 % is in no tier [[0, 50)=1;[60, 100]=0]; no credit");
  }
}
