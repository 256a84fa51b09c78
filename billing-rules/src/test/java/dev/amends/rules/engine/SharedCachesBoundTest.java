package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.Proration;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.Measurer;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What a batch's caches of fees and measurements keep: each entry once, at most their capacity
 * (past it they start afresh), and each measurement's own outage records.
 */
class SharedCachesBoundTest {
  static final Measurer MEASURER = Measurer.of(MeasurementRules.defaults());
  static final OutageLog LOG = OutageLog.of(List.of(OUT_1, OUT_2));
  static final Subscription SUB = subscription("sub-1", USD_20_00);

  static PeriodFee june(SharedFees fees) {
    return fees.fee(ACCOUNT_USD_20, SUB, JUNE_2024_UTC, Proration.BY_TIME);
  }

  static PeriodFee may(SharedFees fees) {
    return fees.fee(ACCOUNT_USD_20, SUB, MAY_2024_UTC, Proration.BY_TIME);
  }

  @Test
  void feesFullAtTheirCapacityStartAfresh() {
    SharedFees fees = new SharedFees(1);
    PeriodFee first = june(fees);

    may(fees); // the one kept before is dropped

    PeriodFee again = june(fees);
    assertThat(again).isNotSameAs(first);
    assertThat(again.fee()).isEqualTo(first.fee());
  }

  @Test
  void feesBelowTheirCapacityAreKept() {
    SharedFees fees = new SharedFees(2);
    PeriodFee first = june(fees);

    may(fees);

    assertThat(june(fees)).isSameAs(first);
  }

  /** A look-up of a measurement's outages that counts its calls. */
  static final class CountingLookUp implements Function<Measurement, List<Outage>> {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public List<Outage> apply(Measurement m) {
      calls.incrementAndGet();
      return m.outageIds().stream().map(id -> LOG.byId(id).orElseThrow()).toList();
    }
  }

  static Measurement measured(Outage... outages) {
    return MEASURER.measure(SUB, JUNE_2024_UTC, OutageLog.of(List.of(outages)));
  }

  @Test
  void eachMeasurementGetsItsOwnOutageRecords() {
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);
    CountingLookUp lookUp = new CountingLookUp();

    assertThat(shared.involved(measured(OUT_1), lookUp)).containsExactly(OUT_1);
    assertThat(shared.involved(measured(OUT_2), lookUp)).containsExactly(OUT_2);
  }

  @Test
  void aMeasurementWithoutOutagesLooksNothingUp() {
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);
    CountingLookUp lookUp = new CountingLookUp();

    assertThat(shared.involved(measured(), lookUp)).isEmpty();
    assertThat(lookUp.calls).hasValue(0);
  }

  @Test
  void outageRecordsFullAtTheirCapacityStartAfresh() {
    SharedMeasurements shared = new SharedMeasurements(1);
    CountingLookUp lookUp = new CountingLookUp();
    Measurement one = measured(OUT_1);

    shared.involved(one, lookUp);
    shared.involved(measured(OUT_2), lookUp); // drops the first
    shared.involved(one, lookUp);

    assertThat(lookUp.calls).hasValue(3);
  }

  @Test
  void outageRecordsBelowTheirCapacityAreKept() {
    SharedMeasurements shared = new SharedMeasurements(2);
    CountingLookUp lookUp = new CountingLookUp();
    Measurement one = measured(OUT_1);

    shared.involved(one, lookUp);
    shared.involved(measured(OUT_2), lookUp);
    shared.involved(one, lookUp);

    assertThat(lookUp.calls).hasValue(2);
  }

  @Test
  void aPlacementSetMeasuredOnceIsNotLookedUpAgain() {
    SharedMeasurements shared = new SharedMeasurements(SharedMeasurements.CAPACITY);
    AtomicInteger measured = new AtomicInteger();
    OutageLog empty = OutageLog.of(List.of());

    Measurement first = shared.figures(MEASURER, SUB, JUNE_2024_UTC, LOG, key -> {
      measured.incrementAndGet();
      return MEASURER.measure(key, SUB.id(), LOG);
    }).withSubscriptionId(SUB.id());
    // the same placements again: the first level answers before any record is looked up, so the
    // log given (here one without records) is not read
    Measurement again = shared.figures(MEASURER, subscription("sub-2", USD_20_00), JUNE_2024_UTC, empty, key -> {
      measured.incrementAndGet();
      return MEASURER.measure(key, "sub-2", empty);
    }).withSubscriptionId("sub-2");

    assertThat(measured).hasValue(1);
    // OUT_1 and OUT_2: 3 h + 1 h = 240 minutes down
    assertThat(first.downtime()).isEqualTo(Duration.ofMinutes(240));
    assertThat(again.downtime()).isEqualTo(Duration.ofMinutes(240));
    assertThat(again.subscriptionId()).isEqualTo("sub-2");
  }
}
