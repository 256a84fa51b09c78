package dev.amends.rules;

import dev.amends.core.InvalidInputException;

/**
 * A measurement window longer than the billing period: availability measured over a calendar
 * quarter while the account is billed monthly, the credit landing on a named invoice; or over
 * the days before a claim's date (a rolling window, as in the 2008 Amazon EC2 SLA's "Service
 * Year").
 *
 * <pre>{@code
 * // quarterly uptime, credited on the first invoice after the quarter ends
 * Policy.builder()...measurementWindow(MeasurementWindow.calendarQuarter(1))
 * // uptime over the 365 days before the claim's date
 * Policy.builder()...measurementWindow(MeasurementWindow.rollingDays(365))
 * }</pre>
 *
 * <p>A policy without a measurement window measures the billing period decided, as always.
 * With a calendar quarter, the engine decides, under that policy, only the billing period the window's credit
 * lands on; in it, the fee, the downtime, the availability, claim deadlines and caps in days are
 * those of the whole window (the fee of a monthly price for a quarter is three times it), and
 * the credit lines are lines of the billing period decided. Every other billing period gives
 * nothing under that policy (its trace says which period the window is credited in). A rolling
 * window ({@link RollingDays}) keeps the fee of the billing period decided.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface MeasurementWindow {
  /**
   * The {@code days} whole days before the date of the subscription's claim, in the account's
   * zone: a claim filed on 2009-01-10 (any time that day) measures {@code [2008-01-11, 2009-01-10)}
   * for 365 days; the claim's own day is not in it. The claim date is the {@link Claim#filedAt()}
   * of the claim the request holds for the subscription (the earliest, a subscription's own claim
   * before an account-wide one). Without a claim nothing is credited under the policy.
   *
   * <p>The credit lands on, and is a share of the fee of, the billing period that holds the
   * latest downtime counted in the window (the 2008 EC2 SLA's "Eligible Credit Period": the
   * billing month of the most recent unavailability in the claim); deciding any other billing
   * period gives nothing under the policy, and its trace says why. Only the fee is that
   * period's: downtime and availability are those of the whole window, and the rule context's
   * period is the billing period decided (claim deadlines count from its end).
   *
   * <p>Days before the subscription's first use count as available when the policy's
   * measurement rules measure against the whole window ({@code denominator} {@code
   * WHOLE_PERIOD}); with the default {@code ACTIVE_PART} only the days the subscription was
   * active are in the denominator.
   *
   * <p>Downtime already used by an earlier credit cannot be claimed again: an outage that a credit
   * of the same policy and subscription issued in an earlier period rests on ({@link
   * DecisionRequest#issuedEarlier()}, {@link IssuedCredit#outageIds()}) is left out of the
   * window, with a warning naming it.
   *
   * @param days the window's length in days, 1 to {@value #MAX_DAYS}
   */
  record RollingDays(int days) implements MeasurementWindow {
    /** The longest rolling window: ten years of days. */
    public static final int MAX_DAYS = 3660;

    /**
     * Checks the length.
     *
     * @throws InvalidInputException naming {@code measurementWindow.days} if it is outside 1 to
     *     {@value #MAX_DAYS}
     */
    public RollingDays {
      if (days < 1 || days > MAX_DAYS) {
        throw InvalidInputException.of("measurementWindow.days", "must be from 1 to " + MAX_DAYS, days);
      }
    }
  }

  /**
   * The {@code days} days before the date of the subscription's claim, credited in the billing
   * period holding the latest downtime counted.
   *
   * @param days 1 to {@value RollingDays#MAX_DAYS}
   * @return the window, not null
   * @throws InvalidInputException naming {@code measurementWindow.days} if out of range
   */
  static MeasurementWindow rollingDays(int days) {
    return new RollingDays(days);
  }

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
