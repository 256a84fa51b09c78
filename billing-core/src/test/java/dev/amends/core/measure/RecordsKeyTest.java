package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Measurer#recordsKeyOf}: which keys it keeps, and whose it refuses. */
class RecordsKeyTest {
  private static final Measurer MEASURER = Measurer.of(MeasurementRules.defaults());
  private static final Instant JUNE_4 = JUN_2024_UTC.start().plus(Duration.ofDays(3));
  private static final OutageLog LOG = OutageLog.of(List.of(Outage.builder().id("o-1").addScopes(NODE_7)
      .window(JUNE_4, JUNE_4.plus(Duration.ofHours(2))).build()));

  @Test
  void refusesAnotherMeasurersKey() {
    MeasurementKey key = MEASURER.keyOf(subscription("sub-a", NODE_7, SINCE_2020, Instant.MAX), JUN_2024_UTC);
    Measurer other = Measurer.of(MeasurementRules.defaults());

    assertThatThrownBy(() -> other.recordsKeyOf(key, LOG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another measurer's");
  }

  @Test
  void aKeyOfRecordsIsKeptAsItIs() {
    MeasurementKey records = MEASURER.recordsKeyOf(
        MEASURER.keyOf(subscription("sub-a", NODE_7, SINCE_2020, Instant.MAX), JUN_2024_UTC), LOG);

    assertThat(MEASURER.recordsKeyOf(records, LOG)).isSameAs(records);
  }

  @Test
  void theKeyOfASubscriptionInactiveNearThePeriodIsKeptAsItIs() {
    // Nothing is looked up for it: it stays a key of placements, without a clip.
    MeasurementKey gone = MEASURER.keyOf(subscription("sub-a", NODE_7, SINCE_2020, JAN_2024_UTC.start()), JUN_2024_UTC);

    MeasurementKey records = MEASURER.recordsKeyOf(gone, LOG);

    assertThat(records).isSameAs(gone);
    assertThat(records.isOfRecords()).isFalse();
    assertThat(records.clip()).isEmpty();
  }
}
