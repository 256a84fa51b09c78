package dev.amends.rules;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.DayCount;
import java.math.BigDecimal;
import java.util.List;
import org.joda.money.Money;

/**
 * The limit of a cap: a percentage of the fee for the period ({@link PercentOfFee}), an amount
 * of money ({@link Amount}), a number of days of service valued at a day count ({@link Days}),
 * or a percentage of the fee on the invoice the credit lands on ({@link PercentOfLandingFee}).
 *
 * <pre>{@code
 * CapLimit.percentOfFee(new BigDecimal("100"));         // never more than the month's fee
 * CapLimit.amount(Money.parse("USD 500.00"));
 * CapLimit.days(new BigDecimal("30"), DayCount.ACTUAL); // 30 days of service
 * CapLimit.percentOfLandingFee(new BigDecimal("100"), 1); // never more than the next invoice's fee
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface CapLimit {
  /**
   * At most this percentage of the (prorated) fee for the period.
   *
   * @param percent the percentage, not negative
   */
  record PercentOfFee(BigDecimal percent) implements CapLimit {
    /**
     * Checks the percentage.
     *
     * @throws InvalidInputException naming {@code cap.percent} if it is null, negative or out of
     *     the limits of decimals
     */
    public PercentOfFee {
      Rules.notNegative("cap.percent", percent);
    }
  }

  /**
   * At most this amount, one per currency the policy serves.
   *
   * @param amounts the amounts, not empty, none negative
   */
  record Amount(List<Money> amounts) implements CapLimit {
    /**
     * Checks the amounts.
     *
     * @throws InvalidInputException naming {@code cap.amount} if it is null, empty, holds a null
     *     or a negative amount
     */
    public Amount {
      Checks.notNull("cap.amount", amounts);
      for (int i = 0; i < amounts.size(); i++) {
        Checks.notNull("cap.amount[" + i + "]", amounts.get(i));
      }
      amounts = List.copyOf(amounts);
      Checks.notEmpty("cap.amount", amounts);
      for (Money m : amounts) {
        if (m.isNegative()) {
          throw InvalidInputException.of("cap.amount", "must not be negative", m);
        }
      }
    }
  }

  /**
   * At most this many days of service, each valued at the day count's daily rate of the full fee.
   *
   * @param days the number of days, not negative
   * @param dayCount how a day is valued
   */
  record Days(BigDecimal days, DayCount dayCount) implements CapLimit {
    /**
     * Checks the parts.
     *
     * @throws InvalidInputException naming {@code cap.days} or {@code cap.dayCount}
     */
    public Days {
      Rules.notNegative("cap.days", days);
      Checks.notNull("cap.dayCount", dayCount);
    }
  }

  /**
   * At most this percentage of the fee on the invoice the credit lands on: the subscription's
   * (prorated) fee for the billing period {@code periodsLater} after the one decided, at that
   * period's price. For SLAs whose credits are "applied against a future payment" and capped by
   * that invoice ("the maximum Service Credit applied to an invoice will not exceed 100 % of the
   * amount invoiced for the product in that invoice billing period"): {@code periodsLater} 1 is
   * the next invoice. A subscription that is not active in that period has a fee of zero there,
   * so nothing is credited; a price schedule with no price for that period is an error naming it.
   * The cap holds this decision's credit only: credits from other periods that land on the same
   * invoice are not summed here.
   *
   * @param percent the percentage, not negative
   * @param periodsLater how many billing periods after the one decided the credit lands, 1 to 120
   */
  record PercentOfLandingFee(BigDecimal percent, int periodsLater) implements CapLimit {
    /** The most periods later a credit may land: ten years of monthly invoices. */
    public static final int MAX_PERIODS_LATER = 120;

    /**
     * Checks the parts.
     *
     * @throws InvalidInputException naming {@code cap.percent} (null, negative or out of the
     *     limits of decimals) or {@code cap.periodsLater} (outside 1 to {@value #MAX_PERIODS_LATER})
     */
    public PercentOfLandingFee {
      Rules.notNegative("cap.percent", percent);
      if (periodsLater < 1 || periodsLater > MAX_PERIODS_LATER) {
        throw InvalidInputException.of("cap.periodsLater", "must be from 1 to " + MAX_PERIODS_LATER, periodsLater);
      }
    }
  }

  /** At most this percentage of the (prorated) fee for the period. */
  static CapLimit percentOfFee(BigDecimal percent) {
    return new PercentOfFee(percent);
  }

  /** At most this amount; give one amount per currency the policy serves. */
  static CapLimit amount(Money... amounts) {
    return new Amount(Rules.listOf("cap.amount", amounts));
  }

  /** At most this many days of service, each valued at the day count's daily rate of the full fee. */
  static CapLimit days(BigDecimal days, DayCount dayCount) {
    return new Days(days, dayCount);
  }

  /**
   * At most this percentage of the fee on the invoice the credit lands on, {@code periodsLater}
   * billing periods after the one decided.
   */
  static CapLimit percentOfLandingFee(BigDecimal percent, int periodsLater) {
    return new PercentOfLandingFee(percent, periodsLater);
  }
}
