package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MeasurementTest {
  /** A rule's test can state a measurement directly: 120 min down in June 2024 (43,200 min). */
  private static Measurement.Builder twoHoursInJune() {
    return Measurement.builder()
        .subscriptionId("sub-1")
        .period(JUN_2024_UTC)
        .measuredWindow(JUN_2024_UTC.window())
        .downtime(Duration.ofMinutes(120))
        .denominator(Duration.ofMinutes(43_200))
        .availability(Ratio.of(359, 360));
  }

  @Test
  void downtimeMinutesAreExact() {
    Measurement m = twoHoursInJune().downtime(Duration.ofSeconds(90)).build();

    assertThat(m.downtimeMinutes()).isEqualTo(Ratio.of(3, 2));
  }

  @Test
  void availabilityPercentIsTruncatedNeverRoundedUp() {
    // 359/360 = 99.72222…%: truncated to 99.72 at scale 2 and 99.7222 at scale 4.
    Measurement m = twoHoursInJune().build();

    assertThat(m.availabilityPercent(2)).isEqualByComparingTo("99.72");
    assertThat(m.availabilityPercent(4)).isEqualByComparingTo("99.7222");
    // 2/3 = 66.666…%: truncation gives 66.66, not 66.67.
    assertThat(twoHoursInJune().availability(Ratio.of(2, 3)).build().availabilityPercent(2)).isEqualByComparingTo("66.66");
  }

  @ParameterizedTest(name = "{0} of 10,000 is below {1} %: {2}")
  @CsvSource({
      "9995, 99.95, false",
      "9994, 99.95, true",
      "9996, 99.95, false",
      "10000, 100, false",
      "9999, 100, true"
  })
  void isBelowPercentComparesExactly(long upPerTenThousand, String percent, boolean below) {
    Measurement m = twoHoursInJune().availability(Ratio.of(upPerTenThousand, 10_000)).build();

    assertThat(m.isBelowPercent(new BigDecimal(percent))).isEqualTo(below);
  }

  @Test
  void defaultsToOutageSourceWithNothingCounted() {
    Measurement m = twoHoursInJune().build();

    assertThat(m.source()).isEqualTo(Measurement.Source.OUTAGES);
    assertThat(m.counted().isEmpty()).isTrue();
    assertThat(m.exclusions()).isEmpty();
    assertThat(m.contributions()).isEmpty();
  }

  @Test
  void readsAsALine() {
    assertThat(twoHoursInJune().build()).hasToString("sub-1 2024-06: 120 min down of 43200, availability 99.7222 %");
  }

  @Test
  void rejectsNegativeDowntime() {
    assertThatThrownBy(() -> twoHoursInJune().downtime(Duration.ofMinutes(-1)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("measurement.downtime must not be negative: PT-1M");
  }

  @Test
  void rejectsNegativeDenominator() {
    assertThatThrownBy(() -> twoHoursInJune().denominator(Duration.ofMinutes(-1)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("measurement.denominator must not be negative: PT-1M");
  }

  @Test
  void rejectsAvailabilityOutsideZeroToOne() {
    assertThatThrownBy(() -> twoHoursInJune().availability(Ratio.of(11, 10)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("measurement.availability must be in [0, 1]: 11/10");
    assertThatThrownBy(() -> twoHoursInJune().availability(Ratio.of(-1, 10)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("measurement.availability must be in [0, 1]: -1/10");
  }
}
