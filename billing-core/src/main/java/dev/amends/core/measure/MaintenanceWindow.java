package dev.amends.core.measure;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.time.WindowSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.threeten.extra.Interval;

/**
 * A standing maintenance window from the contract, in local wall-clock time: "Sundays
 * 01:00–04:00 America/New_York". Unlike announced maintenance, it needs no notice: the contract
 * is the notice.
 *
 * <pre>{@code
 * MaintenanceWindow sundays = MaintenanceWindow.weekly(
 *     DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0), ZoneId.of("America/New_York"));
 * MaintenanceWindow nightly = MaintenanceWindow.daily(LocalTime.of(23, 0), LocalTime.of(1, 0), ZoneOffset.UTC);
 * MaintenanceWindow strict = sundays.excludingAllDowntime();   // any downtime inside is excluded
 * }</pre>
 *
 * <p><b>Real time.</b> Each occurrence is turned into instants by {@link ZonedDateTime}'s rules:
 * the start at the earlier offset when the local time occurs twice, the end at the later
 * offset, and a local time that does not exist (a daylight-saving gap) moves forward by the
 * length of the gap. So in America/New_York, "Sundays 01:00–04:00" is 2 real hours on
 * 10 March 2024 (02:00 is skipped: 06:00Z–08:00Z) and 4 real hours on 3 November 2024 (01:00–02:00
 * happens twice: 05:00Z–09:00Z). A window whose end is not after its start on the clock
 * ({@code 23:00–01:00}) runs past midnight into the next day; start equal to end is rejected.
 *
 * <p><b>What it excludes.</b> By default, outage time of kind {@link
 * dev.amends.core.outage.OutageKind#MAINTENANCE} inside an occurrence, as announced maintenance
 * would be; maintenance running past the occurrence counts from its end; unplanned outages and
 * emergency maintenance inside it count. {@link #excludingAllDowntime()} excludes any downtime
 * inside it, as some SLAs do for scheduled windows. Either way, the excluded time uses the
 * policy's maintenance budget like announced maintenance, and leaves the denominator under
 * {@link Denominator#ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MaintenanceWindow {
  /** The longest span {@link #occurrences(Interval)} expands, day by day. */
  static final Duration LONGEST_EXPANSION = Duration.ofDays(3_700);

  private final Set<DayOfWeek> days;
  private final LocalTime start;
  private final LocalTime end;
  private final ZoneId zone;
  private final boolean allDowntime;

  private MaintenanceWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone, boolean allDowntime) {
    this.days = days;
    this.start = start;
    this.end = end;
    this.zone = zone;
    this.allDowntime = allDowntime;
  }

  /**
   * A window every week on one day.
   *
   * @param day the day it starts on, not null
   * @param start the local start time, not null
   * @param end the local end time; at or before {@code start} means the next day, not equal to it, not null
   * @param zone the zone the times are in, not null
   * @return the window, not null
   * @throws InvalidInputException if an argument is null or start equals end
   */
  public static MaintenanceWindow weekly(DayOfWeek day, LocalTime start, LocalTime end, ZoneId zone) {
    Checks.notNull("maintenanceWindow.day", day);
    return of(EnumSet.of(day), start, end, zone);
  }

  /**
   * A window every day.
   *
   * @param start the local start time, not null
   * @param end the local end time; at or before {@code start} means the next day, not equal to it, not null
   * @param zone the zone the times are in, not null
   * @return the window, not null
   * @throws InvalidInputException if an argument is null or start equals end
   */
  public static MaintenanceWindow daily(LocalTime start, LocalTime end, ZoneId zone) {
    return of(EnumSet.allOf(DayOfWeek.class), start, end, zone);
  }

  private static MaintenanceWindow of(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {
    Checks.notNull("maintenanceWindow.start", start);
    Checks.notNull("maintenanceWindow.end", end);
    Checks.notNull("maintenanceWindow.zone", zone);
    if (start.equals(end)) {
      throw InvalidInputException.of("maintenanceWindow.end", "must differ from start", "start=" + start + ", end=" + end);
    }
    return new MaintenanceWindow(Set.copyOf(days), start, end, zone, false);
  }

  /** A copy that excludes all downtime inside it, whatever the outage's kind. */
  public MaintenanceWindow excludingAllDowntime() {
    return new MaintenanceWindow(days, start, end, zone, true);
  }

  /** True if all downtime inside is excluded; false if only maintenance is (the default). */
  public boolean excludesAllDowntime() {
    return allDowntime;
  }

  /** The days an occurrence starts on. */
  public Set<DayOfWeek> days() {
    return days;
  }

  /** The local start time. */
  public LocalTime start() {
    return start;
  }

  /** The local end time; at or before {@link #start()} means the next day. */
  public LocalTime end() {
    return end;
  }

  /** The zone of the local times. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The occurrences that overlap a span of time, as real instants (see the class comment for
   * daylight-saving days), whole: not clipped to the span.
   *
   * @param within the span, at most about ten years long, not null
   * @return the occurrences, not null
   * @throws InvalidInputException if the span is null or too long to expand
   */
  public WindowSet occurrences(Interval within) {
    Checks.notNull("within", within);
    if (within.isEmpty()) {
      return WindowSet.empty();
    }
    if (within.toDuration().compareTo(LONGEST_EXPANSION) > 0) {
      throw InvalidInputException.of("within", "is longer than " + LONGEST_EXPANSION.toDays() + " days", within);
    }
    LocalDate first;
    LocalDate last;
    try {
      first = LocalDate.ofInstant(within.getStart(), zone).minusDays(1);
      last = LocalDate.ofInstant(within.getEnd(), zone).plusDays(1);
    } catch (java.time.DateTimeException e) {
      throw InvalidInputException.of("within", "lies beyond the dates a calendar can hold", within);
    }
    List<Interval> out = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (!days.contains(d.getDayOfWeek())) {
        continue;
      }
      Instant s = ZonedDateTime.of(d, start, zone).toInstant();
      LocalDate endDate = end.isAfter(start) ? d : d.plusDays(1);
      Instant e = ZonedDateTime.of(endDate, end, zone).withLaterOffsetAtOverlap().toInstant();
      if (e.isAfter(s) && e.isAfter(within.getStart()) && s.isBefore(within.getEnd())) {
        out.add(Interval.of(s, e));
      }
    }
    return WindowSet.of(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MaintenanceWindow w && days.equals(w.days) && start.equals(w.start) && end.equals(w.end)
        && zone.equals(w.zone) && allDowntime == w.allDowntime;
  }

  @Override
  public int hashCode() {
    return Objects.hash(days, start, end, zone, allDowntime);
  }

  /**
   * Such as {@code Sundays 01:00–04:00 America/New_York} or {@code daily 23:00–01:00 Z (all
   * downtime excluded)}.
   */
  @Override
  public String toString() {
    String when;
    if (days.size() == 7) {
      when = "daily";
    } else {
      List<String> names = new ArrayList<>();
      for (DayOfWeek d : EnumSet.copyOf(days)) {
        String n = d.name().toLowerCase(Locale.ROOT);
        names.add(Character.toUpperCase(n.charAt(0)) + n.substring(1) + "s");
      }
      when = String.join(", ", names);
    }
    return when + " " + start + "–" + end + " " + zone + (allDowntime ? " (all downtime excluded)" : "");
  }
}
