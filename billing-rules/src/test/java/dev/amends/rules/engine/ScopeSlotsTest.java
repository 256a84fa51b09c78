package dev.amends.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each placement's number names the nearest of its scope and ancestors holding a record: three
 * records on {@code svc/c-1/n-1}, {@code svc/c-2} and {@code svc/c-2/n-4}, so three numbers for
 * them and one for a placement that sees no record.
 */
class ScopeSlotsTest {
  private static final Instant T = Instant.parse("2024-06-03T10:00:00Z");
  private static final OutageLog LOG = OutageLog.of(List.of(
      outage("OUT-1", "svc/c-1/n-1"), outage("OUT-2", "svc/c-2"), outage("OUT-3", "svc/c-2/n-4")));

  private static Outage outage(String id, String scope) {
    return Outage.builder().id(id).addScopes(Scope.of(scope)).window(T, T.plusSeconds(600)).build();
  }

  @Test
  void numbersEachScopeHoldingRecordsAndOneForNone() {
    ScopeSlots slots = new ScopeSlots(LOG);

    assertThat(slots.size()).isEqualTo(4); // svc/c-1/n-1, svc/c-2, svc/c-2/n-4, and none
  }

  @Test
  void aPlacementWithRecordsOfItsOwnHasItsOwnNumber() {
    ScopeSlots slots = new ScopeSlots(LOG);

    int n1 = slots.slotOf(Scope.of("svc/c-1/n-1"));
    int c2 = slots.slotOf(Scope.of("svc/c-2"));
    int n4 = slots.slotOf(Scope.of("svc/c-2/n-4"));

    assertThat(List.of(n1, c2, n4)).doesNotHaveDuplicates().allMatch(n -> n >= 0 && n < 3);
  }

  @Test
  void aPlacementWithoutRecordsTakesTheNumberOfItsNearestAncestorWithSome() {
    ScopeSlots slots = new ScopeSlots(LOG);

    assertThat(slots.slotOf(Scope.of("svc/c-2/n-5"))).isEqualTo(slots.slotOf(Scope.of("svc/c-2")));
    assertThat(slots.slotOf(Scope.of("svc/c-2/n-5/disk-1"))).isEqualTo(slots.slotOf(Scope.of("svc/c-2")));
    assertThat(slots.slotOf(Scope.of("svc/c-1/n-1/disk-1"))).isEqualTo(slots.slotOf(Scope.of("svc/c-1/n-1")));
  }

  @Test
  void aPlacementThatSeesNoRecordTakesTheLastNumber() {
    ScopeSlots slots = new ScopeSlots(LOG);

    assertThat(slots.slotOf(Scope.of("svc/c-1/n-2"))).isEqualTo(3); // svc/c-1 and svc hold none
    assertThat(slots.slotOf(Scope.of("svc"))).isEqualTo(3);
    assertThat(slots.slotOf(Scope.of("other"))).isEqualTo(3);
  }

  @Test
  void keepsOneArrayOfKeysOfRecordsPerMeasurerAndPeriod() {
    ScopeSlots slots = new ScopeSlots(LOG);
    Measurer measurer = Measurer.of(MeasurementRules.defaults());
    BillingPeriod june = BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of("UTC"));

    var keys = slots.recordsKeys(measurer, june);

    assertThat(keys.length()).isEqualTo(4);
    assertThat(slots.recordsKeys(measurer, BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of("UTC")))).isSameAs(keys);
    assertThat(slots.recordsKeys(measurer.withoutBreakdowns(), june)).isNotSameAs(keys);
    assertThat(slots.recordsKeys(measurer, BillingPeriod.month(YearMonth.of(2024, 7), ZoneId.of("UTC")))).isNotSameAs(keys);
  }

  @Test
  void keysOfRecordsPastTheirBoundStartAfresh() {
    ScopeSlots slots = new ScopeSlots(LOG);
    BillingPeriod june = BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of("UTC"));
    Measurer first = Measurer.of(MeasurementRules.defaults());
    var keys = slots.recordsKeys(first, june);

    for (int i = 0; i < ScopeSlots.KEY_ARRAYS; i++) {
      slots.recordsKeys(Measurer.of(MeasurementRules.defaults()), june);
    }

    assertThat(slots.recordsKeys(first, june)).isNotSameAs(keys);
  }

  @Test
  void anEmptyLogHasOneNumberForEveryPlacement() {
    ScopeSlots slots = new ScopeSlots(OutageLog.empty());

    assertThat(slots.size()).isEqualTo(1);
    assertThat(slots.slotOf(Scope.of("svc/c-1/n-1"))).isZero();
  }

  @Test
  void keepsEveryNumberWhileItsTableGrowsAndStartsAfresh() {
    ScopeSlots slots = new ScopeSlots(LOG);
    int c2 = slots.slotOf(Scope.of("svc/c-2"));

    // more placements than the table keeps, so it grows several times and then starts afresh
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < ScopeSlots.KEPT + 5_000; i++) {
        assertThat(slots.slotOf(Scope.of("svc/c-2/n-" + (1_000 + i)))).isEqualTo(c2);
      }
    }
    assertThat(slots.slotOf(Scope.of("svc/c-1/n-2"))).isEqualTo(3);
  }
}
