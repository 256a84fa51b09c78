package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.outage.Outage;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

/**
 * A key's equality does not rest on its hash: keys whose hashes collide are still told apart by
 * every input they hold. Each collision here is arranged on purpose (and checked as such), since
 * {@link MeasurementKey#equals} compares the hash first and would otherwise never be asked.
 */
class MeasurementKeyEqualityTest {
  private static final Measurer MEASURER = Measurer.of(MeasurementRules.defaults());
  private static final Interval JUNE = JUN_2024_UTC.window();
  private static final Set<Scope> ON_NODE_7 = placements(NODE_7);

  @Test
  void aKeyEqualsItself() {
    MeasurementKey key = new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE, ON_NODE_7, null);

    assertThat(key.equals(key)).isTrue();
  }

  @Test
  void theKeyOfOneSubscriptionMadeTwiceIsEqual() {
    // Both keys hold the subscription's own placements, the very same set.
    var sub = subscription("sub-a", NODE_7, SINCE_2020, Instant.MAX);

    assertThat(MEASURER.keyOf(sub, JUN_2024_UTC).equals(MEASURER.keyOf(sub, JUN_2024_UTC))).isTrue();
  }

  @Test
  void clipStartsWhoseSecondsHashAlikeAreDifferentKeys() {
    // Long.hashCode(x) is (int) (x ^ x >>> 32): 0 for 0 and for 2^32 + 1.
    Instant end = Instant.ofEpochSecond(1L << 33);
    MeasurementKey a = new MeasurementKey(MEASURER, JUN_2024_UTC,
        Interval.of(Instant.ofEpochSecond(0), end), ON_NODE_7, null);
    MeasurementKey b = new MeasurementKey(MEASURER, JUN_2024_UTC,
        Interval.of(Instant.ofEpochSecond((1L << 32) + 1), end), ON_NODE_7, null);

    assertThat(b.hashCode()).isEqualTo(a.hashCode());
    assertThat(a.equals(b)).isFalse();
    assertThat(b.equals(a)).isFalse();
  }

  @Test
  void clipEndsWhoseSecondsHashAlikeAreDifferentKeys() {
    // Long.hashCode is 0 for 2^32 + 1 and for 2^33 + 2.
    Instant start = Instant.ofEpochSecond(0);
    MeasurementKey a = new MeasurementKey(MEASURER, JUN_2024_UTC,
        Interval.of(start, Instant.ofEpochSecond((1L << 32) + 1)), ON_NODE_7, null);
    MeasurementKey b = new MeasurementKey(MEASURER, JUN_2024_UTC,
        Interval.of(start, Instant.ofEpochSecond((1L << 33) + 2)), ON_NODE_7, null);

    assertThat(b.hashCode()).isEqualTo(a.hashCode());
    assertThat(a.equals(b)).isFalse();
    assertThat(b.equals(a)).isFalse();
  }

  @Test
  void noClipIsNotAnEmptyClipAtTheEpoch() {
    // Both have every clip number zero.
    MeasurementKey none = new MeasurementKey(MEASURER, JUN_2024_UTC, null, ON_NODE_7, null);
    MeasurementKey atEpoch = new MeasurementKey(MEASURER, JUN_2024_UTC,
        Interval.of(Instant.EPOCH, Instant.EPOCH), ON_NODE_7, null);

    assertThat(atEpoch.hashCode()).isEqualTo(none.hashCode());
    assertThat(none.equals(atEpoch)).isFalse();
    assertThat(atEpoch.equals(none)).isFalse();
  }

  @Test
  void periodsWhoseHashesCollideAreDifferentKeys() {
    // Objects.hash(start, end, zone, months): an end one day later adds 31^2 = 961 (a 2024 date's
    // hash grows by 1 a day), 961 months fewer take it off again.
    BillingPeriod long962 = BillingPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 1), ZoneOffset.UTC, 962);
    BillingPeriod oneMonth = BillingPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 2), ZoneOffset.UTC, 1);
    assertThat(oneMonth.hashCode()).isEqualTo(long962.hashCode());
    MeasurementKey a = new MeasurementKey(MEASURER, long962, JUNE, ON_NODE_7, null);
    MeasurementKey b = new MeasurementKey(MEASURER, oneMonth, JUNE, ON_NODE_7, null);

    assertThat(b.hashCode()).isEqualTo(a.hashCode());
    assertThat(a.equals(b)).isFalse();
  }

  @Test
  void measurersWhoseIdentityHashesCollideGiveDifferentKeys() {
    // Identity hashes have 31 bits at most: among a few hundred thousand measurers two share one.
    Map<Integer, Measurer> byHash = new HashMap<>();
    Measurer first = null;
    Measurer second = null;
    for (int i = 0; i < 5_000_000 && second == null; i++) {
      Measurer m = Measurer.of(MeasurementRules.defaults());
      Measurer earlier = byHash.putIfAbsent(m.hashCode(), m);
      if (earlier != null) {
        first = earlier;
        second = m;
      }
    }
    assertThat(second).as("two measurers with one identity hash").isNotNull();
    MeasurementKey a = new MeasurementKey(first, JUN_2024_UTC, JUNE, ON_NODE_7, null);
    MeasurementKey b = new MeasurementKey(second, JUN_2024_UTC, JUNE, ON_NODE_7, null);

    assertThat(b.hashCode()).isEqualTo(a.hashCode());
    assertThat(a.equals(b)).isFalse();
  }

  @Test
  void equalPlacementsInSetsBuiltApartAreOneKey() {
    // Two sets built one by one: the key compares their elements in order, not the sets.
    MeasurementKey a = new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE,
        placements(Scope.of("svc-0/cluster-1/node-2"), Scope.of("svc-0/cluster-3")), null);
    MeasurementKey b = new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE,
        placements(Scope.of("svc-0/cluster-1/node-2"), Scope.of("svc-0/cluster-3")), null);

    assertThat(b.placementsOrNull()).isNotSameAs(a.placementsOrNull());
    assertThat(a.equals(b)).isTrue();
    assertThat(b.equals(a)).isTrue();
    assertThat(b.hashCode()).isEqualTo(a.hashCode());
  }

  @Test
  void placementsWhosePathsHashAlikeAreDifferentKeys() {
    // String hashes: 31 * h("a") + h("ba") = 31 * 97 + 31 * 98 + 97 = 31 * 98 + h("aa").
    MeasurementKey a = new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE,
        placements(Scope.of("a"), Scope.of("ba")), null);
    MeasurementKey b = new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE,
        placements(Scope.of("b"), Scope.of("aa")), null);

    assertThat(b.hashCode()).isEqualTo(a.hashCode());
    assertThat(a.equals(b)).isFalse();
    assertThat(b.equals(a)).isFalse();
  }

  @Test
  void recordsOfAnotherLogWithTheSameIdsAreAnotherKey() {
    // Records are compared by identity: an equal record read from another log is another record.
    Outage once = outage("o-1");
    Outage again = outage("o-1");
    assertThat(again).isEqualTo(once);
    MeasurementKey a = new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE, null, List.of(once));
    MeasurementKey b = new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE, null, List.of(again));
    MeasurementKey sameRecord = new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE, null, List.of(once));

    assertThat(b.hashCode()).isEqualTo(a.hashCode());
    assertThat(a.equals(b)).isFalse();
    assertThat(a.equals(sameRecord)).isTrue();
  }

  @Test
  void aKeyOfRecordsIsNotAKeyOfPlacementsThatHashesAlike() {
    // A record with id "o-1" hashes as the placement "o-1" does (both hash the string).
    MeasurementKey ofRecords = new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE, null, List.of(outage("o-1")));
    MeasurementKey ofPlacements = new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE, placements(Scope.of("o-1")), null);

    assertThat(ofPlacements.hashCode()).isEqualTo(ofRecords.hashCode());
    assertThat(ofRecords.equals(ofPlacements)).isFalse();
    assertThat(ofPlacements.equals(ofRecords)).isFalse();
  }

  @Test
  void keysThatDifferInOneInputHashDifferently() {
    // Not a contract (equal hashes are allowed), but a cache of keys needs them spread: one key,
    // and one changed in each input alone.
    Measurer other = Measurer.of(MeasurementRules.defaults());
    Outage record = outage("o-1");
    List<MeasurementKey> keys = List.of(
        new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE, ON_NODE_7, null),
        new MeasurementKey(other, JUN_2024_UTC, JUNE, ON_NODE_7, null),
        new MeasurementKey(MEASURER, FEB_2024_UTC, JUNE, ON_NODE_7, null),
        new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE.withStart(JUNE.getStart().plusSeconds(60)), ON_NODE_7, null),
        new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE.withEnd(JUNE.getEnd().plusSeconds(60)), ON_NODE_7, null),
        new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE, placements(CLUSTER_1), null),
        new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE, null, List.of(record)),
        new MeasurementKey(MEASURER, FEB_2024_UTC, JUNE, null, List.of(record)),
        new MeasurementKey(other, JUN_2024_UTC, JUNE, null, List.of(record)));

    assertThat(keys.stream().map(MeasurementKey::hashCode).distinct().count()).isEqualTo(9);
  }

  @Test
  void theClipIsTheActiveWindowWithinThePeriodWidenedByTheMinimum() {
    Measurer fiveMinutes = Measurer.of(MeasurementRules.builder().minimumDowntime(Duration.ofMinutes(5)).build());
    var always = subscription("sub-a", NODE_7, SINCE_2020, Instant.MAX);
    var fromJune10 = subscription("sub-b", NODE_7, JUNE.getStart().plus(Duration.ofDays(9)), Instant.MAX);
    var gone = subscription("sub-c", NODE_7, SINCE_2020, JAN_2024_UTC.start());

    assertThat(fiveMinutes.keyOf(always, JUN_2024_UTC).clip()).contains(Interval.of(
        Instant.parse("2024-05-31T23:55:00Z"), Instant.parse("2024-07-01T00:05:00Z")));
    assertThat(fiveMinutes.keyOf(fromJune10, JUN_2024_UTC).clip()).contains(Interval.of(
        Instant.parse("2024-06-10T00:00:00Z"), Instant.parse("2024-07-01T00:05:00Z")));
    assertThat(fiveMinutes.keyOf(gone, JUN_2024_UTC).clip()).isEmpty();
  }

  @Test
  void aKeySaysItsPeriodClipAndPlacementsOrItsNumberOfRecords() {
    MeasurementKey ofPlacements = new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE, placements(NODE_7, CLUSTER_1), null);
    MeasurementKey ofRecords = new MeasurementKey(MEASURER, JUN_2024_UTC, JUNE, null,
        List.of(outage("o-1"), outage("o-2")));
    MeasurementKey inactive = new MeasurementKey(MEASURER, JUN_2024_UTC, null, ON_NODE_7, null);

    assertThat(ofPlacements).hasToString("MeasurementKey(2024-06, clip 2024-06-01T00:00:00Z/2024-07-01T00:00:00Z,"
        + " placements [grid/cluster-2/node-7, grid/cluster-1])");
    assertThat(ofRecords).hasToString("MeasurementKey(2024-06, clip 2024-06-01T00:00:00Z/2024-07-01T00:00:00Z,"
        + " 2 records)");
    assertThat(inactive).hasToString("MeasurementKey(2024-06, clip none, placements [grid/cluster-2/node-7])");
  }

  private static Set<Scope> placements(Scope... scopes) {
    return new LinkedHashSet<>(List.of(scopes));
  }

  private static Outage outage(String id) {
    Instant start = JUNE.getStart().plus(Duration.ofDays(3));
    return Outage.builder().id(id).addScopes(NODE_7).window(start, start.plus(Duration.ofHours(2))).build();
  }
}
