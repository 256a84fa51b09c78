package dev.amends.core.outage;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.scope.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

class OutageLogTest {
  private static final Interval JUNE = JUN_2024_UTC.window();

  private static List<String> idsAffecting(OutageLog log, Scope placement, Interval window) {
    return log.affecting(Set.of(placement), window).stream().map(Outage::id).toList();
  }

  @Test
  void outageOnTheServiceAffectsAPlacementOnOneOfItsClusters() {
    OutageLog log = OutageLog.of(List.of(unplannedOn(GRID, "INC-GRID", "2024-06-10T10:00", "2024-06-10T11:00")));

    assertThat(idsAffecting(log, CLUSTER_2, JUNE)).containsExactly("INC-GRID");
    assertThat(idsAffecting(log, NODE_7, JUNE)).containsExactly("INC-GRID");
  }

  @Test
  void outageOnOneClusterDoesNotAffectTheOther() {
    OutageLog log = OutageLog.of(List.of(unplannedOn(CLUSTER_1, "INC-C1", "2024-06-10T10:00", "2024-06-10T11:00")));

    assertThat(idsAffecting(log, CLUSTER_2, JUNE)).isEmpty();
    assertThat(idsAffecting(log, CLUSTER_1, JUNE)).containsExactly("INC-C1");
  }

  @Test
  void outageOnANodeDoesNotAffectAPlacementOnItsCluster() {
    OutageLog log = OutageLog.of(List.of(unplannedOn(NODE_7, "INC-N7", "2024-06-10T10:00", "2024-06-10T11:00")));

    assertThat(idsAffecting(log, CLUSTER_2, JUNE)).isEmpty();
    assertThat(idsAffecting(log, NODE_7, JUNE)).containsExactly("INC-N7");
  }

  @Test
  void scopeMatchesWholeSegmentsOnly() {
    OutageLog log = OutageLog.of(List.of(unplannedOn(Scope.of("grid/cluster"), "INC-C", "2024-06-10T10:00", "2024-06-10T11:00")));

    // "grid/cluster" is not an ancestor of "grid/cluster-2".
    assertThat(idsAffecting(log, CLUSTER_2, JUNE)).isEmpty();
  }

  @Test
  void outageEndingExactlyAtTheWindowStartIsNotIncluded() {
    OutageLog log = OutageLog.of(List.of(unplanned("INC-MAY", "2024-05-31T22:00", "2024-06-01T00:00")));

    assertThat(idsAffecting(log, CLUSTER_2, JUNE)).isEmpty();
  }

  @Test
  void outageStartingExactlyAtTheWindowEndIsNotIncluded() {
    OutageLog log = OutageLog.of(List.of(unplanned("INC-JULY", "2024-07-01T00:00", "2024-07-01T02:00")));

    assertThat(idsAffecting(log, CLUSTER_2, JUNE)).isEmpty();
  }

  @Test
  void outageSharingOneNanosecondWithTheWindowIsIncluded() {
    Outage lastNano = Outage.builder().id("INC-EDGE").addScopes(CLUSTER_2)
        .window(utc("2024-05-31T22:00"), utc("2024-06-01T00:00").plusNanos(1)).build();

    assertThat(idsAffecting(OutageLog.of(List.of(lastNano)), CLUSTER_2, JUNE)).containsExactly("INC-EDGE");
  }

  @Test
  void emptyOutageIsNeverIncluded() {
    OutageLog log = OutageLog.of(List.of(unplanned("INC-0", "2024-06-10T10:00", "2024-06-10T10:00")));

    assertThat(idsAffecting(log, CLUSTER_2, JUNE)).isEmpty();
  }

  @Test
  void longOutageThatStartedWellBeforeTheWindowIsStillFound() {
    List<Outage> outages = new ArrayList<>();
    // Started in January, still going in June.
    outages.add(unplanned("INC-LONG", "2024-01-15T00:00", "2024-06-03T00:00"));
    // Many short ones on the same scope in between, none of which reaches June.
    for (int day = 1; day <= 28; day++) {
      String d = String.format("2024-05-%02dT", day);
      outages.add(unplanned("INC-MAY-" + day, d + "10:00", d + "11:00"));
    }

    assertThat(idsAffecting(OutageLog.of(outages), CLUSTER_2, JUNE)).containsExactly("INC-LONG");
  }

