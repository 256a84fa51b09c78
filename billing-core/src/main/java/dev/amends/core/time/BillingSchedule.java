package dev.amends.core.time;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How an account's billing periods are laid out: the cycle, the zone, and either calendar
 * alignment or an anniversary day.
 *
 * <p>Calendar schedules start months on the 1st, quarters on 1 January, April, July and
 * October, and years on 1 January. Anniversary schedules start every period on the anchor's
 * day of month, clamped to the last day of shorter months and computed from the anchor each
 * time, so an anchor of 31 January gives 29 February 2024, 31 March 2024, 30 April 2024: the
 * clamp never drifts.
 *
 * <pre>{@code
 * BillingSchedule s = BillingSchedule.anniversary(BillingCycle.MONTHLY, LocalDate.of(2024, 1, 31), zone);
 * s.periodContaining(Instant.parse("2024-02-15T12:00:00Z")).label();  // 2024-01-31/2024-02-29
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BillingSchedule {
  private final BillingCycle cycle;
  private final ZoneId zone;
  private final LocalDate anchor; // null for calendar alignment
  /**
   * The period {@link #periodContaining(LocalDate)} found last, or null: a fleet's accounts share
   * a few schedules and ask each for the same period, which is then one object (equal in a
   * pointer comparison) instead of one per account. Immutable, so a thread that sees another's
   * write sees a whole period; a thread that does not computes an equal one.
   */
  private BillingPeriod lastPeriod;

  /**
   * The calendar schedules made so far, per zone and cycle ({@link BillingCycle#ordinal()}), so
   * that accounts in one zone share one schedule and its {@link #lastPeriod}. At most {@link
   * #SHARED_ZONES} zones; past that a schedule is made afresh (equal, not shared).
   */
  private static final ConcurrentHashMap<ZoneId, BillingSchedule[]> CALENDARS = new ConcurrentHashMap<>();
  private static final int SHARED_ZONES = 4096;

  private BillingSchedule(BillingCycle cycle, ZoneId zone, LocalDate anchor) {
    this.cycle = cycle;
    this.zone = zone;
    this.anchor = anchor;
  }

  /**
   * Calendar-aligned periods of a cycle in a zone. Equal arguments give the same schedule object
   * (for up to 4,096 zones), so the accounts of a zone share it and the periods it gives.
   *
   * @param cycle the cycle, not null
   * @param zone the account's zone, not null
   * @return the schedule, not null
   */
  public static BillingSchedule calendar(BillingCycle cycle, ZoneId zone) {
    Checks.notNull("schedule.cycle", cycle);
    Checks.notNull("schedule.zone", zone);
    BillingSchedule[] ofZone = CALENDARS.get(zone);
    if (ofZone == null) {
      if (CALENDARS.size() >= SHARED_ZONES) {
        return new BillingSchedule(cycle, zone, null);
      }
      BillingSchedule[] made = new BillingSchedule[BillingCycle.values().length];
      for (BillingCycle c : BillingCycle.values()) {
        made[c.ordinal()] = new BillingSchedule(c, zone, null);
      }
      ofZone = CALENDARS.computeIfAbsent(zone, z -> made);
    }
    return ofZone[cycle.ordinal()];
  }

  /** Calendar months in a zone: the most common schedule. */
  public static BillingSchedule monthly(ZoneId zone) {
    return calendar(BillingCycle.MONTHLY, zone);
  }

  /**
   * Periods that start on the anchor's day of month (clamped in short months).
   *
   * @param cycle the cycle, not null
   * @param anchor the first day of some period, usually the subscription's start, not null
   * @param zone the account's zone, not null
   * @return the schedule, not null
   */
  public static BillingSchedule anniversary(BillingCycle cycle, LocalDate anchor, ZoneId zone) {
    return new BillingSchedule(
        Checks.notNull("schedule.cycle", cycle),
        Checks.notNull("schedule.zone", zone),
        Checks.notNull("schedule.anchor", anchor));
  }

  /** The cycle. */
  public BillingCycle cycle() {
    return cycle;
  }

  /** The zone periods are computed in. */
  public ZoneId zone() {
    return zone;
  }

  /** The anniversary anchor, empty for calendar alignment. */
  public Optional<LocalDate> anchor() {
    return Optional.ofNullable(anchor);
  }

  /**
   * The period that contains a local date.
   *
   * @param date the date, not null
   * @return the period, not null
   */
  public BillingPeriod periodContaining(LocalDate date) {
    Checks.notNull("date", date);
    BillingPeriod last = lastPeriod;
    if (last != null && !date.isBefore(last.startDate()) && date.isBefore(last.endDate())) {
      return last; // periods do not overlap: the one that holds the date is this one
    }
    BillingPeriod p = computePeriodContaining(date);
    lastPeriod = p;
    return p;
  }

  private BillingPeriod computePeriodContaining(LocalDate date) {
    LocalDate base = anchor != null ? anchor : LocalDate.of(2000, 1, 1);
    long n = cycle.months();
    long k = Math.floorDiv(ChronoUnit.MONTHS.between(base.withDayOfMonth(1), date.withDayOfMonth(1)), n);
    // Step back or forward until [start(k), start(k+1)) holds the date; clamping can shift a boundary.
    while (startOf(base, k).isAfter(date)) {
      k--;
    }
    while (!startOf(base, k + 1).isAfter(date)) {
      k++;
    }
    return BillingPeriod.of(startOf(base, k), startOf(base, k + 1), zone, cycle.months());
  }

  /**
   * The period that contains an instant.
   *
   * @param instant the instant, not null
   * @return the period, not null
   */
  public BillingPeriod periodContaining(Instant instant) {
    Checks.notNull("instant", instant);
    BillingPeriod p = periodContaining(LocalDate.ofInstant(instant, zone));
    // A local date can start later than midnight (a gap at 00:00); step to the true owner.
    if (instant.isBefore(p.start())) {
      return periodContaining(p.startDate().minusDays(1));
    }
    // A clock that falls back across midnight repeats local times: step to the true owner.
    if (!instant.isBefore(p.end())) {
      return next(p);
    }
    return p;
  }

  /**
   * The period of this schedule that starts in a calendar month: "the December 2007 bill".
   *
   * <pre>{@code
   * BillingSchedule.monthly(zone).periodStartingIn(YearMonth.of(2007, 12));        // 2007-12
   * BillingSchedule.anniversary(MONTHLY, LocalDate.of(2024, 1, 31), zone)
   *     .periodStartingIn(YearMonth.of(2024, 2));                                   // 2024-02-29/2024-03-31
   * BillingSchedule.calendar(QUARTERLY, zone).periodStartingIn(YearMonth.of(2024, 4)); // 2024-04-01/2024-07-01
   * }</pre>
   *
   * @param month the month in which the period starts, not null
   * @return the period, not null
   * @throws InvalidInputException naming {@code period.month} if no period of this schedule
   *     starts in that month (February under a calendar-quarter schedule, say)
   */
  public BillingPeriod periodStartingIn(YearMonth month) {
    Checks.notNull("period.month", month);
    BillingPeriod p = periodContaining(month.atEndOfMonth());
    if (!YearMonth.from(p.startDate()).equals(month)) {
      throw InvalidInputException.of("period.month",
          "must be a month in which a period of the " + this + " schedule starts (the period holding it starts "
              + p.startDate() + ")", month);
    }
    return p;
  }

  /**
   * True if the period is one of this schedule's: same zone, same start and end dates, same
   * number of months.
   *
   * @param period the period, not null
   * @return whether it belongs to this schedule
   */
  public boolean isPeriodOf(BillingPeriod period) {
    Checks.notNull("period", period);
    return period.zone().equals(zone) && periodContaining(period.startDate()).equals(period);
  }

  /**
   * The period after the given one.
   *
   * @param period a period of this schedule, not null
   * @return the next period, not null
   */
  public BillingPeriod next(BillingPeriod period) {
    return periodContaining(period.endDate());
  }

  /**
   * The period {@code n} periods after the given one, in constant time: {@code after(p, 0)} is
   * {@code p}, {@code after(p, 1)} is {@link #next(BillingPeriod)}. Anniversary periods are
   * computed from the anchor, so a clamped start (29 February for an anchor on the 31st) never
   * drifts.
   *
   * @param period a period of this schedule, not null
   * @param n how many periods on, 0 to 100 000
   * @return the period, not null
   * @throws dev.amends.core.InvalidInputException naming {@code periods} if n is out of range
   */
  public BillingPeriod after(BillingPeriod period, long n) {
    Checks.notNull("period", period);
    Checks.notNegative("periods", n);
    if (n > 100_000) {
      throw dev.amends.core.InvalidInputException.of("periods", "must be at most 100000", n);
    }
    if (n == 0) {
      return period;
    }
    // Shifting the start by n cycles lands on the target's start, or up to 3 days before it when
    // the start was clamped to a short month's end (the 28th at the least); 3 days on is inside the
    // target, which is at least 28 days long.
    return periodContaining(period.startDate().plusMonths(n * cycle.months()).plusDays(3));
  }

  /**
   * Every period that overlaps the half-open window {@code [from, to)}, in order.
   *
   * @param from the first instant, not null
   * @param to the first instant after, not null
   * @return the periods, possibly empty, not null
   */
  public List<BillingPeriod> periodsBetween(Instant from, Instant to) {
    Checks.window("window", from, to);
    List<BillingPeriod> out = new ArrayList<>();
    if (!from.isBefore(to)) {
      return out;
    }
    BillingPeriod p = periodContaining(from);
    while (p.start().isBefore(to)) {
      out.add(p);
      p = next(p);
    }
    return out;
  }

  private LocalDate startOf(LocalDate base, long k) {
    return base.plusMonths(k * cycle.months());
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof BillingSchedule s
        && cycle == s.cycle
        && zone.equals(s.zone)
        && Objects.equals(anchor, s.anchor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cycle, zone, anchor);
  }

  @Override
  public String toString() {
    return (anchor == null ? "calendar " : "anniversary " + anchor + " ") + cycle + " " + zone;
  }
}
