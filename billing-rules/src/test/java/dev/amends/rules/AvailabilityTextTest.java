package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Availability in texts (reasons, traces, explanations) is truncated to 4 decimals, never rounded:
 * a figure shown below a threshold is below it, and one shown at or above it is at or above it.
 */
class AvailabilityTextTest {
  @Test
  void availabilityJustBelowAThresholdIsNeverShownAtIt() {
    // 9,994,999 / 10,000,000 = 99.94999 %: rounded half-up to 4 places it would read 99.95 %
    Ratio justBelow = Ratio.of(9_994_999, 10_000_000);

    assertThat(TraceValue.availability(justBelow).text()).isEqualTo("99.9499 %");
    assertThat(justBelow.compareToPercent(new BigDecimal("99.95"))).isNegative();
  }

  @Test
  void availabilityIsShownExactlyWhenItHasFourDecimalsOrFewer() {
    // 44,220 / 44,640 = 737 / 744 = 99.059139...: truncated
    assertThat(TraceValue.availability(Ratio.of(737, 744)).text()).isEqualTo("99.0591 %");
    assertThat(TraceValue.availability(Ratio.of(1999, 2000)).text()).isEqualTo("99.95 %");
    assertThat(TraceValue.availability(Ratio.ONE).text()).isEqualTo("100 %");
  }

  @Property(tries = 500)
  void theFigureShownIsOnTheSameSideOfAnyFourDecimalThresholdAsTheExactValue(
      @ForAll @LongRange(min = 0, max = 1_000_000) long down, @ForAll @LongRange(min = 1, max = 1_000_000) long extra,
      @ForAll @IntRange(min = 0, max = 1_000_000) int thresholdTenThousandths) {
    Ratio availability = Ratio.of(extra, down + extra);
    BigDecimal threshold = BigDecimal.valueOf(thresholdTenThousandths, 4);
    String text = TraceValue.availability(availability).text();
    BigDecimal shown = new BigDecimal(text.substring(0, text.length() - 2));

    assertThat(shown.compareTo(threshold) < 0).isEqualTo(availability.compareToPercent(threshold) < 0);
  }
}
