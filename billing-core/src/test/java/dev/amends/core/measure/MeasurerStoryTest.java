package dev.amends.core.measure;

import static dev.amends.core.fixtures.Story2007.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.WindowSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

/** The story from DESIGN.md, worked by hand. */
class MeasurerStoryTest {
  private final Measurer measurer = Measurer.of(MAINTENANCE_EXCLUDED_WITH_24H_NOTICE);

  @Test
  void overrunOfAnnouncedMaintenanceCounts() {
    Measurement m = measurer.measure(ON_CLUSTER_2, DEC_2007_EASTERN, LOG);

    // 05:00-18:00 UTC is 13 h; 05:00-11:00 was announced ten days ahead, so 11:00-18:00 counts.
    assertThat(m.downtime()).isEqualTo(Duration.ofHours(7));
    assertThat(m.downtimeMinutes()).isEqualTo(Ratio.of(420));
    assertThat(m.counted()).isEqualTo(WindowSet.of(Interval.of(WINDOW_END, RESTORED)));
    // December 2007 has 31 × 1440 = 44,640 minutes.
    assertThat(m.denominator()).isEqualTo(Duration.ofMinutes(44_640));
    // (44,640 − 420) / 44,640 = 44,220 / 44,640 = 737/744 = 99.0591…%
    assertThat(m.availability()).isEqualTo(Ratio.of(737, 744));
    assertThat(m.availabilityPercent(4)).isEqualByComparingTo("99.0591");
    assertThat(m.isBelowPercent(new BigDecimal("99.9"))).isTrue();
  }

  @Test
  void saysWhichSixHoursWereExcludedAndWhy() {
    Measurement m = measurer.measure(ON_CLUSTER_2, DEC_2007_EASTERN, LOG);

    assertThat(m.exclusions()).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(ExclusionReason.ANNOUNCED_MAINTENANCE);
      assertThat(e.windows()).isEqualTo(WindowSet.of(Interval.of(WINDOW_START, WINDOW_END)));
      assertThat(e.windows().totalLength()).isEqualTo(Duration.ofHours(6));
      assertThat(e.outageIds()).containsExactly("MAINT-2007-12-01");
      assertThat(e.detail()).contains("PT240H").contains(">= PT24H");
    });
    assertThat(m.contributions()).singleElement().satisfies(c -> {
      assertThat(c.outageId()).isEqualTo("MAINT-2007-12-01");
      assertThat(c.attributed()).isEqualTo(Duration.ofHours(7));
    });
    assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("outside its announced window").contains("PT7H"));
  }

  @Test
  void customerOnTheOtherClusterHasNoDowntime() {
    Measurement m = measurer.measure(ON_CLUSTER_1, DEC_2007_EASTERN, LOG);

    assertThat(m.downtime()).isZero();
    assertThat(m.availability()).isEqualTo(Ratio.ONE);
    assertThat(m.outageIds()).isEmpty();
  }

  @Test
  void outageOnTheWholeServiceAffectsBothClusters() {
    Outage gridWide = Outage.builder()
        .id("INC-GRID")
        .addScopes(GRID)
        .window(Instant.parse("2007-12-10T15:00:00Z"), Instant.parse("2007-12-10T15:30:00Z"))
        .build();
    OutageLog log = OutageLog.of(List.of(FIRMWARE_UPGRADE, gridWide));

    assertThat(measurer.measure(ON_CLUSTER_1, DEC_2007_EASTERN, log).downtime()).isEqualTo(Duration.ofMinutes(30));
    // 420 + 30 minutes on cluster-2.
    assertThat(measurer.measure(ON_CLUSTER_2, DEC_2007_EASTERN, log).downtime()).isEqualTo(Duration.ofMinutes(450));
  }

  @Test
  void withoutMaintenanceExclusionTheWholeThirteenHoursCount() {
    Measurement m = Measurer.of(MeasurementRules.defaults()).measure(ON_CLUSTER_2, DEC_2007_EASTERN, LOG);

    assertThat(m.downtime()).isEqualTo(Duration.ofHours(13));
    assertThat(m.exclusions()).isEmpty();
  }
}
