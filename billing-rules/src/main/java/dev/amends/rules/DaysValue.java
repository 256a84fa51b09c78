package dev.amends.rules;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.DayCount;
import java.util.Optional;

/**
 * What days of service are worth: a term extension only, or also money at a day count's daily
 * rate of the full fee.
 *
 * <pre>{@code
 * Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY, tiers);       // 3 days, USD 0.00
 * Rules.daysOfService("days", DaysValue.valuedAt(DayCount.ACTUAL), tiers); // 3 days, 3 × 20.00/30
 * }</pre>
 *
 * <p>Either way the credit line carries the days and the new term end ({@link
 * CreditLine#extendsTermTo()}). Immutable and thread-safe.
 *
 * @param dayCount the day count that values the days; empty for a term extension only
 */
public record DaysValue(Optional<DayCount> dayCount) {
  /**
   * The days extend the subscription's term and are worth no money: the line's amount is zero,
   * and the engine keeps it because it carries days.
   */
  public static final DaysValue TERM_EXTENSION_ONLY = new DaysValue(Optional.empty());

  /**
   * Checks the choice.
   *
   * @throws InvalidInputException naming {@code daysValue.dayCount} if it is null
   */
  public DaysValue {
    Checks.notNull("daysValue.dayCount", dayCount);
  }

  /**
   * The days extend the term and are also credited as money, each day worth the day count's
   * daily rate of the full (unprorated) fee for the period.
   *
   * @param dayCount how a day is valued, not null
   * @return the choice, not null
   * @throws InvalidInputException naming {@code daysValue.dayCount} if it is null
   */
  public static DaysValue valuedAt(DayCount dayCount) {
    return new DaysValue(Optional.of(Checks.notNull("daysValue.dayCount", dayCount)));
  }

  /** {@code TERM_EXTENSION_ONLY} or {@code valuedAt(ACTUAL)}. */
  @Override
  public String toString() {
    return dayCount.isEmpty() ? "TERM_EXTENSION_ONLY" : "valuedAt(" + dayCount.get() + ")";
  }
}
