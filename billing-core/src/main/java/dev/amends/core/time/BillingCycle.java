package dev.amends.core.time;

/**
 * How long one billing period is: a month, a quarter or a year.
 *
 * <p>Lengths are calendar lengths in the account's time zone, not fixed durations: a month is
 * 28 to 31 days, and a day 23 to 25 hours across a daylight-saving change.
 */
public enum BillingCycle {
  /** One calendar month. */
  MONTHLY(1),
  /** Three calendar months; calendar quarters start in January, April, July and October. */
  QUARTERLY(3),
  /** Twelve calendar months. */
  ANNUAL(12);

  private final int months;

  BillingCycle(int months) {
    this.months = months;
  }

  /** The number of calendar months in one cycle: 1, 3 or 12. */
  public int months() {
    return months;
  }
}
