package dev.amends.core.account;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingCycle;
import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;

/**
 * One entry of a price schedule: from a local date on, the price per billing cycle per seat.
 *
 * <pre>{@code
 * Price.monthly(LocalDate.of(2007, 1, 1), Money.parse("USD 20.00"));
 * Price.of(LocalDate.of(2024, 1, 1), Money.parse("USD 240.00"), BillingCycle.ANNUAL);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Price {
  private final LocalDate effectiveFrom;
  private final Money amount;
  private final BillingCycle per;
  private final Ratio exactAmount; // the amount as an exact ratio, computed once for PeriodFee

  private Price(LocalDate effectiveFrom, Money amount, BillingCycle per) {
    this.effectiveFrom = effectiveFrom;
    this.amount = amount;
    this.per = per;
    this.exactAmount = Ratio.of(amount.getAmount());
  }

  /**
   * A price per cycle from a date on.
   *
   * @param effectiveFrom the first local day the price applies, in the account's zone, not null
   * @param amount the price per cycle per seat, not negative, not null
   * @param per the cycle the price is for, not null
   * @return the price, not null
   * @throws InvalidInputException if the amount is negative
   */
  public static Price of(LocalDate effectiveFrom, Money amount, BillingCycle per) {
    Checks.notNull("price.effectiveFrom", effectiveFrom);
    Checks.notNull("price.amount", amount);
    Checks.notNull("price.per", per);
    if (amount.isNegative()) {
      throw InvalidInputException.of("price.amount", "must not be negative", amount);
    }
    return new Price(effectiveFrom, amount, per);
  }

  /** A monthly price from a date on. */
  public static Price monthly(LocalDate effectiveFrom, Money amount) {
    return of(effectiveFrom, amount, BillingCycle.MONTHLY);
  }

  /** The first local day the price applies. */
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /** The price per cycle per seat. */
  public Money amount() {
    return amount;
  }

  /** The cycle the price is for. */
  public BillingCycle per() {
    return per;
  }

  /** The amount in major units as an exact ratio, the same as {@code Ratio.of(amount().getAmount())}. */
  Ratio exactAmount() {
    return exactAmount;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Price p
        && effectiveFrom.equals(p.effectiveFrom)
        && amount.equals(p.amount)
        && per == p.per;
  }

  @Override
  public int hashCode() {
    // Objects.hash(effectiveFrom, amount, per)'s value, without its array
    return 31 * (31 * (31 + effectiveFrom.hashCode()) + amount.hashCode()) + per.hashCode();
  }

  /** Such as {@code USD 20.00 per MONTHLY from 2007-01-01}. */
  @Override
  public String toString() {
    return amount + " per " + per + " from " + effectiveFrom;
  }
}
