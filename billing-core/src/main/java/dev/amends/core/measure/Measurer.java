package dev.amends.core.measure;

import dev.amends.core.account.Subscription;
import dev.amends.core.internal.Checks;
import dev.amends.core.internal.Intervals;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.WindowSet;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.threeten.extra.Interval;

/**
 * Measures downtime under a set of {@link MeasurementRules}.
 *
 * <p>For one subscription and one billing period, {@link #measure(Subscription, BillingPeriod,
 * OutageLog)} does, in order:
 * <ol>
 *   <li>takes the outages on the subscription's placements or their ancestors that overlap the
 *       period, and clips each to the part of the period the subscription was active;
 *   <li>excludes, per outage and with a reason: an excluded cause; degraded service (unless it
 *       counts); a share of users below the threshold; time before the customer's report (when
 *       counting from the report); and announced maintenance inside its announced window, if it
 *       was announced with enough notice; the overrun past the window counts;
 *   <li>applies the maintenance budget: excluded maintenance is taken in time order, and what
 *       lies beyond the budget counts again;
 *   <li>merges what is left: overlapping outages count once;
 *   <li>drops stretches of continuous downtime shorter than the minimum, judging a stretch that
 *       runs across the period's start or end by its whole length;
 *   <li>applies the granularity: slices aligned to the period's start, started or completed;
 *   <li>weights by the share of users affected, if the rules say so;
 *   <li>divides by the denominator for an exact availability.
 * </ol>
 *
 * <p>Immutable and thread-safe: one measurer serves any number of threads.
 */
public final class Measurer {
  private final MeasurementRules rules;

  private Measurer(MeasurementRules rules) {
    this.rules = rules;
  }

  /**
   * A measurer for a set of rules.
   *
   * @param rules the rules, not null
   * @return the measurer, not null
   */
  public static Measurer of(MeasurementRules rules) {
    return new Measurer(Checks.notNull("rules", rules));
  }

  /** The rules applied. */
  public MeasurementRules rules() {
    return rules;
  }

  /**
   * Measures a subscription's downtime in a period from outage records.
   *
   * @param subscription the subscription, for its placements and active window, not null
   * @param period the billing period, not null
   * @param log the outage records, not null
   * @return the measurement, not null
   */
  public Measurement measure(Subscription subscription, BillingPeriod period, OutageLog log) {
    Checks.notNull("subscription", subscription);
    Checks.notNull("period", period);
    Checks.notNull("log", log);
    Optional<Interval> measured = Intervals.overlap(period.window(), subscription.active());
    Measurement.Builder out = Measurement.builder()
        .subscriptionId(subscription.id())
        .period(period)
        .measuredWindow(measured);
    if (measured.isEmpty()) {
      return inactive(out, period);
    }
    WindowSet measuredSet = WindowSet.of(measured.get());
    // One look-up serves both the period and, when a minimum downtime applies, the stretch of
    // active time just beyond its edges that decides whether an edge stretch is long enough.
    Interval lookup = edgeWindow(subscription, period).map(w -> span(w, measured.get())).orElse(measured.get());
    List<Outage> nearby = log.affecting(subscription.placements(), lookup);
    List<Exclusion> exclusions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    // The outages touching the measured window, in the log's order (start, then id), and what
    // of each can count: index i of one list belongs to index i of the other.
    List<Outage> touching = new ArrayList<>();
    List<WindowSet> counted = new ArrayList<>();
    List<MaintenancePart> maintenance = new ArrayList<>();

    for (Outage o : nearby) {
      if (Intervals.overlap(o.window(), measured.get()).isEmpty()) {
        continue;
      }
      out.addOutageIds(o.id());
      int index = touching.size();
      touching.add(o);
      WindowSet w = countable(o, index, WindowSet.of(o.window()).intersection(measuredSet), exclusions, maintenance,
          notes);
      counted.add(w == null ? WindowSet.empty() : w);
    }
    applyBudget(maintenance, counted, notes);
    for (MaintenancePart m : maintenance) {
      if (!m.excluded.isEmpty()) {
        exclusions.add(exclusion(m.excluded, ExclusionReason.ANNOUNCED_MAINTENANCE, m.outage, m.detail));
      }
    }

    WindowSet all = unionOf(counted);
    WindowSet around = countedAround(subscription, period, measuredSet, nearby);
    List<String> ids = new ArrayList<>(touching.size());
    for (Outage o : touching) {
      ids.add(o.id());
    }
    WindowSet finalSet = shape(all, around, ids, counted, period, measuredSet, exclusions);

    // What each outage still covers after the minimum and the granularity: a blip dropped as too
    // short, or the ragged ends of an incomplete slice, are no longer part of any contribution.
    List<WindowSet> kept = new ArrayList<>(counted.size());
    for (WindowSet w : counted) {
      kept.add(w.intersection(finalSet));
    }

    Duration downtime = rules.partialImpact().isWeighted()
        ? weighted(touching, kept)
        : finalSet.totalLength();
    List<WindowSet> excludedParts = new ArrayList<>();
    for (MaintenancePart m : maintenance) {
      excludedParts.add(m.excluded);
    }
    WindowSet excludedMaintenance = unionOf(excludedParts);
    Duration denominator = denominator(period, measured.get(), excludedMaintenance.minus(finalSet));

    out.counted(finalSet)
        .downtime(downtime)
        .denominator(denominator)
        .availability(availability(denominator, downtime))
        .exclusions(exclusions)
        .contributions(attribute(finalSet, touching, kept))
        .notes(notes);
    return out.build();
  }

