package dev.amends.rules;

import dev.amends.core.internal.Checks;
import dev.amends.core.outage.Outage;
import dev.amends.core.time.BillingPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * When a claim must be filed, in the shapes real SLAs use. Days are local days in the account's
 * zone; a deadline "N days after" a day ends at the end of the Nth day, so a claim filed at any
 * time on that day is in time.
 *
 * <p>The incident is the end of the latest outage that contributed counted downtime in the
 * period. A claim is in time when it is filed strictly before the deadline instant.
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
 */
public final class ClaimDeadline {
  private enum Kind { DAYS_AFTER_INCIDENT, DAYS_AFTER_PERIOD_END, CYCLES_AFTER_INCIDENT, FOLLOWING_MONTH, BUSINESS_DAYS }

  private final Kind kind;
  private final int n;

  private ClaimDeadline(Kind kind, int n) {
    this.kind = kind;
    this.n = n;
  }

  /** By the end of the Nth local day after the day of the incident. */
  public static ClaimDeadline daysAfterIncident(int days) {
    return new ClaimDeadline(Kind.DAYS_AFTER_INCIDENT, (int) Checks.notNegative("deadline.days", days));
  }

  /** By the end of the Nth local day after the last day of the billing period. */
  public static ClaimDeadline daysAfterPeriodEnd(int days) {
    return new ClaimDeadline(Kind.DAYS_AFTER_PERIOD_END, (int) Checks.notNegative("deadline.days", days));
  }

  /**
   * By the end of the k-th billing period after the one in which the incident occurred
   * (k = 0: the end of the incident's own period).
   */
  public static ClaimDeadline endOfBillingCycleAfterIncident(int cycles) {
    return new ClaimDeadline(Kind.CYCLES_AFTER_INCIDENT, (int) Checks.notNegative("deadline.cycles", cycles));
  }

  /** By the end of the calendar month after the month in which the incident occurred. */
  public static ClaimDeadline endOfFollowingCalendarMonth() {
    return new ClaimDeadline(Kind.FOLLOWING_MONTH, 1);
  }

  /** By the end of the Nth business day (Monday to Friday) after the day of the incident. */
  public static ClaimDeadline businessDaysAfterIncident(int days) {
    return new ClaimDeadline(Kind.BUSINESS_DAYS, (int) Checks.positive("deadline.days", days));
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
      return Optional.of(period.endDate().plusDays(n).atStartOfDay(zone).toInstant());
    }
    Optional<Instant> incident = context.countedOutages().stream()
        .map(Outage::window)
        .map(w -> w.getEnd())
        .max(Instant::compareTo);
    if (incident.isEmpty()) {
      return Optional.empty();
    }
    // The last instant of the outage lies just before its end.
    Instant last = incident.get().minusNanos(1);
    LocalDate day = LocalDate.ofInstant(last, zone);
    LocalDate firstLateDay = switch (kind) {
      case DAYS_AFTER_INCIDENT -> day.plusDays(n + 1L);
      case FOLLOWING_MONTH -> YearMonth.from(day).plusMonths(2).atDay(1);
      case BUSINESS_DAYS -> businessDaysAfter(day, n).plusDays(1);
      case CYCLES_AFTER_INCIDENT -> {
        BillingPeriod p = context.account().billing().periodContaining(last);
        for (int i = 0; i < n; i++) {
          p = context.account().billing().next(p);
        }
        yield p.endDate();
      }
      case DAYS_AFTER_PERIOD_END -> throw new AssertionError("handled above");
    };
    return Optional.of(firstLateDay.atStartOfDay(zone).toInstant());
  }

  private static LocalDate businessDaysAfter(LocalDate day, int count) {
    LocalDate d = day;
    int left = count;
    while (left > 0) {
      d = d.plusDays(1);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return d;
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
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClaimDeadline d && kind == d.kind && n == d.n;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, n);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case DAYS_AFTER_INCIDENT -> n + " days after the incident";
      case DAYS_AFTER_PERIOD_END -> n + " days after the end of the period";
      case CYCLES_AFTER_INCIDENT -> "end of billing cycle " + n + " after the incident";
      case FOLLOWING_MONTH -> "end of the calendar month after the incident";
      case BUSINESS_DAYS -> n + " business days after the incident";
    };
  }
}
