package dev.amends.core.money;

import dev.amends.core.time.BillingPeriod;
import org.joda.money.Money;

/**
 * How a fee for a period is turned into a value per day, for credits stated in days of service
 * ("three days of service") and for day-based proration.
 *
 * <pre>{@code
 * // USD 20.00 for December 2007 (31 days):
 * DayCount.ACTUAL.dailyRate(USD_20, dec2007);     // 20/31     = USD 0.645161...
 * DayCount.THIRTY.dailyRate(USD_20, dec2007);     // 20/30     = USD 0.666666...
 * DayCount.ACTUAL_365.dailyRate(USD_20, dec2007); // 20*12/365 = USD 0.657534...
 * }</pre>
 */
public enum DayCount {
  /** The fee divided by the number of local days in the period (28 to 31 for a month). */
  ACTUAL,
  /** The fee divided by 30 days per month of the period: every month counts as 30 days. */
  THIRTY,
  /** The fee scaled to a year and divided by 365: {@code fee × 12 / (365 × months)}. */
  ACTUAL_365;

  /**
   * The exact value of one day of service.
   *
   * @param fee the fee for the period, not null
   * @param period the period the fee is for, not null
   * @return the daily rate, unrounded, not null
   */
  public ExactMoney dailyRate(Money fee, BillingPeriod period) {
    return dailyRate(ExactMoney.of(fee), period);
  }

  /**
   * The exact value of one day of service, for a fee that is itself exact (such as a prorated
   * or annual-to-monthly fee).
   *
   * @param exact the fee for the period, not null
   * @param period the period the fee is for, not null
   * @return the daily rate, unrounded, not null
   */
  public ExactMoney dailyRate(ExactMoney exact, BillingPeriod period) {
    return switch (this) {
      case ACTUAL -> exact.dividedBy(Ratio.of(period.days()));
      case THIRTY -> exact.dividedBy(Ratio.of(30L * period.months()));
      case ACTUAL_365 -> exact.multipliedBy(Ratio.of(12, 365L * period.months()));
    };
  }

  /**
   * The exact value of a number of days of service.
   *
   * @param fee the fee for the period, not null
   * @param period the period the fee is for, not null
   * @param days the number of days, may be fractional, not null
   * @return the value, unrounded, not null
   */
  public ExactMoney valueOfDays(Money fee, BillingPeriod period, Ratio days) {
    return dailyRate(fee, period).multipliedBy(days);
  }
}