  /**
   * Measures a subscription's downtime in a period from telemetry.
   *
   * <p>Each placement is judged by the samples of its nearest measured scope; samples are
   * clipped to the active part of the period. Announced maintenance in {@code maintenance} is
   * excluded as for outages (same notice and budget). Under {@link
   * TelemetryRules.Method#BAD_TIMESLICES} bad intervals become counted windows and then the
   * minimum length and granularity apply; under {@link TelemetryRules.Method#AVERAGED_RATIOS}
   * availability is one minus the average error rate of the intervals outside excluded
   * maintenance, each interval weighted by its length inside the measured window (a 10-minute
   * interval counts ten times a 1-minute one), and the downtime is that share of the
   * denominator, rounded half-up to the nanosecond. Intervals judged {@link TelemetryRules.EmptyInterval#IGNORED} are removed from
   * the denominator, once: an ignored interval inside excluded maintenance that the denominator
   * already leaves out ({@link Denominator#ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE}) is not
   * subtracted a second time.
   *
   * @param subscription the subscription, not null
   * @param period the billing period, not null
   * @param telemetry the samples, not null
   * @param maintenance outage records whose announced maintenance may be excluded, not null
   * @return the measurement, not null
   */
  public Measurement measureTelemetry(
      Subscription subscription, BillingPeriod period, TelemetryLog telemetry, OutageLog maintenance) {
    Checks.notNull("subscription", subscription);
    Checks.notNull("period", period);
    Checks.notNull("telemetry", telemetry);
    Checks.notNull("maintenance", maintenance);
    TelemetryRules t = rules.telemetry();
    Optional<Interval> measured = Intervals.overlap(period.window(), subscription.active());
    Measurement.Builder out = Measurement.builder()
        .subscriptionId(subscription.id())
        .period(period)
        .measuredWindow(measured)
        .source(Measurement.Source.TELEMETRY);
    if (measured.isEmpty()) {
      return inactive(out, period);
    }
    WindowSet measuredSet = WindowSet.of(measured.get());
    List<String> notes = new ArrayList<>();
    List<Exclusion> exclusions = new ArrayList<>();
    List<MaintenancePart> parts = new ArrayList<>();
    if (rules.maintenanceNotice().isPresent()) {
      for (Outage o : maintenance.affecting(subscription.placements(), measured.get())) {
        if (o.kind() == OutageKind.MAINTENANCE) {
          out.addOutageIds(o.id());
          excludeAnnounced(o, -1, WindowSet.of(o.window()).intersection(measuredSet), parts, notes);
        }
      }
      applyBudget(parts, new ArrayList<>(), notes);
    }
    List<WindowSet> excludedParts = new ArrayList<>();
    for (MaintenancePart m : parts) {
      excludedParts.add(m.excluded);
    }
    WindowSet maint = unionOf(excludedParts);

    Set<TelemetrySample> samples = new LinkedHashSet<>();
    for (Scope p : subscription.placements()) {
      samples.addAll(telemetry.samplesFor(p, measured.get()));
    }
    List<Interval> bad = new ArrayList<>();
    List<Interval> ignored = new ArrayList<>();
    List<Interval> maintTouching = new ArrayList<>();
    Ratio weightedErrors = Ratio.ZERO; // the sum of rate × length, in nanoseconds
    Duration judgedTime = Duration.ZERO;
    long judged = 0;
    for (TelemetrySample s : samples) {
      WindowSet clipped = WindowSet.of(s.window()).intersection(measuredSet);
      if (clipped.isEmpty()) {
        continue;
      }
      Interval w = clipped.windows().get(0);
      Ratio rate;
      if (s.isEmpty(t.minimumRequests())) {
        switch (t.emptyInterval()) {
          case GOOD -> rate = Ratio.ZERO;
          case BAD -> rate = Ratio.ONE;
          default -> {
            ignored.add(w);
            continue;
          }
        }
      } else {
        rate = s.errorRate().orElseThrow();
      }
      if (t.method() == TelemetryRules.Method.BAD_TIMESLICES) {
        if (rate.compareTo(t.errorThreshold()) > 0) {
          bad.add(w);
        }
      } else if (!WindowSet.of(w).intersection(maint).isEmpty()) {
        maintTouching.add(w); // averaged: an interval touching excluded maintenance is left out
      } else {
        weightedErrors = weightedErrors.plus(Ratio.of(w.toDuration(), Duration.ofNanos(1)).multipliedBy(rate));
        judgedTime = judgedTime.plus(w.toDuration());
        judged++;
      }
    }
    WindowSet ignoredSet = WindowSet.of(ignored);
    WindowSet maintTouchingSet = WindowSet.of(maintTouching);

    if (t.method() == TelemetryRules.Method.BAD_TIMESLICES) {
      WindowSet badSet = WindowSet.of(bad);
      WindowSet inMaint = badSet.intersection(maint);
      if (!inMaint.isEmpty()) {
        exclusions.add(new Exclusion(inMaint, ExclusionReason.ANNOUNCED_MAINTENANCE, idsOf(parts),
            "bad intervals inside announced maintenance"));
      }
      WindowSet all = badSet.minus(maint);
      WindowSet finalSet =
          shape(all, WindowSet.empty(), List.of("telemetry"), List.of(all), period, measuredSet, exclusions);
      WindowSet maintOut = maint.minus(finalSet);
      Duration denominator = denominator(period, measured.get(), maintOut).minus(
          ignoredSet.minus(finalSet).minus(leftOutAsMaintenance(maintOut)).totalLength());
      Duration downtime = finalSet.totalLength();
      out.counted(finalSet).downtime(downtime).denominator(denominator)
          .availability(availability(denominator, downtime));
    } else {
      Duration denominator = denominator(period, measured.get(), maint).minus(
          ignoredSet.union(maintTouchingSet.minus(maint)).minus(leftOutAsMaintenance(maint)).totalLength());
      Ratio errorShare = judged == 0 ? Ratio.ZERO
          : weightedErrors.dividedBy(Ratio.of(judgedTime, Duration.ofNanos(1)));
      Duration downtime = Duration.ofNanos(
          Ratio.of(denominator, Duration.ofNanos(1)).multipliedBy(errorShare)
              .toBigDecimal(0, RoundingMode.HALF_UP).longValueExact());
      notes.add("availability is 100 % minus the average error rate of " + judged
          + " intervals, each weighted by its length (" + judgedTime + " in all)");
      out.downtime(downtime).denominator(denominator).availability(errorShare.complement());
    }
    return out.exclusions(exclusions).notes(notes).build();
  }

