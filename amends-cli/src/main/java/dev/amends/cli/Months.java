package dev.amends.cli;

import dev.amends.core.outage.Outage;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.threeten.extra.Interval;
import picocli.CommandLine;

/**
 * The months whose billing periods a run decides: {@code --period 2026-02} (one) or {@code
 * --period 2026-02..2026-03} (every month from the first to the last, both included), at most
 * {@value #MAX} of them; and, with {@code --periods-touched}, the months in which a billing period
 * that an outage overlaps may start.
 *
 * @param first the first month
 * @param last the last month, not before the first
 */
record Months(YearMonth first, YearMonth last) {
  /** The most months one run decides: ten years. */
  static final int MAX = 120;

  /** The months, in order. */
  List<YearMonth> list() {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  /** Whether the month is one of these. */
  boolean contains(YearMonth m) {
    return !m.isBefore(first) && !m.isAfter(last);
  }

  /** As given: {@code 2026-02} or {@code 2026-02..2026-03}. */
  @Override
  public String toString() {
    return first.equals(last) ? first.toString() : first + ".." + last;
  }

  /**
   * Reads {@code YYYY-MM} or {@code YYYY-MM..YYYY-MM}.
   *
   * @throws IllegalArgumentException naming the expected form, for anything else
   */
  static Months parse(String text) {
    int dots = text.indexOf("..");
    YearMonth first = month(dots < 0 ? text : text.substring(0, dots), text);
    YearMonth last = dots < 0 ? first : month(text.substring(dots + 2), text);
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("'" + text + "': the range ends (" + last + ") before it starts (" + first + ")");
    }
    if (first.plusMonths(MAX - 1).isBefore(last)) {
      throw new IllegalArgumentException("'" + text + "': at most " + MAX + " months in one run");
    }
    return new Months(first, last);
  }

  private static YearMonth month(String part, String text) {
    try {
      return YearMonth.parse(part.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "': expected a month YYYY-MM, such as 2026-02, or a range "
          + "YYYY-MM..YYYY-MM, such as 2026-02..2026-03");
    }
  }

  /** picocli's converter for {@code --period}. */
  static final class Converter implements CommandLine.ITypeConverter<Months> {
    @Override
    public Months convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * The outages' windows merged into disjoint windows, in order: what {@code --periods-touched}
   * asks a billing period to overlap.
   */
  static List<Interval> merged(List<Outage> outages) {
    List<Interval> sorted = outages.stream().map(Outage::window).filter(w -> !w.isEmpty())
        .sorted(Comparator.comparing(Interval::getStart)).toList();
    List<Interval> out = new ArrayList<>();
    for (Interval w : sorted) {
      Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && !w.getStart().isAfter(last.getEnd())) {
        if (w.getEnd().isAfter(last.getEnd())) {
          out.set(out.size() - 1, Interval.of(last.getStart(), w.getEnd()));
        }
      } else {
        out.add(w);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The months in which a billing period overlapping one of the windows may start, in order: from
   * twelve months before each window's first month (a year, or a period starting the month
   * before in a zone behind UTC) to its last month in UTC plus one (a zone ahead of UTC); only
   * those within {@code range} if one is given. Each account's own periods are then checked
   * against the windows.
   *
   * @param range the months given with {@code --period}, or null
   * @throws IllegalArgumentException if more than {@value #MAX} months would be decided
   */
  static List<YearMonth> candidates(List<Interval> merged, Months range) {
    TreeSet<YearMonth> months = new TreeSet<>();
    for (Interval w : merged) {
      YearMonth from = YearMonth.from(w.getStart().atOffset(ZoneOffset.UTC)).minusMonths(12);
      Instant lastInstant = w.getEnd().minusNanos(1);
      YearMonth to = YearMonth.from(lastInstant.atOffset(ZoneOffset.UTC)).plusMonths(1);
      if (range != null) {
        from = from.isBefore(range.first()) ? range.first() : from;
        to = to.isAfter(range.last()) ? range.last() : to;
      }
      for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        months.add(m);
        if (months.size() > MAX) {
          throw new IllegalArgumentException("the outages touch billing periods starting in more than " + MAX
              + " months (" + months.first() + " to " + m + " and on); give --period FIRST..LAST to choose");
        }
      }
    }
    return List.copyOf(months);
  }

  /** Whether a window overlaps one of the merged windows (half-open: touching ends do not overlap). */
  static boolean touches(List<Interval> merged, Interval window) {
    int lo = 0;
    int hi = merged.size() - 1;
    // the last merged window starting before the window ends
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (merged.get(mid).getStart().isBefore(window.getEnd())) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && merged.get(found).getEnd().isAfter(window.getStart());
  }
}
