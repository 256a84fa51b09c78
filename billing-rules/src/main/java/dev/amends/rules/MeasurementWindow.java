package dev.amends.rules;

import dev.amends.core.InvalidInputException;

/**
 * A measurement window longer than the billing period: availability measured over a calendar
 * quarter while the account is billed monthly, the credit landing on a named invoice.
 *
 * <pre>{@code
 * // quarterly uptime, credited on the first invoice after the quarter ends
 * Policy.builder()...measurementWindow(MeasurementWindow.calendarQuarter(1))
 * }</pre>
 *
 * <p>A policy without a measurement window measures the billing period decided, as always.
 * With one, the engine decides, under that policy, only the billing period the window's credit
 * lands on; in it, the fee, the downtime, the availability, claim deadlines and caps in days are
 * those of the whole window (the fee of a monthly price for a quarter is three times it), and
 * the credit lines are lines of the billing period decided. Every other billing period gives
 * nothing under that policy (its trace says which period the window is credited in).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface MeasurementWindow {
  /**
   * The calendar quarter (January to March, April to June, July to September, October to
   * December, in the account's zone), credited on the invoice of the billing period {@code
   * periodsAfterEnd} periods after the one that holds the quarter's end: 0 is the billing period
   * in which the quarter ends (June for the second quarter, billed monthly; the quarter itself,
   * billed by calendar quarter), 1 the next one (July, or the third quarter). Deciding an account
   * whose billing periods are longer than a quarter (annual) under it is an error naming {@code
   * measurementWindow}: several quarters would end in one period.
   *
   * @param periodsAfterEnd the billing periods between the one holding the quarter's end and the
   *     one credited, 0 to {@value #MAX_PERIODS_AFTER_END}
   */
  record CalendarQuarter(int periodsAfterEnd) implements MeasurementWindow {
    /** The most periods after the quarter's end a credit may land: a year of monthly invoices. */
    public static final int MAX_PERIODS_AFTER_END = 12;

    /**
     * Checks the offset.
     *
     * @throws InvalidInputException naming {@code measurementWindow.periodsAfterEnd} if it is
     *     outside 0 to {@value #MAX_PERIODS_AFTER_END}
     */
    public CalendarQuarter {
      if (periodsAfterEnd < 0 || periodsAfterEnd > MAX_PERIODS_AFTER_END) {
        throw InvalidInputException.of("measurementWindow.periodsAfterEnd",
            "must be from 0 to " + MAX_PERIODS_AFTER_END, periodsAfterEnd);
      }
    }
  }

  /**
   * The calendar quarter, credited {@code periodsAfterEnd} billing periods after the one that
   * holds its end.
   *
   * @param periodsAfterEnd 0 to {@value CalendarQuarter#MAX_PERIODS_AFTER_END}
   * @return the window, not null
   * @throws InvalidInputException naming {@code measurementWindow.periodsAfterEnd} if out of range
   */
  static MeasurementWindow calendarQuarter(int periodsAfterEnd) {
    return new CalendarQuarter(periodsAfterEnd);
  }
}
