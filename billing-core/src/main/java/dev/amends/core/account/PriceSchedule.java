package dev.amends.core.account;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * An effective-dated list of prices: each applies from its date until the next one.
 *
 * <p>All prices share one currency and no two start on the same date. Immutable and thread-safe.
 */
public final class PriceSchedule {
  private final List<Price> prices;
  /** Computed once: schedules are part of the key of every fee a batch shares. */
  private final int hash;

  private PriceSchedule(List<Price> prices) {
    this.prices = prices;
    this.hash = prices.hashCode();
  }

  /**
   * A schedule from prices in any order.
   *
   * @param prices at least one price, not null
   * @return the schedule, sorted by date, not null
   * @throws InvalidInputException if empty, if currencies differ, or if two prices share a date;
   *     the field names the price by its index in {@code prices} as given
   */
  public static PriceSchedule of(List<Price> prices) {
    Checks.notEmpty("prices", prices);
    // Validate in the order given, so that an index in a message is the caller's index: the
    // currency is the first price's, and a repeated date is reported at its second occurrence.
    List<Price> sorted = new ArrayList<>(prices.size());
    Set<LocalDate> dates = new HashSet<>();
    CurrencyUnit currency = null;
    for (int i = 0; i < prices.size(); i++) {
      Price p = Checks.notNull("prices[" + i + "]", prices.get(i));
      if (currency == null) {
        currency = p.amount().getCurrencyUnit();
      }
      Checks.sameCurrency("prices[" + i + "].amount", currency, p.amount().getCurrencyUnit());
      if (!dates.add(p.effectiveFrom())) {
        throw InvalidInputException.of(
            "prices[" + i + "].effectiveFrom", "is shared by two prices", p.effectiveFrom());
      }
      sorted.add(p);
    }
    sorted.sort(Comparator.comparing(Price::effectiveFrom));
    return new PriceSchedule(List.copyOf(sorted));
  }

  /** One price from a date on. */
  public static PriceSchedule of(Price price) {
    return of(List.of(Checks.notNull("price", price)));
  }

  /** A monthly price that has always applied: the simplest schedule. */
  public static PriceSchedule monthly(Money amount) {
    return of(Price.monthly(LocalDate.MIN, amount));
  }

  /** The prices, sorted by date. */
  public List<Price> prices() {
    return prices;
  }

  /** The schedule's currency. */
  public CurrencyUnit currency() {
    return prices.get(0).amount().getCurrencyUnit();
  }

  /**
   * The price in force on a local date: the latest one whose date is not after it.
   *
   * @param date the date, not null
   * @return the price, empty before the first one
   */
  public Optional<Price> priceOn(LocalDate date) {
    Price found = null;
    for (Price p : prices) {
      if (p.effectiveFrom().isAfter(date)) {
        break;
      }
      found = p;
    }
    return Optional.ofNullable(found);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof PriceSchedule s && hash == s.hash && prices.equals(s.prices);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return prices.toString();
  }
}