  @Test
  void findsEachOutageOnceInOrderOfStartThenId() {
    Outage gridWide = unplannedOn(GRID, "INC-B", "2024-06-10T10:00", "2024-06-10T11:00");
    Outage sameStart = unplanned("INC-A", "2024-06-10T10:00", "2024-06-10T10:30");
    Outage earlier = unplanned("INC-Z", "2024-06-09T10:00", "2024-06-09T10:30");
    Outage onBoth = Outage.builder().id("INC-BOTH").addScopes(CLUSTER_1, CLUSTER_2)
        .window(utc("2024-06-11T10:00"), utc("2024-06-11T11:00")).build();
    OutageLog log = OutageLog.of(List.of(gridWide, onBoth, sameStart, earlier));

    // A placement on both clusters meets INC-BOTH and INC-B twice each; each is returned once.
    assertThat(log.affecting(List.of(CLUSTER_1, CLUSTER_2), JUNE)).extracting(Outage::id)
        .containsExactly("INC-Z", "INC-A", "INC-B", "INC-BOTH");
  }

  @Test
  void aPlacementAloneSeesEachRecordOfItsScopeAndAncestorsOnceInOrderOfStartThenId() {
    Outage onGridAndCluster = Outage.builder().id("INC-BOTH").addScopes(GRID, CLUSTER_2)
        .window(utc("2024-06-11T10:00"), utc("2024-06-11T11:00")).build();
    Outage onNode = unplannedOn(NODE_7, "INC-N7", "2024-06-10T10:00", "2024-06-10T11:00");
    Outage onCluster = unplanned("INC-C2", "2024-06-10T10:00", "2024-06-10T10:30");
    Outage onOtherCluster = unplannedOn(CLUSTER_1, "INC-C1", "2024-06-09T10:00", "2024-06-09T11:00");
    OutageLog log = OutageLog.of(List.of(onGridAndCluster, onNode, onCluster, onOtherCluster));

    // INC-BOTH is under GRID and CLUSTER_2, both ancestors of NODE_7: returned once.
    assertThat(idsAffecting(log, NODE_7, JUNE)).containsExactly("INC-C2", "INC-N7", "INC-BOTH");
    // A second look-up of the placement, within a narrower window, finds only what overlaps it.
    assertThat(idsAffecting(log, NODE_7, Interval.of(utc("2024-06-10T10:45"), utc("2024-06-11T10:30"))))
        .containsExactly("INC-N7", "INC-BOTH");
  }

  @Test
  void aPlacementAloneWhoseRecordsAllOverlapTheWindowGetsOneSharedReadOnlyView() {
    OutageLog log = OutageLog.of(List.of(
        unplanned("INC-1", "2024-06-10T10:00", "2024-06-10T11:00"),
        unplannedOn(GRID, "INC-2", "2024-06-12T10:00", "2024-06-12T11:00")));

    List<Outage> first = log.affecting(Set.of(NODE_7), JUNE);
    List<Outage> second = log.affecting(Set.of(NODE_7), JUNE);

    assertThat(second).isSameAs(first).extracting(Outage::id).containsExactly("INC-1", "INC-2");
    assertThatThrownBy(() -> first.add(first.get(0))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void listsEveryRecordInOrderOfStartThenId() {
    OutageLog log = OutageLog.of(List.of(
        unplanned("INC-2", "2024-06-10T10:00", "2024-06-10T11:00"),
        unplanned("INC-1", "2024-06-10T10:00", "2024-06-10T10:30"),
        unplanned("INC-0", "2024-06-11T10:00", "2024-06-11T11:00")));

    assertThat(log.all()).extracting(Outage::id).containsExactly("INC-1", "INC-2", "INC-0");
    assertThat(log.size()).isEqualTo(3);
    assertThat(log.byId("INC-2")).hasValueSatisfying(o -> assertThat(o.id()).isEqualTo("INC-2"));
    assertThat(log.byId("INC-9")).isEmpty();
  }

  @Test
  void rejectsARepeatedIdNamingItsIndex() {
    List<Outage> outages = List.of(
        unplanned("INC-1", "2024-06-10T10:00", "2024-06-10T11:00"),
        unplanned("INC-2", "2024-06-11T10:00", "2024-06-11T11:00"),
        unplanned("INC-1", "2024-06-12T10:00", "2024-06-12T11:00"));

    assertThatThrownBy(() -> OutageLog.of(outages))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("outages[2].id is not unique in the log: INC-1")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("outages[2].id");
  }

  @Test
  void rejectsANullRecordNamingItsIndex() {
    List<Outage> outages = Arrays.asList(unplanned("INC-1", "2024-06-10T10:00", "2024-06-10T11:00"), null);

    assertThatThrownBy(() -> OutageLog.of(outages))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("outages[1] is required: null");
  }

  @Test
  void emptyLogAffectsNothing() {
    assertThat(OutageLog.empty().affecting(Set.of(CLUSTER_2), JUNE)).isEmpty();
    assertThat(OutageLog.empty().size()).isZero();
    assertThat(OutageLog.of(List.of())).hasToString("OutageLog(0 records)");
  }
}
