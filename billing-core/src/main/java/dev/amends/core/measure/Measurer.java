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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    Map<Outage, WindowSet> counted = new LinkedHashMap<>();
    List<MaintenancePart> maintenance = new ArrayList<>();

    for (Outage o : nearby) {
      if (Intervals.overlap(o.window(), measured.get()).isEmpty()) {
        continue;
      }
      out.addOutageIds(o.id());
      WindowSet w = countable(o, WindowSet.of(o.window()).intersection(measuredSet), exclusions, maintenance, notes);
      if (w != null) {
        counted.put(o, w);
      }
    }
    applyBudget(maintenance, counted, notes);
    for (MaintenancePart m : maintenance) {
      if (!m.excluded.isEmpty()) {
        exclusions.add(exclusion(m.excluded, ExclusionReason.ANNOUNCED_MAINTENANCE, m.outage, m.detail));
      }
    }

    WindowSet all = WindowSet.empty();
    for (WindowSet w : counted.values()) {
      all = all.union(w);
    }
    Map<String, WindowSet> sources = new LinkedHashMap<>();
    counted.forEach((o, w) -> sources.put(o.id(), w));
    WindowSet around = countedAround(subscription, period, measuredSet, nearby);
    WindowSet finalSet = shape(all, around, sources, period, measuredSet, exclusions);

    // What each outage still covers after the minimum and the granularity: a blip dropped as too
    // short, or the ragged ends of an incomplete slice, are no longer part of any contribution.
    Map<Outage, WindowSet> kept = new LinkedHashMap<>();
    counted.forEach((o, w) -> kept.put(o, w.intersection(finalSet)));

    Duration downtime = rules.partialImpact().isWeighted()
        ? weighted(finalSet, kept)
        : finalSet.totalLength();
    WindowSet excludedMaintenance = WindowSet.empty();
    for (MaintenancePart m : maintenance) {
      excludedMaintenance = excludedMaintenance.union(m.excluded);
    }
    Duration denominator = denominator(period, measured.get(), excludedMaintenance.minus(finalSet));

    out.counted(finalSet)
        .downtime(downtime)
        .denominator(denominator)
        .availability(availability(denominator, downtime))
        .exclusions(exclusions)
        .contributions(attribute(finalSet, kept))
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
   * maintenance, and the downtime is that share of the denominator, rounded half-up to the
   * nanosecond. Intervals judged {@link TelemetryRules.EmptyInterval#IGNORED} are removed from
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
          excludeAnnounced(o, WindowSet.of(o.window()).intersection(measuredSet), parts, notes);
        }
      }
      applyBudget(parts, new LinkedHashMap<>(), notes);
    }
    WindowSet maint = WindowSet.empty();
    for (MaintenancePart m : parts) {
      maint = maint.union(m.excluded);
    }

    Set<TelemetrySample> samples = new LinkedHashSet<>();
    for (Scope p : subscription.placements()) {
      samples.addAll(telemetry.samplesFor(p, measured.get()));
    }
    List<Interval> bad = new ArrayList<>();
    List<Interval> ignored = new ArrayList<>();
    List<Interval> maintTouching = new ArrayList<>();
    Ratio rateSum = Ratio.ZERO;
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
        rateSum = rateSum.plus(rate);
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
      Map<String, WindowSet> sources = new LinkedHashMap<>();
      sources.put("telemetry", all);
      WindowSet finalSet = shape(all, WindowSet.empty(), sources, period, measuredSet, exclusions);
      WindowSet maintOut = maint.minus(finalSet);
      Duration denominator = denominator(period, measured.get(), maintOut).minus(
          ignoredSet.minus(finalSet).minus(leftOutAsMaintenance(maintOut)).totalLength());
      Duration downtime = finalSet.totalLength();
      out.counted(finalSet).downtime(downtime).denominator(denominator)
          .availability(availability(denominator, downtime));
    } else {
      Duration denominator = denominator(period, measured.get(), maint).minus(
          ignoredSet.union(maintTouchingSet.minus(maint)).minus(leftOutAsMaintenance(maint)).totalLength());
      Ratio errorShare = judged == 0 ? Ratio.ZERO : rateSum.dividedBy(Ratio.of(judged));
      Duration downtime = Duration.ofNanos(
          Ratio.of(denominator, Duration.ofNanos(1)).multipliedBy(errorShare)
              .toBigDecimal(0, RoundingMode.HALF_UP).longValueExact());
      notes.add("availability is 100 % minus the average error rate of " + judged + " intervals");
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
   * and notes are added to the lists.
   */
  private WindowSet countable(
      Outage o, WindowSet w, List<Exclusion> exclusions, List<MaintenancePart> maintenance, List<String> notes) {
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
      w = excludeAnnounced(o, w, maintenance, notes);
    }
    if (o.kind() == OutageKind.EMERGENCY_MAINTENANCE && o.announcement().isPresent()
        && rules.maintenanceNotice().isPresent()) {
      notes.add("emergency maintenance " + o.id() + " was announced with notice " + o.announcement().get().notice()
          + "; emergency maintenance always counts");
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
    WindowSet around = WindowSet.empty();
    for (Outage o : nearby) {
      WindowSet w = countable(o, WindowSet.of(o.window()).intersection(outside),
          new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      if (w != null) {
        around = around.union(w);
      }
    }
    return around;
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
      Outage o, WindowSet w, List<MaintenancePart> parts, List<String> notes) {
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
      parts.add(new MaintenancePart(o, inside,
          "announced " + a.get().announcedAt() + " with notice " + notice + " >= " + minimum
              + " for window " + promised));
    }
    return overrun;
  }

  /**
   * Excluded maintenance beyond the budget, in time order, goes back to counted. Only maintenance
   * that would otherwise be downtime uses the budget.
   */
  private void applyBudget(List<MaintenancePart> parts, Map<Outage, WindowSet> counted, List<String> notes) {
    if (rules.maintenanceBudget().isEmpty() || parts.isEmpty()) {
      return;
    }
    Duration budget = rules.maintenanceBudget().get();
    WindowSet union = WindowSet.empty();
    for (MaintenancePart m : parts) {
      union = union.union(m.excluded);
    }
    // Maintenance during time that counts anyway (an unplanned outage at the same time) excludes
    // nothing, so it uses none of the budget.
    WindowSet downAnyway = WindowSet.empty();
    for (WindowSet w : counted.values()) {
      downAnyway = downAnyway.union(w);
    }
    union = union.minus(downAnyway);
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
        counted.merge(m.outage, over, WindowSet::union);
        notes.add("maintenance " + m.outage.id() + " beyond the budget of " + budget + " per period counts: " + over);
      }
    }
  }

  /**
   * Minimum downtime, then granularity. Updates {@code sources} to what is left of each. A
   * stretch is judged by its whole length, including downtime {@code around} the measured window
   * that it continues into.
   */
  private WindowSet shape(WindowSet all, WindowSet around, Map<String, WindowSet> sources, BillingPeriod period,
      WindowSet measured, List<Exclusion> exclusions) {
    Duration minimum = rules.minimumDowntime();
    if (!minimum.isZero()) {
      WindowSet whole = all.union(around);
      List<Interval> shortOnes = new ArrayList<>();
      for (Interval w : all) {
        Duration length = stretchContaining(whole, w).toDuration();
        if (length.compareTo(minimum) < 0) {
          shortOnes.add(w);
          WindowSet s = WindowSet.of(w);
          exclusions.add(new Exclusion(s, ExclusionReason.SHORTER_THAN_MINIMUM, idsTouching(sources, s),
              "downtime of " + length + " < minimum " + minimum));
        }
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
        exclusions.add(new Exclusion(dropped, ExclusionReason.INCOMPLETE_SLICE, idsTouching(sources, dropped),
            "only completed slices of " + g.slice().orElseThrow() + " count"));
      }
    }
    for (Map.Entry<String, WindowSet> e : sources.entrySet()) {
      e.setValue(e.getValue().intersection(result));
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

  /** Each instant counts times the largest share of the outages counted at it. */
  private static Duration weighted(WindowSet finalSet, Map<Outage, WindowSet> counted) {
    TreeSet<Instant> cuts = new TreeSet<>();
    for (Interval w : finalSet) {
      cuts.add(w.getStart());
      cuts.add(w.getEnd());
    }
    for (WindowSet ws : counted.values()) {
      for (Interval w : ws) {
        cuts.add(w.getStart());
        cuts.add(w.getEnd());
      }
    }
    Ratio total = Ratio.ZERO;
    Instant prev = null;
    for (Instant cut : cuts) {
      if (prev != null && finalSet.contains(prev)) {
        Ratio share = Ratio.ZERO;
        for (Map.Entry<Outage, WindowSet> e : counted.entrySet()) {
          if (e.getValue().contains(prev)) {
            share = share.max(e.getKey().impact().share());
          }
        }
        total = total.plus(Ratio.of(Duration.between(prev, cut), Duration.ofNanos(1)).multipliedBy(share));
      }
      prev = cut;
    }
    return Duration.ofNanos(total.toBigDecimal(0, RoundingMode.HALF_UP).longValueExact());
  }

  /** Splits the final downtime among outages so that the parts sum to the whole. */
  private static List<Contribution> attribute(WindowSet finalSet, Map<Outage, WindowSet> counted) {
    Map<Outage, Duration> attributed = new LinkedHashMap<>();
    counted.keySet().forEach(o -> attributed.put(o, Duration.ZERO));
    for (Interval f : finalSet) {
      WindowSet window = WindowSet.of(f);
      WindowSet taken = WindowSet.empty();
      Outage first = null;
      for (Map.Entry<Outage, WindowSet> e : counted.entrySet()) {
        WindowSet mine = e.getValue().intersection(window);
        if (mine.isEmpty()) {
          continue;
        }
        if (first == null) {
          first = e.getKey();
        }
        WindowSet fresh = mine.minus(taken);
        attributed.merge(e.getKey(), fresh.totalLength(), Duration::plus);
        taken = taken.union(fresh);
      }
      if (first != null) {
        attributed.merge(first, window.minus(taken).totalLength(), Duration::plus);
      }
    }
    List<Contribution> out = new ArrayList<>();
    for (Map.Entry<Outage, WindowSet> e : counted.entrySet()) {
      if (!e.getValue().isEmpty()) {
        out.add(new Contribution(e.getKey().id(), e.getValue(), attributed.get(e.getKey())));
      }
    }
    return out;
  }

  // ---- helpers ----

  private static Exclusion exclusion(WindowSet w, ExclusionReason reason, Outage o, String detail) {
    return new Exclusion(w, reason, List.of(o.id()), detail);
  }

  private static List<String> idsTouching(Map<String, WindowSet> sources, WindowSet w) {
    List<String> ids = new ArrayList<>();
    sources.forEach((id, ws) -> {
      if (!ws.intersection(w).isEmpty()) {
        ids.add(id);
      }
    });
    return ids;
  }

  private static List<String> idsOf(List<MaintenancePart> parts) {
    List<String> ids = new ArrayList<>();
    for (MaintenancePart m : parts) {
      ids.add(m.outage.id());
    }
    return ids;
  }

  private static Interval stretchContaining(WindowSet set, Interval w) {
    for (Interval s : set) {
      if (s.encloses(w)) {
        return s;
      }
    }
    return w;
  }

  private static long nanosSince(Instant anchor, Instant t) {
    Duration d = Duration.between(anchor, t);
    return BigInteger.valueOf(d.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(d.getNano())).longValueExact();
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** Announced maintenance of one outage that is (still) excluded. */
  private static final class MaintenancePart {
    final Outage outage;
    WindowSet excluded;
    final String detail;

    MaintenancePart(Outage outage, WindowSet excluded, String detail) {
      this.outage = outage;
      this.excluded = excluded;
      this.detail = detail;
    }
  }
}
