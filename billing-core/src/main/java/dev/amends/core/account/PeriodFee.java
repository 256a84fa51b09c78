package dev.amends.core.account;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.internal.Intervals;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.threeten.extra.Interval;

/**
 * The fee a subscription pays for one billing period: the price in force, turned from the
 * price's cycle into the period's, times the seats, prorated for partial activity.
 *
 * <p>The amounts are exact ({@link ExactMoney}); credits computed from them are rounded once,
 * later. When the price changes within the period, each price applies to its part of the
 * period, measured in local days under {@link Proration#BY_DAY} and in time otherwise. A
 * monthly period of an annual price is a twelfth of it; a quarterly period of a monthly price
 * is three times it. Before the first price takes effect the subscription must be inactive;
 * the full fee then counts that part at the first price.
 *
 * <pre>{@code
 * PeriodFee fee = PeriodFee.of(account, sub, dec2007, Proration.BY_TIME);
 * fee.fullFee();   // USD 20.00: the price for the whole period
 * fee.fee();       // USD 20.00 × the active share
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PeriodFee {
  private final BillingPeriod period;
  private final ExactMoney fullFee;
  private final ExactMoney fee;
  private final Ratio activeShare;
  private final Optional<Interval> activeWindow;
  private final Proration proration;

  private PeriodFee(
      BillingPeriod period,
      ExactMoney fullFee,
      ExactMoney fee,
      Ratio activeShare,
      Optional<Interval> activeWindow,
      Proration proration) {
    this.period = period;
    this.fullFee = fullFee;
    this.fee = fee;
    this.activeShare = activeShare;
    this.activeWindow = activeWindow;
    this.proration = proration;
  }

  /**
   * Computes the fee of a subscription for a period.
   *
   * @param account the account, for its currency, not null
   * @param subscription the subscription, not null
   * @param period the period, not null
   * @param proration how partial activity reduces the fee, not null
   * @return the fee, not null
   * @throws InvalidInputException if no price is in force for part of the period
   */
  public static PeriodFee of(Account account, Subscription subscription, BillingPeriod period, Proration proration) {
    Checks.notNull("account", account);
    Checks.notNull("subscription", subscription);
    Checks.notNull("period", period);
    Checks.notNull("proration", proration);
    ZoneId zone = period.zone();
    Interval active = subscription.active();
    Optional<Interval> activePart = Intervals.overlap(period.window(), active);
    List<Price> prices = subscription.prices().prices();
    LocalDate startDate = period.startDate();
    LocalDate endDate = period.endDate();

    // The days strictly inside the period on which a price takes effect: usually none.
    List<LocalDate> changes = null;
    for (Price p : prices) {
      if (p.effectiveFrom().isAfter(startDate) && p.effectiveFrom().isBefore(endDate)) {
        if (changes == null) {
          changes = new ArrayList<>(2);
        }
        changes.add(p.effectiveFrom());
      }
    }

    Ratio full;
    Ratio prorated;
    Ratio share;
    if (changes == null) {
      // One price for the whole period: the segment is the period, its share is one, and the
      // active share is the prorated fee over the full fee without dividing one by the other.
      Ratio perPeriod = perPeriod(priceFor(subscription, startDate, activePart.isPresent()), subscription, period);
      Ratio activeShare = activeShare(proration, activePart, activePart, Ratio.ONE, period, zone);
      full = perPeriod;
      prorated = perPeriod.multipliedBy(activeShare);
      share = perPeriod.isZero() ? (activePart.isPresent() ? Ratio.ONE : Ratio.ZERO) : activeShare;
    } else {
      // Split the period at price changes; each segment is whole local days.
      full = Ratio.ZERO;
      prorated = Ratio.ZERO;
      long periodDays = period.days();
      LocalDate from = startDate;
      Instant fromInstant = period.start();
      for (int i = 0; i <= changes.size(); i++) {
        LocalDate to = i < changes.size() ? changes.get(i) : endDate;
        Instant toInstant = i < changes.size() ? to.atStartOfDay(zone).toInstant() : period.end();
        Interval segment = Interval.of(fromInstant, toInstant);
        Optional<Interval> activeInSegment = Intervals.overlap(segment, active);
        Ratio perPeriod = perPeriod(priceFor(subscription, from, activeInSegment.isPresent()), subscription, period);
        // A segment's weight uses the proration's own measure (local days for BY_DAY, instants
        // otherwise), so that a subscription active all period pays exactly its full fee.
        Ratio segmentShare = proration == Proration.BY_DAY
            ? Ratio.of(ChronoUnit.DAYS.between(from, to), periodDays)
            : Ratio.of(segment.toDuration(), period.length());
        full = full.plus(perPeriod.multipliedBy(segmentShare));
        Ratio activeShare = activeShare(proration, activePart, activeInSegment, segmentShare, period, zone);
        prorated = prorated.plus(perPeriod.multipliedBy(activeShare));
        from = to;
        fromInstant = toInstant;
      }
      share = full.isZero() ? (activePart.isPresent() ? Ratio.ONE : Ratio.ZERO) : prorated.dividedBy(full);
    }
    CurrencyUnit currency = account.currency();
    return new PeriodFee(period, ExactMoney.of(currency, full), ExactMoney.of(currency, prorated), share,
        activePart, proration);
  }

  /**
   * The price in force on a segment's first day. Before the first price the subscription must be
   * inactive, and the first price stands in, so that the full fee is the fee "as if active
   * throughout" (and NONE charges the whole period) while the segment adds nothing to a
   * prorated fee.
   */
  private static Price priceFor(Subscription subscription, LocalDate from, boolean activeInSegment) {
    Optional<Price> price = subscription.prices().priceOn(from);
    if (price.isPresent()) {
      return price.get();
    }
    if (activeInSegment) {
      throw InvalidInputException.of(
          "subscription.prices", "has no price in force on " + from + " for subscription " + subscription.id(),
          subscription.prices());
    }
    return subscription.prices().prices().get(0);
  }

  /** The price for the whole period: price × seats × (period months ÷ price cycle months). */
  private static Ratio perPeriod(Price price, Subscription subscription, BillingPeriod period) {
    return price.exactAmount()
        .multipliedBy(Ratio.of((long) subscription.seats() * period.months(), price.per().months()));
  }

  /** The share of the period a segment's activity pays for, under the proration. */
  private static Ratio activeShare(Proration proration, Optional<Interval> activePart,
      Optional<Interval> activeInSegment, Ratio segmentShare, BillingPeriod period, ZoneId zone) {
    return switch (proration) {
      case BY_TIME -> activeInSegment.isEmpty() ? Ratio.ZERO
          : Ratio.of(activeInSegment.get().toDuration(), period.length());
      case BY_DAY -> Ratio.of(activeDays(activeInSegment, zone), period.days());
      case NONE -> activePart.isPresent() ? segmentShare : Ratio.ZERO;
    };
  }

  private static long activeDays(Optional<Interval> active, ZoneId zone) {
    if (active.isEmpty()) {
      return 0;
    }
    Interval w = active.get();
    LocalDate first = LocalDate.ofInstant(w.getStart(), zone);
    // The last instant inside the window is just before its end.
    LocalDate last = LocalDate.ofInstant(w.getEnd().minusNanos(1), zone);
    return ChronoUnit.DAYS.between(first, last) + 1;
  }

  /** The period. */
  public BillingPeriod period() {
    return period;
  }

  /** The fee for the whole period, as if active throughout; exact. */
  public ExactMoney fullFee() {
    return fullFee;
  }

  /** The fee after proration; exact. Percent-of-fee credits are computed from this. */
  public ExactMoney fee() {
    return fee;
  }

  /** {@code fee / fullFee}: the share of the period paid for. */
  public Ratio activeShare() {
    return activeShare;
  }

  /** The part of the period during which the subscription was active, empty if none. */
  public Optional<Interval> activeWindow() {
    return activeWindow;
  }

  /** The proration convention used. */
  public Proration proration() {
    return proration;
  }

  /** True if the subscription was active at some instant of the period. */
  public boolean isActive() {
    return activeWindow.isPresent();
  }

  /** Such as {@code USD 20.00 for 2007-12} or {@code USD 4.516129 (7/31 of USD 20.00) for 2007-12}. */
  @Override
  public String toString() {
    if (fee.equals(fullFee)) {
      return fee.toDisplay(4) + " for " + period.label();
    }
    return fee.toDisplay(4) + " (" + activeShare + " of " + fullFee.toDisplay(4) + ") for " + period.label();
  }
}
