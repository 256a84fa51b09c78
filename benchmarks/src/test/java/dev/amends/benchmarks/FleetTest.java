package dev.amends.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.account.Account;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** The fleet is deterministic and has the shape its Javadoc states. */
class FleetTest {
  private static final Fleet FLEET = Fleet.generate(42L, 20_000, 200, 20_000);

  @Test
  void sameSeedAndSizesGiveTheSameFleet() {
    Fleet again = Fleet.generate(42L, 20_000, 200, 20_000);

    assertThat(again.accounts()).isEqualTo(FLEET.accounts());
    assertThat(again.outages()).isEqualTo(FLEET.outages());
    assertThat(again.goodwillCluster()).isEqualTo(FLEET.goodwillCluster());
  }

  @Test
  void anotherSeedGivesAnotherFleet() {
    Fleet other = Fleet.generate(43L, 20_000, 200, 20_000);

    assertThat(other.outages()).isNotEqualTo(FLEET.outages());
  }

  @Test
  void sizesAreAsAsked() {
    assertThat(FLEET.accounts()).hasSize(20_000);
    assertThat(FLEET.outages()).hasSize(20_000);
    assertThat(FLEET.accounts().get(0).id()).isEqualTo("acct-0000000");
    assertThat(FLEET.accounts()).allSatisfy(a -> assertThat(a.subscriptions()).hasSize(1));
    // 200 clusters of 100 nodes: every placement is svc-k/cluster-j/node-i with j < 200, i < 100, k = j / 20.
    assertThat(FLEET.accounts()).allSatisfy(a -> {
      String path = a.subscriptions().get(0).placements().iterator().next().path();
      assertThat(path).matches("svc-(1?[0-9])/cluster-([0-9]|[1-9][0-9]|1[0-9][0-9])/node-([0-9]|[1-9][0-9])");
      int cluster = Integer.parseInt(path.replaceAll(".*/cluster-([0-9]+)/.*", "$1"));
      assertThat(path).startsWith("svc-" + cluster / 20 + "/");
    });
  }

  @Test
  void currenciesAreRoughlyHalfDollarsThreeTenthsEurosAFifthYen() {
    assertThat(share(FLEET.accounts(), a -> a.currency().equals(CurrencyUnit.USD))).isBetween(0.47, 0.53);
    assertThat(share(FLEET.accounts(), a -> a.currency().equals(CurrencyUnit.EUR))).isBetween(0.27, 0.33);
    assertThat(share(FLEET.accounts(), a -> a.currency().equals(CurrencyUnit.JPY))).isBetween(0.17, 0.23);
  }

  @Test
  void outagesAreMostlyOnNodesSomeOnClustersAFewOnServices() {
    List<Outage> random = FLEET.outages().subList(0, FLEET.outages().size() - 1);

    assertThat(share(random, o -> depth(o) == 3)).isBetween(0.98, 0.99);
    assertThat(share(random, o -> depth(o) == 2)).isBetween(0.012, 0.018);
    assertThat(share(random, o -> depth(o) == 1)).isBetween(0.0001, 0.0015);
  }

  @Test
  void aboutATenthIsMaintenanceMostlyAnnouncedSomeOverrunningWithVariedNotice() {
    List<Outage> maintenance = FLEET.outages().stream().filter(o -> o.kind() == OutageKind.MAINTENANCE).toList();

    assertThat(maintenance.size() / 20_000.0).isBetween(0.09, 0.11);
    assertThat(share(maintenance, o -> o.announcement().isPresent())).isBetween(0.87, 0.93);
    List<Outage> announced = maintenance.stream().filter(o -> o.announcement().isPresent()).toList();
    assertThat(share(announced, o -> o.window().getEnd().isAfter(o.announcement().get().promisedWindow().getEnd())))
        .isBetween(0.37, 0.43);
    assertThat(announced.stream().map(o -> o.announcement().get().notice()).distinct())
        .contains(Duration.ofHours(1), Duration.ofHours(24).minusMinutes(1), Duration.ofHours(24), Duration.ofDays(14));
  }

