package dev.amends.core.time;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.threeten.extra.Interval;

/**
 * One billing period: the local dates {@code [startDate, endDate)} in the account's zone, and
 * the half-open window of instants they span.
 *
 * <p>The period is computed in calendar terms and then held as instants, so a month with a
 * daylight-saving change has its true length: March 2024 in {@code America/New_York} is 30 days
 * and 23 hours, 44,580 minutes. Each local date starts at its first valid instant in the zone.
 *
 * <pre>{@code
 * BillingPeriod dec = BillingPeriod.month(YearMonth.of(2007, 12), ZoneId.of("America/New_York"));
 * dec.window();   // 2007-12-01T05:00:00Z/2008-01-01T05:00:00Z
 * dec.days();     // 31
 * }</pre>
 *
 * <p>Immutable and thread-safe. Use {@link BillingSchedule} to find the period that contains an
 * instant under a calendar or anniversary schedule.
 */
public final class BillingPeriod implements Comparable<BillingPeriod> {
  private final LocalDate startDate;
  private final LocalDate endDate;
  private final ZoneId zone;
  private final int months;
  private final Interval window;
  /** The window's length, computed once: every measurement of the period may carry it. */
  private final Duration length;
  /** Computed once: periods are hash keys of every batch's shared fees and measurements. */
  private final int hash;

  private BillingPeriod(LocalDate startDate, LocalDate endDate, ZoneId zone, int months) {
    this.startDate = startDate;
    this.endDate = endDate;
    this.zone = zone;
    this.months = months;
    this.window =
        Interval.of(startDate.atStartOfDay(zone).toInstant(), endDate.atStartOfDay(zone).toInstant());
    this.length = window.toDuration();
    this.hash = Objects.hash(startDate, endDate, zone, months);
  }

  /**
   * A period between two local dates.
   *
   * @param startInclusive the first day of the period, not null
   * @param endExclusive the day after the last day, not null, after the start
   * @param zone the account's zone, not null
   * @param months the number of calendar months the period stands for (1 for a month, 3 for a
   *     quarter, 12 for a year); used to turn prices per cycle into a fee for the period
   * @return the period, not null
   * @throws InvalidInputException if the end is not after the start or months is not positive
   */
  public static BillingPeriod of(LocalDate startInclusive, LocalDate endExclusive, ZoneId zone, int months) {
    Checks.notNull("period.start", startInclusive);
    Checks.notNull("period.end", endExclusive);
    Checks.notNull("period.zone", zone);
    if (!endExclusive.isAfter(startInclusive)) {
      throw InvalidInputException.of(
          "period.end", "must be after start", "start=" + startInclusive + ", end=" + endExclusive);
    }
    Checks.positive("period.months", months);
    return new BillingPeriod(startInclusive, endExclusive, zone, months);
  }

  /**
   * The calendar month in a zone.
   *
   * @param month the month, not null
   * @param zone the account's zone, not null
   * @return the period, not null
   * @throws InvalidInputException naming {@code period.month} for the last supported month,
   *     {@code +999999999-12}, whose end is past the last supported date
   */
  public static BillingPeriod month(YearMonth month, ZoneId zone) {
    Checks.notNull("period.month", month);
    if (month.getYear() == Year.MAX_VALUE && month.getMonthValue() == 12) {
      throw InvalidInputException.of("period.month",
          "must end on a supported date (at most " + LocalDate.MAX + "), so be before +999999999-12", month);
    }
    return of(month.atDay(1), month.plusMonths(1).atDay(1), zone, 1);
  }

  /** The first local day of the period. */
  public LocalDate startDate() {
    return startDate;
  }

  /** The local day after the last day of the period. */
  public LocalDate endDate() {
    return endDate;
  }

  /** The zone the period was computed in. */
  public ZoneId zone() {
    return zone;
  }

  /** The number of calendar months the period stands for: 1, 3 or 12 for standard cycles. */
  public int months() {
    return months;
  }

  /** The half-open window of instants {@code [start, end)} the period covers. */
  public Interval window() {
    return window;
  }

  /** The first instant of the period. */
  public Instant start() {
    return window.getStart();
  }

  /** The first instant after the period. */
  public Instant end() {
    return window.getEnd();
  }

  /** The true length of the period, daylight-saving changes included. */
  public Duration length() {
    return length;
  }

  /** The number of local days in the period: 28 to 31 for a month. */
  public long days() {
    return ChronoUnit.DAYS.between(startDate, endDate);
  }

  /**
   * A stable label: {@code 2007-12} for a calendar month, else {@code 2024-01-31/2024-02-29}
   * (the first day and the day after the last).
   */
  public String label() {
    if (months == 1 && startDate.getDayOfMonth() == 1 && startDate.plusMonths(1).equals(endDate)) {
      return YearMonth.from(startDate).toString();
    }
    return startDate + "/" + endDate;
  }

  /** Orders periods by start, then end. */
  @Override
  public int compareTo(BillingPeriod other) {
    int c = window.getStart().compareTo(other.window.getStart());
    return c != 0 ? c : window.getEnd().compareTo(other.window.getEnd());
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof BillingPeriod p
        && hash == p.hash
        && startDate.equals(p.startDate)
        && endDate.equals(p.endDate)
        && zone.equals(p.zone)
        && months == p.months;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The label and zone, such as {@code 2007-12 America/New_York}. */
  @Override
  public String toString() {
    return label() + " " + zone;
  }
}