  // ---- steps ----

  private static Measurement inactive(Measurement.Builder out, BillingPeriod period) {
    return out.downtime(Duration.ZERO)
        .denominator(Duration.ZERO)
        .availability(Ratio.ONE)
        .addNotes("the subscription was not active in " + period.label())
        .build();
  }

  /**
   * The part of one outage's time {@code w} that is not excluded for its cause, impact, report
   * time or announced maintenance; null if none of it can count. Exclusions, maintenance parts
   * (for the outage at {@code index}) and notes are added to the lists.
   */
  private WindowSet countable(Outage o, int index, WindowSet w, List<Exclusion> exclusions,
      List<MaintenancePart> maintenance, List<String> notes) {
    if (w.isEmpty()) {
      return null;
    }
    if (rules.excludedCauses().contains(o.cause())) {
      exclusions.add(exclusion(w, ExclusionReason.EXCLUDED_CAUSE, o, "cause " + o.cause() + " is excluded"));
      return null;
    }
    if (o.impact().level() == Impact.Level.DEGRADED && !rules.degradedCounts()) {
      exclusions.add(exclusion(w, ExclusionReason.DEGRADED_SERVICE, o, "degraded service does not count"));
      return null;
    }
    Optional<Ratio> threshold = rules.partialImpact().threshold();
    if (threshold.isPresent() && o.impact().share().compareTo(threshold.get()) < 0) {
      exclusions.add(exclusion(w, ExclusionReason.BELOW_IMPACT_THRESHOLD, o,
          "share of users affected " + o.impact().share() + " < " + threshold.get()));
      return null;
    }
    if (rules.countFrom() == CountFrom.CUSTOMER_REPORT) {
      if (o.reportedAt().isEmpty()) {
        exclusions.add(exclusion(w, ExclusionReason.NOT_REPORTED, o, "not reported by the customer"));
        return null;
      }
      Instant reported = o.reportedAt().get();
      WindowSet before = w.intersection(Interval.of(Instant.MIN, reported));
      if (!before.isEmpty()) {
        exclusions.add(exclusion(before, ExclusionReason.BEFORE_CUSTOMER_REPORT, o, "reported at " + reported));
        w = w.minus(before);
      }
    }
    if (o.kind() == OutageKind.MAINTENANCE && rules.maintenanceNotice().isPresent()) {
      w = excludeAnnounced(o, index, w, maintenance, notes);
    }
    return w;
  }

