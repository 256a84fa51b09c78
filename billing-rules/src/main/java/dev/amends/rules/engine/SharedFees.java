package dev.amends.rules.engine;

import dev.amends.core.account.Account;
import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Proration;
import dev.amends.core.account.Subscription;
import dev.amends.core.time.BillingPeriod;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.joda.money.CurrencyUnit;
import org.threeten.extra.Interval;

/**
 * Fees shared between subscriptions, for a batch: step 2a done once for every subscription with
 * the same price schedule, seats, active window clipped to the period, period, proration and
 * account currency, which is all {@link PeriodFee#of} reads (a fee carries no subscription id).
 * Only fees computed without error are kept: a missing price is reported for each subscription
 * by its own id.
 *
 * <p>Thread-safe. Bounded: past {@code capacity} entries the cache starts afresh.
 */
public final class SharedFees {
  /** The most fees kept. */
  public static final int CAPACITY = 8192;

  /** The active part of the period is from {@code activeFrom} to {@code activeTo}; both null when there is none. */
  private record Key(CurrencyUnit currency, PriceSchedule prices, int seats, Instant activeFrom, Instant activeTo,
      BillingPeriod period, Proration proration) {}

  private final ConcurrentHashMap<Key, PeriodFee> byKey = new ConcurrentHashMap<>();
  private final int capacity;

  public SharedFees(int capacity) {
    this.capacity = capacity;
  }

  /** The subscription's fee for the period: a shared one, or one computed now. */
  public PeriodFee fee(Account account, Subscription sub, BillingPeriod period, Proration proration) {
    // the active part of the period, as Intervals.overlap finds it, without making it
    Interval window = period.window();
    Interval active = sub.active();
    Instant from = active.getStart().isAfter(window.getStart()) ? active.getStart() : window.getStart();
    Instant to = active.getEnd().isBefore(window.getEnd()) ? active.getEnd() : window.getEnd();
    boolean overlaps = from.isBefore(to);
    Key key = new Key(account.currency(), sub.prices(), sub.seats(), overlaps ? from : null, overlaps ? to : null,
        period, proration);
    PeriodFee fee = byKey.get(key);
    if (fee == null) {
      fee = PeriodFee.of(account, sub, period, proration);
      if (byKey.size() >= capacity) {
        byKey.clear();
      }
      byKey.putIfAbsent(key, fee);
    }
    return fee;
  }
}
