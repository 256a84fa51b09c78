package dev.amends.rules.engine;

import dev.amends.rules.RuleEvaluationException;
import dev.amends.rules.internal.Texts;
import dev.amends.core.account.Account;
import dev.amends.core.account.Price;
import dev.amends.core.account.Subscription;
import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Turns days of service into a subscription's new term end. See {@link
 * CreditLine#extendsTermTo()} for the rule.
 */
public final class TermExtension {
  private TermExtension() {}

  /**
   * The end of the term the days extend: the end of the prepaid cycle that holds the period's
   * last instant, or the end of the subscription's active window if that is earlier.
   *
   * <p>The prepaid cycle is the account's billing period itself, unless the price in force on the
   * period's last day is for a longer cycle than the account bills in (an annual price billed
   * monthly, say): the customer has then prepaid a term of the price's cycle, which runs from the
   * later of the subscription's first local day and the day the run of prices of that cycle began
   * (a price rise within the same cycle does not restart the term), on that day of month. When
   * neither date is bounded the term is calendar-aligned (a year from 1 January, a quarter from
   * January, April, July or October).
   */
  public static Instant paidThrough(Account account, Subscription subscription, BillingPeriod period) {
    Instant prepaidEnd = prepaidCycle(account.billing(), subscription, period).end();
    Instant activeEnd = subscription.active().getEnd();
    return activeEnd.isBefore(prepaidEnd) ? activeEnd : prepaidEnd;
  }

  /** The prepaid cycle that holds the period's last instant; see {@link #paidThrough}. */
  public static BillingPeriod prepaidCycle(BillingSchedule billing, Subscription subscription, BillingPeriod period) {
    ZoneId zone = period.zone();
    List<Price> prices = subscription.prices().prices();
    LocalDate lastDay = period.endDate().minusDays(1);
    int inForce = -1;
    for (int i = 0; i < prices.size() && !prices.get(i).effectiveFrom().isAfter(lastDay); i++) {
      inForce = i;
    }
    if (inForce < 0 || prices.get(inForce).per().months() <= billing.cycle().months()) {
      return period;
    }
    BillingCycle term = prices.get(inForce).per();
    int runStart = inForce;
    while (runStart > 0 && prices.get(runStart - 1).per() == term) {
      runStart--;
    }
    LocalDate anchor = prices.get(runStart).effectiveFrom();
    if (anchor.equals(LocalDate.MIN)) {
      anchor = null;
    }
    Instant start = subscription.active().getStart();
    if (!subscription.active().isUnboundedStart()) {
      try {
        LocalDate first = LocalDate.ofInstant(start, zone);
        anchor = anchor == null || first.isAfter(anchor) ? first : anchor;
      } catch (DateTimeException e) {
        // a start before the supported local dates: leave the price's date, or calendar alignment
      }
    }
    BillingSchedule terms = anchor == null
        ? BillingSchedule.calendar(term, zone)
        : BillingSchedule.anniversary(term, anchor, zone);
    return terms.periodContaining(period.end().minusNanos(1));
  }

  /**
   * The term end after extending {@code from} by the days: whole local days in the zone (same
   * local time, so 23- and 25-hour days are whole days), then any fraction as that share of the
   * next local day, rounded up to the second.
   *
   * @throws RuleEvaluationException naming the path if the result lies beyond the supported dates
   */
  public static Instant extend(Instant from, Ratio days, ZoneId zone, String path) {
    try {
      BigInteger whole = days.floor();
      Ratio fraction = days.minus(Ratio.of(whole, BigInteger.ONE));
      ZonedDateTime end = from.atZone(zone).plusDays(whole.longValueExact());
      if (fraction.isZero()) {
        return end.toInstant();
      }
      long daySeconds = Duration.between(end, end.plusDays(1)).getSeconds();
      long extra = fraction.multipliedBy(daySeconds).ceiling().longValueExact();
      return end.toInstant().plusSeconds(extra);
    } catch (ArithmeticException | DateTimeException e) {
      throw new RuleEvaluationException(path, "extends the term from " + from + " by " + days
          + " days, beyond the supported dates", e);
    }
  }

  /**
   * For the line's reason: {@code term extended by 3 days from 2024-07-01T00:00-04:00 to
   * 2024-07-04T00:00-04:00 (America/New_York)}; {@code from} is where the line before left the
   * term (the paid-through date for the first line).
   */
  public static String describe(Instant from, Ratio days, Instant to, ZoneId zone) {
    String n = Texts.number(days);
    return "term extended by " + n + (n.equals("1") ? " day" : " days") + " from "
        + from.atZone(zone).toOffsetDateTime() + " to " + to.atZone(zone).toOffsetDateTime() + " (" + zone + ")";
  }
}