  /**
   * Downtime that would count just outside the period (up to the minimum downtime on either
   * side, within the active window), so that a stretch running across the period's start or end
   * is judged against the minimum by its whole length, not by the part inside this period.
   */
  private WindowSet countedAround(
      Subscription subscription, BillingPeriod period, WindowSet measured, List<Outage> nearby) {
    Optional<Interval> widened = edgeWindow(subscription, period);
    if (widened.isEmpty()) {
      return WindowSet.empty();
    }
    WindowSet outside = WindowSet.of(widened.get()).minus(measured);
    List<WindowSet> around = new ArrayList<>();
    for (Outage o : nearby) {
      WindowSet w = countable(o, -1, WindowSet.of(o.window()).intersection(outside),
          new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      if (w != null) {
        around.add(w);
      }
    }
    return unionOf(around);
  }

  /**
   * The period widened by the minimum downtime on both sides and clipped to the active window;
   * empty when no minimum applies or the subscription was not active there.
   */
  private Optional<Interval> edgeWindow(Subscription subscription, BillingPeriod period) {
    Duration minimum = rules.minimumDowntime();
    if (minimum.isZero()) {
      return Optional.empty();
    }
    return Intervals.overlap(
        Interval.of(period.start().minus(minimum), period.end().plus(minimum)), subscription.active());
  }

  private static Interval span(Interval a, Interval b) {
    return Interval.of(
        a.getStart().isBefore(b.getStart()) ? a.getStart() : b.getStart(),
        a.getEnd().isAfter(b.getEnd()) ? a.getEnd() : b.getEnd());
  }


  /** Moves the part of a maintenance outage inside its announced window into {@code parts}. */
  private WindowSet excludeAnnounced(
      Outage o, int index, WindowSet w, List<MaintenancePart> parts, List<String> notes) {
    Duration minimum = rules.maintenanceNotice().orElseThrow();
    Optional<Announcement> a = o.announcement();
    if (a.isEmpty()) {
      notes.add("maintenance " + o.id() + " was not announced, so it counts");
      return w;
    }
    Duration notice = a.get().notice();
    if (notice.compareTo(minimum) < 0) {
      notes.add("maintenance " + o.id() + " was announced with notice " + notice + " < " + minimum + ", so it counts");
      return w;
    }
    Interval promised = a.get().promisedWindow();
    WindowSet inside = w.intersection(promised);
    WindowSet overrun = w.minus(promised);
    if (!overrun.isEmpty()) {
      notes.add("maintenance " + o.id() + " ran outside its announced window " + promised
          + " for " + overrun.totalLength() + "; that time counts");
    }
    if (!inside.isEmpty()) {
      parts.add(new MaintenancePart(o, index, inside,
          "announced " + a.get().announcedAt() + " with notice " + notice + " >= " + minimum
              + " for window " + promised));
    }
    return overrun;
  }

  /**
   * Excluded maintenance beyond the budget, in time order, goes back to counted (into {@code
   * counted}, by each part's index, when given). Only maintenance that would otherwise be
   * downtime uses the budget.
   */
  private void applyBudget(List<MaintenancePart> parts, List<WindowSet> counted, List<String> notes) {
    if (rules.maintenanceBudget().isEmpty() || parts.isEmpty()) {
      return;
    }
    Duration budget = rules.maintenanceBudget().get();
    List<WindowSet> excluded = new ArrayList<>(parts.size());
    for (MaintenancePart m : parts) {
      excluded.add(m.excluded);
    }
    // Maintenance during time that counts anyway (an unplanned outage at the same time) excludes
    // nothing, so it uses none of the budget.
    WindowSet union = unionOf(excluded).minus(unionOf(counted));
    Duration left = budget;
    Instant cutoff = null;
    for (Interval w : union) {
      if (w.toDuration().compareTo(left) <= 0) {
        left = left.minus(w.toDuration());
      } else {
        cutoff = w.getStart().plus(left);
        break;
      }
    }
    if (cutoff == null) {
      return;
    }
    Interval beyond = Interval.of(cutoff, Instant.MAX);
    for (MaintenancePart m : parts) {
      WindowSet over = m.excluded.intersection(beyond);
      if (!over.isEmpty()) {
        m.excluded = m.excluded.minus(over);
        if (m.index >= 0 && m.index < counted.size()) {
          counted.set(m.index, counted.get(m.index).union(over));
        }
        notes.add("maintenance " + m.outage.id() + " beyond the budget of " + budget + " per period counts: " + over);
      }
    }
  }

  /**
   * Minimum downtime, then granularity. A stretch is judged by its whole length, including
   * downtime {@code around} the measured window that it continues into. {@code counted} holds
   * what each source named in {@code touching} contributed to {@code all}, to name the outages behind
   * each exclusion.
   */
  private WindowSet shape(WindowSet all, WindowSet around, List<String> touching, List<WindowSet> counted,
      BillingPeriod period, WindowSet measured, List<Exclusion> exclusions) {
    Duration minimum = rules.minimumDowntime();
    if (!minimum.isZero()) {
      List<Interval> whole = all.union(around).windows();
      List<Interval> shortOnes = new ArrayList<>();
      List<Duration> lengths = new ArrayList<>();
      int k = 0;
      for (Interval w : all) {
        // Both lists are sorted: the stretch holding w is the first one ending after w starts.
        while (k < whole.size() && !whole.get(k).getEnd().isAfter(w.getStart())) {
          k++;
        }
        Interval stretch = k < whole.size() && whole.get(k).encloses(w) ? whole.get(k) : w;
        Duration length = stretch.toDuration();
        if (length.compareTo(minimum) < 0) {
          shortOnes.add(w);
          lengths.add(length);
        }
      }
      List<List<String>> ids = idsTouching(touching, counted, shortOnes);
      for (int i = 0; i < shortOnes.size(); i++) {
        exclusions.add(new Exclusion(WindowSet.of(shortOnes.get(i)), ExclusionReason.SHORTER_THAN_MINIMUM,
            ids.get(i), "downtime of " + lengths.get(i) + " < minimum " + minimum));
      }
      all = all.minus(WindowSet.of(shortOnes));
    }
    Granularity g = rules.granularity();
    WindowSet result = all;
    if (!g.isExact()) {
      long slice = g.slice().orElseThrow().toNanos();
      Instant anchor = period.start();
      List<Interval> shaped = new ArrayList<>();
      for (Interval w : all) {
        long from = nanosSince(anchor, w.getStart());
        long to = nanosSince(anchor, w.getEnd());
        long s;
        long e;
        if (g.countsStartedSlices()) {
          s = Math.floorDiv(from, slice) * slice;
          e = ceilDiv(to, slice) * slice;
        } else {
          s = ceilDiv(from, slice) * slice;
          e = Math.floorDiv(to, slice) * slice;
        }
        if (s < e) {
          shaped.add(Interval.of(anchor.plusNanos(s), anchor.plusNanos(e)));
        }
      }
      result = WindowSet.of(shaped).intersection(measured);
      WindowSet dropped = all.minus(result);
      if (!dropped.isEmpty()) {
        List<String> ids = new ArrayList<>();
        for (List<String> perWindow : idsTouching(touching, counted, dropped.windows())) {
          ids.addAll(perWindow);
        }
        exclusions.add(new Exclusion(dropped, ExclusionReason.INCOMPLETE_SLICE, inOrderOf(touching, ids),
            "only completed slices of " + g.slice().orElseThrow() + " count"));
      }
    }
    return result;
  }

  private Duration denominator(BillingPeriod period, Interval measured, WindowSet excludedMaintenance) {
    return switch (rules.denominator()) {
      case WHOLE_PERIOD -> period.length();
      case ACTIVE_PART -> measured.toDuration();
      case ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE ->
          WindowSet.of(measured).minus(excludedMaintenance).totalLength();
    };
  }

  /**
   * The excluded maintenance that {@link #denominator} already took out, so that time left out
   * for another reason (an ignored telemetry interval) is not taken out twice.
   */
  private WindowSet leftOutAsMaintenance(WindowSet excludedMaintenance) {
    return rules.denominator() == Denominator.ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE
        ? excludedMaintenance
        : WindowSet.empty();
  }

  private static Ratio availability(Duration denominator, Duration downtime) {
    if (denominator.isZero()) {
      return Ratio.ONE;
    }
    Ratio down = Ratio.of(downtime, denominator).min(Ratio.ONE);
    return down.complement();
  }

  /**
   * Each instant counts times the largest share of the outages counted at it: one sweep over the
   * starts and ends of what each outage kept, summing time per largest share.
   */
  private static Duration weighted(List<Outage> touching, List<WindowSet> kept) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      for (Interval w : kept.get(i)) {
        events.add(new Event(w.getStart(), true, i));
        events.add(new Event(w.getEnd(), false, i));
      }
    }
    events.sort(Event.ORDER);
    TreeMap<Ratio, Integer> active = new TreeMap<>();
    Map<Ratio, Duration> timeByShare = new LinkedHashMap<>();
    Instant prev = null;
    for (Event e : events) {
      if (prev != null && !active.isEmpty() && e.at().isAfter(prev)) {
        timeByShare.merge(active.lastKey(), Duration.between(prev, e.at()), Duration::plus);
      }
      Ratio share = touching.get(e.index()).impact().share();
      if (e.start()) {
        active.merge(share, 1, Integer::sum);
      } else {
        active.merge(share, -1, (a, b) -> a + b == 0 ? null : a + b);
      }
      prev = e.at();
    }
    Ratio total = Ratio.ZERO;
    for (Map.Entry<Ratio, Duration> e : timeByShare.entrySet()) {
      total = total.plus(Ratio.of(e.getValue(), Duration.ofNanos(1)).multipliedBy(e.getKey()));
    }
    return Duration.ofNanos(total.toBigDecimal(0, RoundingMode.HALF_UP).longValueExact());
  }

  /**
   * Splits the final downtime among outages so that the parts sum to the whole: each instant an
   * outage kept goes to the first such outage in {@code touching}'s order, and the time of a final
   * window that no outage kept (added by a started slice) to the first outage with time in it.
   * One sweep over the starts and ends of what each outage kept.
   */
  private static List<Contribution> attribute(WindowSet finalSet, List<Outage> touching, List<WindowSet> kept) {
    Duration[] attributed = new Duration[kept.size()];
    Arrays.fill(attributed, Duration.ZERO);
    List<Interval> finals = finalSet.windows();
    Duration[] covered = new Duration[finals.size()];
    Arrays.fill(covered, Duration.ZERO);
    int[] first = new int[finals.size()];
    Arrays.fill(first, Integer.MAX_VALUE);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      for (Interval w : kept.get(i)) {
        events.add(new Event(w.getStart(), true, i));
        events.add(new Event(w.getEnd(), false, i));
      }
    }
    events.sort(Event.ORDER);
    TreeSet<Integer> active = new TreeSet<>();
    Instant prev = null;
    int f = 0;
    for (Event e : events) {
      if (prev != null && !active.isEmpty() && e.at().isAfter(prev)) {
        Duration length = Duration.between(prev, e.at());
        int owner = active.first();
        attributed[owner] = attributed[owner].plus(length);
        // Kept time lies inside the final windows, which are sorted: move to the one holding it.
        while (!finals.get(f).getEnd().isAfter(prev)) {
          f++;
        }
        covered[f] = covered[f].plus(length);
        first[f] = Math.min(first[f], owner);
      }
      if (e.start()) {
        active.add(e.index());
      } else {
        active.remove(e.index());
      }
      prev = e.at();
    }
    for (int k = 0; k < finals.size(); k++) {
      if (first[k] != Integer.MAX_VALUE) {
        attributed[first[k]] = attributed[first[k]].plus(finals.get(k).toDuration().minus(covered[k]));
      }
    }
    List<Contribution> out = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      if (!kept.get(i).isEmpty()) {
        out.add(new Contribution(touching.get(i).id(), kept.get(i), attributed[i]));
      }
    }
    return out;
  }

  // ---- helpers ----

  private static Exclusion exclusion(WindowSet w, ExclusionReason reason, Outage o, String detail) {
    return new Exclusion(w, reason, List.of(o.id()), detail);
  }

  /** The union of many sets in one sort, rather than one merge per set. */
  private static WindowSet unionOf(List<WindowSet> sets) {
    List<Interval> all = new ArrayList<>();
    for (WindowSet s : sets) {
      all.addAll(s.windows());
    }
    return WindowSet.of(all);
  }

  /**
   * For each of the sorted, disjoint {@code windows}, the ids of the outages whose counted time
   * overlaps it, in the order of {@code touching}. Each counted window is found among {@code
   * windows} by binary search.
   */
  private static List<List<String>> idsTouching(
      List<String> touching, List<WindowSet> counted, List<Interval> windows) {
    List<TreeSet<Integer>> found = new ArrayList<>(windows.size());
    for (int k = 0; k < windows.size(); k++) {
      found.add(new TreeSet<>());
    }
    for (int i = 0; i < counted.size(); i++) {
      for (Interval c : counted.get(i)) {
        int lo = 0;
        int hi = windows.size();
        while (lo < hi) { // the first window ending after c starts
          int mid = (lo + hi) >>> 1;
          if (windows.get(mid).getEnd().isAfter(c.getStart())) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        for (int k = lo; k < windows.size() && windows.get(k).getStart().isBefore(c.getEnd()); k++) {
          found.get(k).add(i);
        }
      }
    }
    List<List<String>> out = new ArrayList<>(windows.size());
    for (TreeSet<Integer> indices : found) {
      List<String> ids = new ArrayList<>(indices.size());
      for (int i : indices) {
        ids.add(touching.get(i));
      }
      out.add(ids);
    }
    return out;
  }

  /** The distinct ids, in the order of the outages in {@code touching}. */
  private static List<String> inOrderOf(List<String> touching, List<String> ids) {
    Set<String> wanted = new LinkedHashSet<>(ids);
    List<String> out = new ArrayList<>(wanted.size());
    for (String id : touching) {
      if (wanted.remove(id)) {
        out.add(id);
      }
    }
    return out;
  }

  private static List<String> idsOf(List<MaintenancePart> parts) {
    List<String> ids = new ArrayList<>();
    for (MaintenancePart m : parts) {
      ids.add(m.outage.id());
    }
    return ids;
  }

  private static long nanosSince(Instant anchor, Instant t) {
    Duration d = Duration.between(anchor, t);
    return BigInteger.valueOf(d.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(d.getNano())).longValueExact();
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** A start or end of an outage's counted window, for the sweeps. Ends sort before starts. */
  private record Event(Instant at, boolean start, int index) {
    static final Comparator<Event> ORDER = Comparator.comparing(Event::at)
        .thenComparing(Event::start)
        .thenComparingInt(Event::index);
  }

  /** Announced maintenance of one outage that is (still) excluded. */
  private static final class MaintenancePart {
    final Outage outage;
    final int index;
    WindowSet excluded;
    final String detail;

    MaintenancePart(Outage outage, int index, WindowSet excluded, String detail) {
      this.outage = outage;
      this.index = index;
      this.excluded = excluded;
      this.detail = detail;
    }
  }
}