  @Test
  void someAreCustomerCausedForceMajeureDegradedOrEmergency() {
    List<Outage> all = FLEET.outages();

    assertThat(share(all, o -> o.cause() == Cause.CUSTOMER)).isBetween(0.03, 0.05);
    assertThat(share(all, o -> o.cause() == Cause.FORCE_MAJEURE)).isBetween(0.01, 0.03);
    assertThat(share(all, o -> o.impact().level() == Impact.Level.DEGRADED)).isBetween(0.06, 0.09);
    assertThat(share(all, o -> o.kind() == OutageKind.EMERGENCY_MAINTENANCE)).isBetween(0.02, 0.04);
  }

  @Test
  void oneLongOutageOnTheGoodwillClusterIsLast() {
    Outage last = FLEET.outages().get(FLEET.outages().size() - 1);

    assertThat(last.id()).isEqualTo(Fleet.LONG_OUTAGE_ID);
    assertThat(last.scopes()).containsExactly(FLEET.goodwillCluster());
    assertThat(last.window().toDuration()).isEqualTo(Duration.ofHours(9));
    assertThat(FLEET.campaign().eligibility().canonical()).isEqualTo("placed-under[" + FLEET.goodwillCluster() + "]");
  }

  @Test
  void everyPeriodIsMarchInTheAccountsZone() {
    Account a = FLEET.accounts().get(0);

    assertThat(FLEET.period(a).startDate()).isEqualTo(Fleet.MONTH.atDay(1));
    assertThat(FLEET.period(a).zone()).isEqualTo(a.zone());
    assertThat(FLEET.period(a).window().contains(Fleet.GOODWILL_AT)).isTrue();
  }

  @Test
  void theCanonicalShapeIsTheFleetOfClustersAndOutages() {
    Fleet shaped = Fleet.generate(42L, 20_000, Fleet.Shape.CANONICAL);

    assertThat(shaped.accounts()).isEqualTo(FLEET.accounts());
    assertThat(shaped.outages()).isEqualTo(FLEET.outages());
    assertThat(shaped.goodwillCluster()).isEqualTo(FLEET.goodwillCluster());
  }

  @Test
  void issue16sShapeIsFourServicesOfFiftyClustersOfTwentyNodesAndTwoThousandOutages() {
    Fleet f = Fleet.generate(42L, 20_000, Fleet.Shape.named("issue16"));

    assertThat(Fleet.Shape.ISSUE_16.nodes()).isEqualTo(4_000); // 4 x 50 x 20
    assertThat(f.outages()).hasSize(2_000);
    assertThat(f.accounts()).allSatisfy(a -> {
      String path = a.subscriptions().get(0).placements().iterator().next().path();
      assertThat(path).matches("svc-[0-3]/cluster-([0-9]|[1-9][0-9]|1[0-9][0-9])/node-([0-9]|1[0-9])");
      int cluster = Integer.parseInt(path.replaceAll(".*/cluster-([0-9]+)/.*", "$1"));
      assertThat(path).startsWith("svc-" + cluster / 50 + "/");
      assertThat(a.subscriptions().get(0).plan()).isEqualTo("svc-" + cluster / 50);
    });
    assertThat(f.accounts().stream().map(a -> a.subscriptions().get(0).placements().iterator().next()).distinct()
        .count()).isBetween(3_900L, 4_000L); // 20,000 draws over 4,000 nodes miss about 4,000 x e^-5 = 27
  }

  @Test
  void anUnknownShapeIsRefusedByName() {
    assertThatThrownBy(() -> Fleet.Shape.named("huge"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shape must be canonical or issue16: huge");
  }

  @Test
  void aShapeWithoutNodesIsRefused() {
    assertThatThrownBy(() -> Fleet.generate(1L, 10, new Fleet.Shape(200, 50, 0, 2_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nodes per cluster 0");
  }

  @Test
  void countsMustBePositive() {
    assertThatThrownBy(() -> Fleet.generate(1L, 0, 200, 20_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accounts 0");
  }

  private static int depth(Outage o) {
    return o.scopes().iterator().next().depth();
  }

  private static <T> double share(List<T> list, Predicate<T> p) {
    return list.stream().filter(p).count() / (double) list.size();
  }
}
