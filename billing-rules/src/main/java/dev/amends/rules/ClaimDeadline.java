package dev.amends.rules;

import dev.amends.core.internal.Checks;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a claim must be filed, in the shapes real SLAs use. Days are local days in the account's
 * zone; a deadline "N days after" a day ends at the end of the Nth day, so a claim filed at any
 * time on that day is in time.
 *
 * <p>The incident is the end of the latest outage that contributed counted downtime in the
 * period. When the downtime comes from telemetry rather than outage records, it is the end of the
 * last counted window of the measurement ({@link dev.amends.core.measure.Measurement#counted()});
 * when averaged telemetry gives downtime but no counted windows, it is the end of the measured
 * window (the period's end, or the end of the subscription's active part), the latest the
 * downtime can have happened, so the customer is never cut short. With no downtime there is no
 * incident. A claim is in time when it is filed strictly before the deadline instant.
 *
 * <p>Limits: at most {@value #MAX_DAYS} days (calendar or business days) and at most {@value
 * #MAX_CYCLES} billing cycles. Every deadline is computed in constant time: business days by
 * whole weeks, cycles by jumping straight to the period ({@link
 * dev.amends.core.time.BillingSchedule#after(BillingPeriod, long)}).
 *
 * <pre>{@code
 * ClaimDeadline.daysAfterIncident(30);            // incident on 1 Dec -> by the end of 31 Dec
 * ClaimDeadline.daysAfterPeriodEnd(30);           // December period -> by the end of 30 Jan
 * ClaimDeadline.endOfBillingCycleAfterIncident(2);// incident in Dec -> by the end of February's period
 * ClaimDeadline.endOfFollowingCalendarMonth();    // incident in Dec -> by the end of January
 * ClaimDeadline.businessDaysAfterIncident(10);    // Monday to Friday, no holidays
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the shape of the deadline
 * @param count the days or billing cycles it counts; 1 for {@link Kind#FOLLOWING_MONTH}
 */
public record ClaimDeadline(Kind kind, int count) {
  /** The shapes of deadline. */
  public enum Kind {
    /** By the end of the Nth local day after the day of the incident. */
    DAYS_AFTER_INCIDENT,
    /** By the end of the Nth local day after the last day of the billing period. */
    DAYS_AFTER_PERIOD_END,
    /** By the end of the Nth billing period after the incident's own. */
    CYCLES_AFTER_INCIDENT,
    /** By the end of the calendar month after the incident's month. */
    FOLLOWING_MONTH,
    /** By the end of the Nth business day (Monday to Friday) after the day of the incident. */
    BUSINESS_DAYS
  }

  /** The most days a deadline may count: about ten years. */
  public static final int MAX_DAYS = 3660;
  /** The most billing cycles a deadline may count: ten years of monthly periods. */
  public static final int MAX_CYCLES = 120;

  /**
   * Checks the count for the kind: 0 to {@value #MAX_DAYS} days, 1 to {@value #MAX_DAYS} business
   * days, 0 to {@value #MAX_CYCLES} cycles, and 1 for the following month.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code deadline.kind}, {@code
   *     deadline.days} or {@code deadline.cycles} otherwise
   */
  public ClaimDeadline {
    Checks.notNull("deadline.kind", kind);
    switch (kind) {
      case DAYS_AFTER_INCIDENT, DAYS_AFTER_PERIOD_END ->
          atMost("deadline.days", Checks.notNegative("deadline.days", count), MAX_DAYS);
      case CYCLES_AFTER_INCIDENT -> atMost("deadline.cycles", Checks.notNegative("deadline.cycles", count), MAX_CYCLES);
      case BUSINESS_DAYS -> atMost("deadline.days", Checks.positive("deadline.days", count), MAX_DAYS);
      case FOLLOWING_MONTH -> {
        if (count != 1) {
          throw dev.amends.core.InvalidInputException.of("deadline.count", "must be 1 for FOLLOWING_MONTH", count);
        }
      }
    }
  }

  /**
   * By the end of the Nth local day after the day of the incident.
   *
   * @param days 0 to {@value #MAX_DAYS}
   * @throws dev.amends.core.InvalidInputException naming {@code deadline.days} otherwise
   */
  public static ClaimDeadline daysAfterIncident(int days) {
    return new ClaimDeadline(Kind.DAYS_AFTER_INCIDENT, days);
  }

  /**
   * By the end of the Nth local day after the last day of the billing period.
   *
   * @param days 0 to {@value #MAX_DAYS}
   * @throws dev.amends.core.InvalidInputException naming {@code deadline.days} otherwise
   */
  public static ClaimDeadline daysAfterPeriodEnd(int days) {
    return new ClaimDeadline(Kind.DAYS_AFTER_PERIOD_END, days);
  }

  /**
   * By the end of the k-th billing period after the one in which the incident occurred
   * (k = 0: the end of the incident's own period).
   *
   * @param cycles 0 to {@value #MAX_CYCLES}
   * @throws dev.amends.core.InvalidInputException naming {@code deadline.cycles} otherwise
   */
  public static ClaimDeadline endOfBillingCycleAfterIncident(int cycles) {
    return new ClaimDeadline(Kind.CYCLES_AFTER_INCIDENT, cycles);
  }

  private static void atMost(String field, long n, int max) {
    if (n > max) {
      throw dev.amends.core.InvalidInputException.of(field, "must be at most " + max, n);
    }
  }

  /** By the end of the calendar month after the month in which the incident occurred. */
  public static ClaimDeadline endOfFollowingCalendarMonth() {
    return new ClaimDeadline(Kind.FOLLOWING_MONTH, 1);
  }

  /**
   * By the end of the Nth business day (Monday to Friday, no holidays) after the day of the
   * incident.
   *
   * @param days 1 to {@value #MAX_DAYS}
   * @throws dev.amends.core.InvalidInputException naming {@code deadline.days} otherwise
   */
  public static ClaimDeadline businessDaysAfterIncident(int days) {
    return new ClaimDeadline(Kind.BUSINESS_DAYS, days);
  }

  /**
   * The deadline for a context, empty when it depends on an incident and there was none.
   *
   * @param context the facts, not null
   * @return the first instant that is too late
   */
  public Optional<Instant> deadline(RuleContext context) {
    ZoneId zone = context.account().zone();
    BillingPeriod period = context.period();
    if (kind == Kind.DAYS_AFTER_PERIOD_END) {
      return Optional.of(period.endDate().plusDays(count).atStartOfDay(zone).toInstant());
    }
    Optional<Instant> incident = incident(context);
    if (incident.isEmpty()) {
      return Optional.empty();
    }
    // The last instant of the outage lies just before its end.
    Instant last = incident.get().minusNanos(1);
    LocalDate day = LocalDate.ofInstant(last, zone);
    LocalDate firstLateDay = switch (kind) {
      case DAYS_AFTER_INCIDENT -> day.plusDays(count + 1L);
      case FOLLOWING_MONTH -> YearMonth.from(day).plusMonths(2).atDay(1);
      case BUSINESS_DAYS -> businessDaysAfter(day, count).plusDays(1);
      case CYCLES_AFTER_INCIDENT -> {
        BillingSchedule billing = context.account().billing();
        yield billing.after(billing.periodContaining(last), count).endDate();
      }
      case DAYS_AFTER_PERIOD_END -> throw new AssertionError("handled above");
    };
    return Optional.of(firstLateDay.atStartOfDay(zone).toInstant());
  }

  /** The end of the incident; see {@link Incident}. */
  static Optional<Instant> incident(RuleContext context) {
    return Incident.of(context).map(Incident::end);
  }

  /**
   * The {@code count}-th Monday-to-Friday day after {@code day}, in constant time: whole weeks of
   * five business days, then the rest. A weekend day counts from the Friday before it, since
   * the next business day after a Saturday, a Sunday or that Friday is the same Monday.
   */
  static LocalDate businessDaysAfter(LocalDate day, int count) {
    DayOfWeek dow = day.getDayOfWeek();
    LocalDate from = dow == DayOfWeek.SATURDAY ? day.minusDays(1) : dow == DayOfWeek.SUNDAY ? day.minusDays(2) : day;
    int weekday = from.getDayOfWeek().getValue(); // Monday 1 .. Friday 5
    int rest = count % 5;
    LocalDate d = from.plusWeeks(count / 5);
    return d.plusDays(weekday + rest > 5 ? rest + 2 : rest);
  }

  /** Whether a claim covering the subscription was filed in time, with what was compared. */
  ConditionResult check(RuleContext context) {
    Optional<Instant> deadline = deadline(context);
    String expected = "filed before " + deadline.map(Instant::toString).orElse("(no incident)") + " (" + this + ")";
    if (context.claim().isEmpty()) {
      return new ConditionResult(false, "no claim filed", expected);
    }
    Instant filed = context.claim().get().filedAt();
    boolean met = deadline.isPresent() && filed.isBefore(deadline.get());
    return new ConditionResult(met, "claim " + context.claim().get().id() + " filed " + filed, expected);
  }

  /** A canonical description, such as {@code days-after-incident:30}. */
  public String canonical() {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + count;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case DAYS_AFTER_INCIDENT -> count + " days after the incident";
      case DAYS_AFTER_PERIOD_END -> count + " days after the end of the period";
      case CYCLES_AFTER_INCIDENT -> "end of billing cycle " + count + " after the incident";
      case FOLLOWING_MONTH -> "end of the calendar month after the incident";
      case BUSINESS_DAYS -> count + " business days after the incident";
    };
  }
}
