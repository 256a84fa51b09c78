package dev.amends.testkit;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/**
 * For any availability stated to 6 decimals, a tier table row with the tier worked out here (by
 * plain comparisons of decimals, not by the engine) passes: the row's downtime gives exactly that
 * availability, and the rule agrees with the table.
 */
class TierTablePropertiesTest {
  static final BigDecimal P99_9 = new BigDecimal("99.9");
  static final BigDecimal P99 = new BigDecimal("99");
  static final BigDecimal P95 = new BigDecimal("95");

  @Property(tries = 150)
  void anyAvailabilityLandsInTheTierItsNumberSays(
      @ForAll @BigRange(min = "0", max = "100") @Scale(6) BigDecimal availability) {
    // USD 100.00 a month: 10 % below 99.9, 25 % below 99, 100 % below 95
    String expected = availability.compareTo(P99_9) >= 0 ? "0.00"
        : availability.compareTo(P99) >= 0 ? "10.00"
        : availability.compareTo(P95) >= 0 ? "25.00"
        : "100.00";
    TierTableCheck.of(TierTableCheckTest.CLOUD_TIERS).row(availability.toPlainString(), expected).check();
  }
}
