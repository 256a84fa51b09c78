package dev.amends.core.account;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.internal.Intervals;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingPeriod;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    // Split the period at price changes; each segment is whole local days.
    List<LocalDate> cuts = new ArrayList<>();
    cuts.add(period.startDate());
    for (Price p : subscription.prices().prices()) {
      if (p.effectiveFrom().isAfter(period.startDate()) && p.effectiveFrom().isBefore(period.endDate())) {
        cuts.add(p.effectiveFrom());
      }
    }
    cuts.add(period.endDate());

    ExactMoney full = ExactMoney.zero(account.currency());
    ExactMoney prorated = ExactMoney.zero(account.currency());
    long periodDays = period.days();
    for (int i = 0; i + 1 < cuts.size(); i++) {
      LocalDate from = cuts.get(i);
      LocalDate to = cuts.get(i + 1);
      Price price = subscription.prices().priceOn(from).orElse(null);
      Interval segment = Interval.of(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
      Optional<Interval> activeInSegment = Intervals.overlap(segment, active);
      if (price == null) {
        if (activeInSegment.isPresent()) {
          throw InvalidInputException.of(
              "subscription.prices", "has no price in force on " + from + " for subscription " + subscription.id(),
              subscription.prices());
        }
        // Before the first price, and not active: the first price stands in, so that the full
        // fee is the fee "as if active throughout" (and NONE charges the whole period) while
        // this segment adds nothing to a prorated fee.
        price = subscription.prices().prices().get(0);
      }
      // The price for the whole period: price × seats × (period months ÷ price cycle months).
      ExactMoney perPeriod = ExactMoney.of(price.amount())
          .multipliedBy(subscription.seats())
          .multipliedBy(Ratio.of(period.months(), price.per().months()));
      // A segment's weight uses the proration's own measure (local days for BY_DAY, instants
      // otherwise), so that a subscription active all period pays exactly its full fee.
      Ratio segmentShare = proration == Proration.BY_DAY
          ? Ratio.of(ChronoUnit.DAYS.between(from, to), periodDays)
          : Ratio.of(segment.toDuration(), period.length());
      full = full.plus(perPeriod.multipliedBy(segmentShare));
      Ratio activeShareOfPeriod = switch (proration) {
        case BY_TIME -> activeInSegment
            .map(w -> Ratio.of(w.toDuration(), period.length()))
            .orElse(Ratio.ZERO);
        case BY_DAY -> Ratio.of(activeDays(activeInSegment, zone), periodDays);
        case NONE -> activePart.isPresent() ? segmentShare : Ratio.ZERO;
      };
      prorated = prorated.plus(perPeriod.multipliedBy(activeShareOfPeriod));
    }
    Ratio share = full.isZero() ? (activePart.isPresent() ? Ratio.ONE : Ratio.ZERO)
        : prorated.amount().dividedBy(full.amount());
    return new PeriodFee(period, full, prorated, share, activePart, proration);
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
