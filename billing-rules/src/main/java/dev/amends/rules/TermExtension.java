package dev.amends.rules;

import dev.amends.core.account.Subscription;
import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingPeriod;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Turns days of service into a subscription's new term end. See {@link
 * CreditLine#extendsTermTo()} for the rule.
 */
final class TermExtension {
  private TermExtension() {}

  /**
   * The end of the term the days extend: the service is paid through the end of the billing
   * period, or through the end of the subscription's active window if that is earlier.
   */
  static Instant paidThrough(Subscription subscription, BillingPeriod period) {
    Instant activeEnd = subscription.active().getEnd();
    return activeEnd.isBefore(period.end()) ? activeEnd : period.end();
  }

  /**
   * The term end after extending {@code from} by the days: whole local days in the zone (same
   * local time, so 23- and 25-hour days are whole days), then any fraction as that share of the
   * next local day, rounded up to the second.
   *
   * @throws RuleEvaluationException naming the path if the result lies beyond the supported dates
   */
  static Instant extend(Instant from, Ratio days, ZoneId zone, String path) {
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
  static String describe(Instant from, Ratio days, Instant to, ZoneId zone) {
    String n = Texts.number(days);
    return "term extended by " + n + (n.equals("1") ? " day" : " days") + " from "
        + from.atZone(zone).toOffsetDateTime() + " to " + to.atZone(zone).toOffsetDateTime() + " (" + zone + ")";
  }
}
