package dev.amends.cli.report;

import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.scope.Scope;
import dev.amends.rules.CreditLine;
import dev.amends.rules.LiabilitySummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What the HTML incident report shows, worked out before the template ({@code report.jte}) draws
 * it: texts, and the geometry of the timeline and the bar charts in SVG units, so that the
 * template only places what it is given. Positions are exact decimals (one place), never binary
 * fractions. Everything here is plain data; the template escapes every text. This package is the
 * command's own (not exported): public only for {@code dev.amends.cli} and the generated template.
 *
 * @param title the page's title
 * @param period the month, such as {@code 2007-12}
 * @param stats the counts, in order
 * @param totals the totals per currency, such as {@code USD 11.50}
 * @param flags the flags raised, with how many decisions raised each
 * @param timeline the outages against the maintenance windows
 * @param zoomed the incident days, zoomed: one timeline per run of consecutive days (UTC) with an
 *     outage, at most {@value #MAX_ZOOMS}, each at most {@value #MAX_ZOOM_DAYS} days long
 * @param zoomNote what was not zoomed, empty if nothing
 * @param charts liability by plan, scope and rule, one chart per currency
 * @param largest the largest credits
 * @param explanations the explanations of the accounts of the largest credits, in their order
 */
public record ReportView(
    String title, String period, List<Stat> stats, List<String> totals, List<Stat> flags, Timeline timeline,
    List<Zoom> zoomed, String zoomNote, List<Chart> charts, List<Largest> largest, List<Explanation> explanations) {

  /** Width of every SVG's view box. */
  static final int WIDTH = 1000;
  /** The timeline's left margin, for the scopes' names. */
  static final int GUTTER = 180;
  /** The timeline's axis length. */
  static final int AXIS = 800;
  /** A lane of the timeline. */
  static final int LANE = 30;
  /** Room above the first lane for the days. */
  static final int TOP = 24;
  /** Where a chart's bars start. */
  static final int BAR_X = 330;
  /** A chart's longest bar. */
  static final int BAR_MAX = 520;
  /** A chart's row. */
  static final int ROW = 26;
  /** The most zoomed views of incident days. */
  static final int MAX_ZOOMS = 6;
  /** The longest run of incident days zoomed; a longer one is seen well enough on the whole axis. */
  static final int MAX_ZOOM_DAYS = 7;
  /** The narrowest mark drawn, so that a short outage is still seen. */
  static final BigDecimal MIN_WIDTH = new BigDecimal("2.0");

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  /** A label and a value. */
  public record Stat(String label, String value) {}

  /**
   * The timeline: one lane per scope, the month's days along the axis (UTC).
   *
   * @param height the SVG's height
   * @param ticks the days marked
   * @param lanes one per scope hit, sorted
   * @param outages every outage shown, as table rows, by start
   */
  public record Timeline(int height, List<Tick> ticks, List<Lane> lanes, List<OutageRow> outages) {}

  /** A zoomed view of incident days: its title (the days, UTC) and its timeline, hours along the axis. */
  public record Zoom(String title, Timeline timeline) {}

  /** A day on the axis; {@code label} empty for an unlabelled tick. */
  public record Tick(String x, String label) {}

  /** A scope's lane: its name's baseline {@code textY}, and its marks. */
  public record Lane(String scope, int y, int textY, List<Mark> marks) {}

  /**
   * One mark on a lane: an announced maintenance window ({@code window}), or part of an outage
   * ({@code unplanned}, {@code emergency}, {@code maintenance} inside its announced window, or
   * {@code overrun} outside it).
   */
  public record Mark(String kind, String outageId, String x, int y, String width, int height, String title) {}

  /**
   * An outage as a table row; {@code impact} is its level, with the share of users affected for a
   * partial-impact outage ({@code FULL, 1/3 of users (33.33 %)}, the percentage truncated).
   */
  public record OutageRow(String id, String scopes, String kind, String impact, String start, String end, String down,
      String announced, String overrun, boolean overran) {}

  /** One bar chart: a breakdown in one currency. */
  public record Chart(String title, String currency, int height, List<Bar> bars) {}

  /** A bar: its label, amount, length (relative to the chart's largest) and where its texts go. */
  public record Bar(String label, String amount, String width, int y, int textY, String amountX) {}

  /** One of the largest credits. */
  public record Largest(String accountId, String subscriptionId, String rule, String kind, String amount, String reason) {}

  /** An account's explanation, as {@code CreditDecision.explain()} writes it. */
  public record Explanation(String accountId, String text) {}

  /**
   * The view of a run.
   *
   * @param period the month decided
   * @param policy the policy's name, for the title
   * @param outages every outage read; those that touch the month (UTC) are drawn
   * @param summary the run's liability
   * @param counts the run's counts, in order (accounts read, rejected...)
   * @param explanations the explanation of each account of the largest credits, by account id
   */
  public static ReportView of(YearMonth period, String policy, List<Outage> outages, LiabilitySummary summary,
      Map<String, String> counts, Map<String, String> explanations) {
    return of(period, period, policy, outages, summary, counts, explanations);
  }

  /**
   * The view of a run over several months.
   *
   * @param first the first month decided
   * @param last the last month decided, not before the first
   * @param policy the policy's name, for the title
   * @param outages every outage read; those that touch the months (UTC) are drawn
   * @param summary the run's liability
   * @param counts the run's counts, in order (accounts read, rejected...)
   * @param explanations the explanation of each account of the largest credits, by account id
   */
  public static ReportView of(YearMonth first, YearMonth last, String policy, List<Outage> outages,
      LiabilitySummary summary, Map<String, String> counts, Map<String, String> explanations) {
    String period = first.equals(last) ? first.toString() : first + ".." + last;
    List<Stat> stats = new ArrayList<>();
    counts.forEach((k, v) -> stats.add(new Stat(k, v)));
    stats.add(new Stat("decided", Long.toString(summary.decided())));
    stats.add(new Stat("accounts credited", Long.toString(summary.accountsCredited())));
    stats.add(new Stat("credit lines", Long.toString(summary.creditLines())));
    List<Stat> flags = new ArrayList<>();
    summary.flags().forEach((f, n) -> flags.add(new Stat(f.name(), Long.toString(n))));
    List<Chart> charts = new ArrayList<>();
    charts.addAll(charts("Liability by plan", summary.byPlan()));
    charts.addAll(charts("Liability by scope", summary.byScope()));
    charts.addAll(charts("Liability by rule", summary.byRule()));
    List<Largest> largest = summary.largest().stream()
        .map(l -> new Largest(l.accountId(), l.subscriptionId(), l.policyId() + " v" + l.policyVersion() + " "
            + l.rulePath(), l.kind().name(), amount(l.amount()), l.reason()))
        .toList();
    List<Explanation> explained = new ArrayList<>();
    new LinkedHashMap<String, String>(explanations).forEach((id, text) -> explained.add(new Explanation(id, text)));
    Timeline whole = timeline(first, last, outages);
    List<List<LocalDate>> runs = incidentDays(first, last, outages);
    List<Zoom> zoomed = new ArrayList<>();
    int tooLong = 0;
    for (List<LocalDate> run : runs) {
      if (run.size() > MAX_ZOOM_DAYS) {
        tooLong++;
      } else if (zoomed.size() < MAX_ZOOMS) {
        zoomed.add(zoom(run, outages));
      }
    }
    int notShown = runs.size() - tooLong - zoomed.size();
    String note = (tooLong == 0 ? "" : tooLong + " run(s) of more than " + MAX_ZOOM_DAYS
        + " incident days in a row are seen on the whole axis only. ")
        + (notShown == 0 ? "" : notShown + " more run(s) of incident days are not zoomed (the first " + MAX_ZOOMS
            + " are).");
    return new ReportView("Incident report " + period + " (" + policy + ")", period, stats,
        summary.totals().stream().map(ReportView::amount).toList(), flags, whole, List.copyOf(zoomed), note.strip(),
        charts, largest, explained);
  }

  /** Money as the report writes it: {@code USD 11.50}. */
  public static String amount(Money m) {
    return m.getCurrencyUnit().getCode() + " " + m.getAmount().toPlainString();
  }

  /** One chart per currency of a breakdown, each bar's length relative to the largest in the chart. */
  public static List<Chart> charts(String title, List<LiabilitySummary.Subtotal> rows) {
    Map<CurrencyUnit, List<LiabilitySummary.Subtotal>> byCurrency = new TreeMap<>();
    rows.forEach(r -> byCurrency.computeIfAbsent(r.amount().getCurrencyUnit(), k -> new ArrayList<>()).add(r));
    List<Chart> out = new ArrayList<>();
    byCurrency.forEach((currency, subtotals) -> {
      BigDecimal max = subtotals.stream().map(s -> s.amount().getAmount()).max(Comparator.naturalOrder())
          .orElse(BigDecimal.ZERO);
      List<Bar> bars = new ArrayList<>();
      int y = 4;
      for (LiabilitySummary.Subtotal s : subtotals) {
        BigDecimal width = max.signum() <= 0 || s.amount().isNegativeOrZero() ? new BigDecimal("0.0")
            : s.amount().getAmount().multiply(BigDecimal.valueOf(BAR_MAX)).divide(max, 1, RoundingMode.HALF_EVEN);
        bars.add(new Bar(s.label(), amount(s.amount()), width.toPlainString(), y, y + 14,
            width.add(BigDecimal.valueOf(BAR_X + 8)).toPlainString()));
        y += ROW;
      }
      out.add(new Chart(title + " (" + currency.getCode() + ")", currency.getCode(), y + 4, bars));
    });
    return out;
  }

  /** The month in UTC, its days marked, one lane per scope hit by an outage that touches it. */
  public static Timeline timeline(YearMonth period, List<Outage> outages) {
    return timeline(period, period, outages);
  }

  /**
   * The months in UTC, their days marked (the 1st, 8th, 15th, 22nd and 29th labelled; the 1st as
   * the month when there are several), one lane per scope hit by an outage that touches them.
   */
  public static Timeline timeline(YearMonth first, YearMonth last, List<Outage> outages) {
    Instant from = first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = last.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Tick> ticks = new ArrayList<>();
    for (LocalDate d = first.atDay(1); d.isBefore(last.plusMonths(1).atDay(1)); d = d.plusDays(1)) {
      boolean labelled = d.getDayOfMonth() % 7 == 1;
      String label = !labelled ? "" : d.getDayOfMonth() == 1 && !first.equals(last) ? YearMonth.from(d).toString()
          : Integer.toString(d.getDayOfMonth());
      ticks.add(new Tick(x(d.atStartOfDay(ZoneOffset.UTC).toInstant(), from, to).toPlainString(), label));
    }
    return axis(from, to, ticks, outages);
  }

  /**
   * The days (UTC) from the first to the last month on which an outage is down, in runs of
   * consecutive days, in order.
   */
  static List<List<LocalDate>> incidentDays(YearMonth first, YearMonth last, List<Outage> outages) {
    LocalDate firstDay = first.atDay(1);
    LocalDate lastDay = last.atEndOfMonth();
    TreeSet<LocalDate> days = new TreeSet<>();
    for (Outage o : outages) {
      LocalDate a = LocalDate.ofInstant(o.window().getStart(), ZoneOffset.UTC);
      LocalDate b = LocalDate.ofInstant(o.window().getEnd().minusNanos(1), ZoneOffset.UTC);
      a = a.isBefore(firstDay) ? firstDay : a;
      b = b.isAfter(lastDay) ? lastDay : b;
      for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
        days.add(d);
      }
    }
    List<List<LocalDate>> runs = new ArrayList<>();
    for (LocalDate d : days) {
      List<LocalDate> run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (run != null && run.get(run.size() - 1).plusDays(1).equals(d)) {
        run.add(d);
      } else {
        runs.add(new ArrayList<>(List.of(d)));
      }
    }
    return runs;
  }

  /**
   * A run of incident days, zoomed: the hours marked (labelled every 3 hours for one day, every 6
   * for up to three, every 12 beyond; midnight as the date).
   */
  static Zoom zoom(List<LocalDate> days, List<Outage> outages) {
    LocalDate firstDay = days.get(0);
    LocalDate end = days.get(days.size() - 1).plusDays(1);
    Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = end.atStartOfDay(ZoneOffset.UTC).toInstant();
    int every = days.size() == 1 ? 3 : days.size() <= 3 ? 6 : 12;
    List<Tick> ticks = new ArrayList<>();
    for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofHours(1))) {
      int hour = t.atOffset(ZoneOffset.UTC).getHour();
      String label = hour % every != 0 ? "" : hour == 0 ? DAY.format(t) : HOUR.format(t);
      ticks.add(new Tick(x(t, from, to).toPlainString(), label));
    }
    String title = days.size() == 1 ? firstDay + " (UTC)" : firstDay + " – " + days.get(days.size() - 1) + " (UTC)";
    return new Zoom(title, axis(from, to, ticks, outages));
  }

  /** One lane per scope hit by an outage that touches [from, to), its marks scaled to the axis. */
  private static Timeline axis(Instant from, Instant to, List<Tick> ticks, List<Outage> outages) {
    List<Outage> shown = outages.stream()
        .filter(o -> o.window().getStart().isBefore(to) && o.window().getEnd().isAfter(from))
        .sorted(Comparator.comparing((Outage o) -> o.window().getStart()).thenComparing(Outage::id))
        .toList();
    TreeSet<String> scopes = new TreeSet<>();
    shown.forEach(o -> o.scopes().forEach(s -> scopes.add(s.toString())));
    List<Lane> lanes = new ArrayList<>();
    int y = TOP;
    for (String scope : scopes) {
      List<Mark> marks = new ArrayList<>();
      for (Outage o : shown) {
        if (o.scopes().contains(Scope.of(scope))) {
          marks.addAll(marks(o, y, from, to));
        }
      }
      lanes.add(new Lane(scope, y, y + LANE / 2 + 4, marks));
      y += LANE;
    }
    return new Timeline(y + 6, ticks, lanes, shown.stream().map(ReportView::row).toList());
  }

  /** The window announced (if any), then the outage in its parts: inside the window and overrun. */
  private static List<Mark> marks(Outage o, int laneY, Instant from, Instant to) {
    List<Mark> marks = new ArrayList<>();
    Instant start = o.window().getStart();
    Instant end = o.window().getEnd();
    String what = o.id() + " " + o.kind() + " " + WHEN.format(start) + " – " + WHEN.format(end);
    if (o.kind() == OutageKind.MAINTENANCE && o.announcement().isPresent()) {
      Announcement a = o.announcement().get();
      Instant ws = a.promisedWindow().getStart();
      Instant we = a.promisedWindow().getEnd();
      marks.add(mark("window", o.id(), ws, we, laneY + 3, LANE - 6, from, to,
          o.id() + " announced window " + WHEN.format(ws) + " – " + WHEN.format(we)));
      if (start.isBefore(ws)) {
        marks.add(mark("overrun", o.id(), start, min(end, ws), laneY + 8, LANE - 16, from, to, what + " (before window)"));
      }
      if (end.isAfter(ws) && start.isBefore(we)) {
        marks.add(mark("maintenance", o.id(), max(start, ws), min(end, we), laneY + 8, LANE - 16, from, to,
            what + " (inside window)"));
      }
      if (end.isAfter(we)) {
        marks.add(mark("overrun", o.id(), max(start, we), end, laneY + 8, LANE - 16, from, to,
            what + " (overrun " + length(Duration.between(max(start, we), end)) + ")"));
      }
    } else {
      String kind = switch (o.kind()) {
        case UNPLANNED -> "unplanned";
        case EMERGENCY_MAINTENANCE -> "emergency";
        case MAINTENANCE -> "unannounced";
      };
      marks.add(mark(kind, o.id(), start, end, laneY + 8, LANE - 16, from, to, what));
    }
    return marks.stream().filter(m -> m != null).toList();
  }

  private static Mark mark(String kind, String id, Instant s, Instant e, int y, int h, Instant from, Instant to,
      String title) {
    Instant cs = max(s, from);
    Instant ce = min(e, to);
    if (!cs.isBefore(ce)) {
      return null;
    }
    BigDecimal x = x(cs, from, to);
    BigDecimal w = x(ce, from, to).subtract(x).max(MIN_WIDTH);
    return new Mark(kind, id, x.toPlainString(), y, w.toPlainString(), h, title);
  }

  /** The SVG abscissa of an instant on the axis, to one decimal place. */
  static BigDecimal x(Instant t, Instant from, Instant to) {
    BigDecimal part = BigDecimal.valueOf(Duration.between(from, t).toSeconds())
        .multiply(BigDecimal.valueOf(AXIS))
        .divide(BigDecimal.valueOf(Duration.between(from, to).toSeconds()), 1, RoundingMode.HALF_EVEN);
    return part.add(BigDecimal.valueOf(GUTTER));
  }

  private static OutageRow row(Outage o) {
    Instant start = o.window().getStart();
    Instant end = o.window().getEnd();
    String announced = "";
    String overrun = "";
    boolean overran = false;
    if (o.announcement().isPresent()) {
      Announcement a = o.announcement().get();
      announced = WHEN.format(a.promisedWindow().getStart()) + " – " + WHEN.format(a.promisedWindow().getEnd())
          + " (announced " + WHEN.format(a.announcedAt()) + ")";
      if (o.kind() == OutageKind.MAINTENANCE) {
        Duration before = start.isBefore(a.promisedWindow().getStart())
            ? Duration.between(start, min(end, a.promisedWindow().getStart())) : Duration.ZERO;
        Duration after = end.isAfter(a.promisedWindow().getEnd())
            ? Duration.between(max(start, a.promisedWindow().getEnd()), end) : Duration.ZERO;
        Duration over = before.plus(after);
        overran = !over.isZero();
        overrun = length(over);
      }
    }
    return new OutageRow(o.id(), String.join(", ", o.scopes().stream().map(Scope::toString).sorted().toList()),
        o.kind().name(), impact(o.impact()), WHEN.format(start), WHEN.format(end), length(Duration.between(start, end)), announced,
        overrun, overran);
  }

  /**
   * An impact as the outage table shows it: {@code FULL}, {@code DEGRADED}, or with the share of
   * users affected, {@code FULL, 1/3 of users (33.33 %)}: the exact share, then a percentage
   * truncated to two decimals (never rounded up).
   */
  public static String impact(Impact impact) {
    return impact.level().name() + impact.affectedShare()
        .map(s -> ", " + s + " of users (" + s.toPercent(2, RoundingMode.DOWN).stripTrailingZeros().toPlainString()
            + " %)")
        .orElse("");
  }

  /** A length as {@code 7 h}, {@code 30 min} or {@code 1 h 30 min}; {@code 0 min} for none. */
  public static String length(Duration d) {
    long h = d.toHours();
    long m = d.toMinutesPart();
    if (h == 0) {
      return m + " min";
    }
    return m == 0 ? h + " h" : h + " h " + m + " min";
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The distinct accounts of the largest credits, in their order. */
  public static List<String> accountsOfLargest(LiabilitySummary summary) {
    return summary.largest().stream().map(CreditLine::accountId).distinct().toList();
  }
}
