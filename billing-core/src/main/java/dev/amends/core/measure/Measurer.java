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
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
 *       counting from the report); maintenance inside a standing maintenance window of the
 *       contract (or any downtime there, for a window that excludes all of it); and announced
 *       maintenance inside its announced window, if it was announced with enough notice; the
 *       overrun past either window counts;
 *   <li>applies the maintenance budget: excluded maintenance is taken in time order, and what
 *       lies beyond the budget counts again;
 *   <li>merges what is left: overlapping outages count once;
 *   <li>drops stretches of continuous downtime shorter than the minimum, judging a stretch that
 *       runs across the period's start or end by its whole length;
 *   <li>applies the granularity: slices aligned to the period's start, started, completed or down more
 *       than a threshold (all downtime in the slice together);
 *   <li>weights by the share of users affected, if the rules say so;
 *   <li>divides by the denominator for an exact availability.
 * </ol>
 *
 * <p>{@link Measurement#breakdown()} then says, outage by outage, how its time in the measured
 * window was split between counted and excluded, and why.
 *
 * <p>Cost: {@code O(n log n)} in the number of outages touching the period: every step is a sort
 * or a sweep over sorted windows, never a loop over all outages per window. One decision over
 * a million outages on one placement is a matter of seconds (see the {@code benchmarks} module).
 *
 * <p>Immutable and thread-safe: one measurer serves any number of threads. Without breakdowns, it
 * keeps what it judged of each outage record that lay wholly inside a measured window (at most
 * 32,768 records, the last ones met), so that the measurements of every placement the
 * record touches share that judgment: its exclusions, notes and contribution.
 */
public final class Measurer {
  private final MeasurementRules rules;
  private final boolean breakdowns;
  /** The identity hash, read once: every {@link MeasurementKey} hashes its measurer. */
  private final int hash = System.identityHashCode(this);
  /**
   * Whether a measurement from outage records can skip the steps these rules make no-ops (see
   * {@link #measureSimply}): no standing windows, budget, minimum, granularity, weighting or
   * breakdown.
   */
  private final boolean simple;
  /**
   * The judgments of outages wholly inside a measured window, by outage id, for {@link
   * #measureSimply} (see {@link #whole}); each names its outage, and is used only for that very
   * record, so a record of another log with the same id is judged afresh. Made on first use; at
   * most {@value #WHOLES}, then it starts afresh.
   */
  private volatile ConcurrentHashMap<String, Whole> wholes;
  /** The most judgments {@link #wholes} keeps: the canonical fleet has 20,000 outages. */
  static final int WHOLES = 1 << 15;

  private Measurer(MeasurementRules rules, boolean breakdowns) {
    this.rules = rules;
    this.breakdowns = breakdowns;
    this.simple = !breakdowns && rules.standingWindows().isEmpty() && rules.maintenanceBudget().isEmpty()
        && rules.minimumDowntime().isZero() && rules.granularity().isExact() && !rules.partialImpact().isWeighted();
  }

  /**
   * A measurer for a set of rules.
   *
   * @param rules the rules, not null
   * @return the measurer, not null
   */
  public static Measurer of(MeasurementRules rules) {
    return new Measurer(Checks.notNull("rules", rules), true);
  }

  /**
   * A measurer for the same rules whose measurements carry no {@link Measurement#breakdown()}
   * (it is empty), for callers that never show it: the breakdown is the costliest part of a
   * measurement to build. Every other figure of a measurement is the same as this measurer's.
   *
   * @return the measurer, not null
   */
  public Measurer withoutBreakdowns() {
    return breakdowns ? new Measurer(rules, false) : this;
  }

  /** Whether measurements carry a {@link Measurement#breakdown()}; see {@link #withoutBreakdowns()}. */
  public boolean breakdowns() {
    return breakdowns;
  }

  /** The rules applied. */
  public MeasurementRules rules() {
    return rules;
  }

  /** Measurers are equal only to themselves: the identity hash. */
  @Override
  public int hashCode() {
    return hash;
  }

  /** Identity, as {@link Object#equals}: a measurer is the key of its measurements. */
  @Override
  public boolean equals(Object o) {
    return o == this;
  }

  /**
   * The key of everything {@link #measure(Subscription, BillingPeriod, OutageLog)} and {@link
   * #measureTelemetry} read of a subscription and a period but its id: see {@link
   * MeasurementKey}. Cheap: no look-up, no copy of the placements.
   *
   * @param subscription the subscription, not null
   * @param period the billing period, not null
   * @return the key, not null
   */
  public MeasurementKey keyOf(Subscription subscription, BillingPeriod period) {
    Checks.notNull("subscription", subscription);
    Checks.notNull("period", period);
    Duration minimum = rules.minimumDowntime();
    Interval widened = minimum.isZero()
        ? period.window()
        : Interval.of(period.start().minus(minimum), period.end().plus(minimum));
    Interval clip = Intervals.overlap(widened, subscription.active()).orElse(null);
    return new MeasurementKey(this, period, clip, subscription.placements(), null);
  }

  /**
   * For a measurement from outage records, the coarser key that names the records this measurer
   * looks up for {@code key} (those affecting its placements within its clip) in place of the
   * placements: subscriptions on different placements that see the same records share it. The
   * key itself when it is already one of records, or the subscription was not active near the
   * period (no records are looked up then).
   *
   * @param key a key of this measurer, not null
   * @param log the outage records, not null
   * @return the key, not null
   * @throws IllegalArgumentException if the key is another measurer's
   */
  public MeasurementKey recordsKeyOf(MeasurementKey key, OutageLog log) {
    Checks.notNull("key", key);
    Checks.notNull("log", log);
    ownKey(key);
    if (key.isOfRecords() || key.clipOrNull() == null) {
      return key;
    }
    return new MeasurementKey(this, key.period(), key.clipOrNull(), null,
        log.affecting(key.placementsOrNull(), key.clipOrNull()));
  }

  private void ownKey(MeasurementKey key) {
    if (key.measurer() != this) {
      throw new IllegalArgumentException("key " + key + " is another measurer's");
    }
  }

  /**
   * Measures a subscription's downtime in a period from outage records: {@link
   * #measure(MeasurementKey, String, OutageLog)} of its {@link #keyOf key}.
   *
   * @param subscription the subscription, for its placements and active window, not null
   * @param period the billing period, not null
   * @param log the outage records, not null
   * @return the measurement, not null
   */
  public Measurement measure(Subscription subscription, BillingPeriod period, OutageLog log) {
    MeasurementKey key = keyOf(subscription, period);
    return measure(key, subscription.id(), log);
  }

  /**
   * Measures the downtime of the subscription whose key is given from outage records: the
   * measurement reads the key, the id and the log only.
   *
   * @param key a key of this measurer, of placements or of records, not null
   * @param subscriptionId the id the measurement carries, not null
   * @param log the outage records, not null
   * @return the measurement, not null
   * @throws IllegalArgumentException if the key is another measurer's
   */
  public Measurement measure(MeasurementKey key, String subscriptionId, OutageLog log) {
    Checks.notNull("key", key);
    Checks.notNull("subscriptionId", subscriptionId);
    Checks.notNull("log", log);
    ownKey(key);
    BillingPeriod period = key.period();
    Interval clip = key.clipOrNull();
    Optional<Interval> measured = clip == null ? Optional.empty()
        : clip.encloses(period.window()) ? Optional.of(period.window()) // the same window, not a copy
        : Intervals.overlap(period.window(), clip);
    Measurement.Builder out = Measurement.builder()
        .subscriptionId(subscriptionId)
        .period(period)
        .measuredWindow(measured);
    if (measured.isEmpty()) {
      return inactive(out, period);
    }
    // One look-up, within the clip, serves both the period and, when a minimum downtime applies,
    // the stretch of active time just beyond its edges that decides whether an edge stretch is
    // long enough.
    Interval lookup = clip;
    List<Outage> nearby = key.isOfRecords() ? key.recordsOrNull() : log.affecting(key.placementsOrNull(), lookup);
    if (simple) {
      return measureSimply(out, period, measured.get(), nearby);
    }
    WindowSet measuredSet = WindowSet.of(measured.get());
    List<WindowSet> standing = standingWindows(lookup);
    List<Exclusion> exclusions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    // The outages touching the measured window, in the log's order (start, then id), each with
    // what of it can count.
    List<Touched> touched = new ArrayList<>();
    List<MaintenancePart> maintenance = new ArrayList<>();

    for (Outage o : nearby) {
      if (Intervals.overlap(o.window(), measured.get()).isEmpty()) {
        continue;
      }
      out.addOutageIds(o.id());
      Judged judged = countable(o, touched.size(), WindowSet.of(o.window()).intersection(measuredSet), standing);
      exclusions.addAll(judged.exclusions());
      maintenance.addAll(judged.maintenance());
      notes.addAll(judged.notes());
      touched.add(new Touched(o, judged.counted(), judged.remarks(), null));
    }
    List<WindowSet> countedBefore = new ArrayList<>(touched.size());
    for (Touched t : touched) {
      countedBefore.add(t.counted());
    }
    Budgeted budgeted = applyBudget(maintenance, unionOf(countedBefore));
    maintenance = budgeted.parts();
    notes.addAll(budgeted.notes());
    for (Regained r : budgeted.regained()) {
      touched.set(r.index(), touched.get(r.index()).regaining(r));
    }
    for (MaintenancePart m : maintenance) {
      if (!m.excluded().isEmpty()) {
        exclusions.add(new Exclusion(m.excluded(), m.reason(), List.of(m.id()), m.detail()));
      }
    }

    List<Source> sources = new ArrayList<>(touched.size());
    List<WindowSet> counted = new ArrayList<>(touched.size());
    for (Touched t : touched) {
      sources.add(new Source(t.outage().id(), t.counted()));
      counted.add(t.counted());
    }
    WindowSet all = unionOf(counted);
    WindowSet around = countedAround(clip, measuredSet, nearby, standing);
    Shaped shaped = shape(all, around, sources, period, measuredSet);
    exclusions.addAll(shaped.exclusions());
    WindowSet finalSet = shaped.result();

    // What each outage still covers after the minimum and the granularity: a blip dropped as too
    // short, or the ragged ends of an incomplete slice, are no longer part of any contribution.
    for (int i = 0; i < touched.size(); i++) {
      Touched t = touched.get(i);
      touched.set(i, new Touched(t.outage(), t.counted(), t.remarks(), t.counted().intersection(finalSet)));
    }

    Duration downtime = rules.partialImpact().isWeighted()
        ? weighted(touched)
        : finalSet.totalLength();
    WindowSet excludedMaintenance = excludedOf(maintenance);
    Duration denominator = denominator(period, measured.get(), excludedMaintenance.minus(finalSet));

    out.counted(finalSet)
        .downtime(downtime)
        .denominator(denominator)
        .availability(availability(denominator, downtime))
        .exclusions(exclusions)
        .contributions(attribute(finalSet, touched))
        .notes(notes);
    if (breakdowns) {
      out.breakdown(breakdown(measuredSet, touched, maintenance, exclusions));
    }
    return out.build();
  }

  /**
   * {@link #measure(MeasurementKey, String, OutageLog)} under rules that make several of its
   * steps no-ops, without them: no standing window (nothing to take out of an outage for it), no
   * budget (no maintenance counts again), no minimum downtime and exact granularity (the final
   * downtime is the union of what each outage counts, so each outage keeps all it counts), no
   * weighting and no breakdown. The same figures, exclusions, notes and contributions, in the same
   * order; a property test holds it to the general path for random records and rules. An outage
   * wholly inside the measured window is judged once per measurer ({@link #whole}), and its
   * judgment's objects are shared by the measurements, not copied.
   */
  private Measurement measureSimply(Measurement.Builder out, BillingPeriod period, Interval measured,
      List<Outage> nearby) {
    List<Exclusion> exclusions = List.of();
    List<String> notes = List.of();
    // Per outage touching the measured window: its judgment, and its contribution if it counts
    // time (null for one that crosses the window's edge, made below if needed).
    List<Whole> judged = new ArrayList<>(nearby.size());
    Instant from = measured.getStart();
    Instant to = measured.getEnd();
    int counting = 0;
    WindowSet lastCounted = WindowSet.empty();
    List<Outage> records = nearby instanceof RandomAccess ? nearby : new ArrayList<>(nearby);
    for (int i = 0; i < records.size(); i++) { // by index: no iterator per measurement
      Outage o = records.get(i);
      Interval w = o.window();
      if (!w.getStart().isBefore(to) || !w.getEnd().isAfter(from) || w.isEmpty()) {
        continue; // no overlap with the measured window (as Intervals.overlap judges it)
      }
      out.addOutageIds(o.id());
      Whole j = !w.getStart().isBefore(from) && !w.getEnd().isAfter(to)
          ? whole(o)
          : Whole.of(o, countable(o, -1, WindowSet.of(w).intersection(measured), List.of()), false);
      judged.add(j);
      exclusions = appended(exclusions, j.judged().exclusions());
      notes = appended(notes, j.judged().notes());
      if (!j.judged().counted().isEmpty()) {
        counting++;
        lastCounted = j.judged().counted();
      }
    }
    List<Interval> excludedMaintenance = List.of();
    for (Whole j : judged) {
      if (!j.maintenance().isEmpty()) {
        exclusions = appended(exclusions, j.maintenance());
        if (rules.denominator() == Denominator.ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE) {
          for (Exclusion e : j.maintenance()) {
            excludedMaintenance = appended(excludedMaintenance, e.windows().windows());
          }
        }
      }
    }
    // with nothing to shape, what an outage counts is what it keeps; one outage's counted set is
    // the union itself
    WindowSet finalSet;
    if (counting <= 1) {
      finalSet = lastCounted;
    } else {
      int windows = 0;
      for (Whole j : judged) {
        windows += j.judged().counted().size();
      }
      List<Interval> countedWindows = new ArrayList<>(windows);
      for (Whole j : judged) {
        countedWindows.addAll(j.judged().counted().windows());
      }
      finalSet = WindowSet.of(countedWindows); // in order and apart, usually: no sort then
    }
    List<Contribution> contributions = attributeApart(judged, counting);
    Duration downtime = counting == 1 && contributions != null
        ? contributions.get(0).attributed() // the same sum, already made
        : finalSet.totalLength();
    Duration denominator = denominator(period, measured,
        excludedMaintenance.isEmpty() ? WindowSet.empty() : WindowSet.of(excludedMaintenance).minus(finalSet));
    if (contributions == null) {
      List<Touched> touched = new ArrayList<>(judged.size());
      for (Whole j : judged) {
        WindowSet counted = j.judged().counted();
        touched.add(new Touched(j.outage(), counted, j.judged().remarks(), counted));
      }
      contributions = attribute(finalSet, touched);
    }
    return out.counted(finalSet)
        .downtime(downtime)
        .denominator(denominator)
        .availability(availability(denominator, downtime))
        .exclusions(exclusions)
        .contributions(contributions)
        .notes(notes)
        .build();
  }

  /**
   * {@code list} followed by {@code more}: {@code list} when {@code more} is empty, {@code more}
   * itself when {@code list} is (so a judgment's lists are shared, not copied: the measurement's
   * builder copies), else a list of this method's own, grown in place on the next call. Neither
   * argument is changed unless it is such a list.
   */
  private static <T> List<T> appended(List<T> list, List<T> more) {
    if (more.isEmpty()) {
      return list;
    }
    if (list.isEmpty()) {
      return more;
    }
    Grown<T> all = list instanceof Grown<T> grown ? grown : new Grown<>(list);
    all.addAll(more);
    return all;
  }

  /** A list {@link #appended} made, and only it changes. */
  private static final class Grown<T> extends ArrayList<T> {
    Grown(List<T> first) {
      super(first);
    }
  }

  /**
   * {@link #attribute}'s answer when no two outages keep overlapping time and the final
   * downtime is the union of what they keep (so no time is added by a slice): each outage is
   * attributed what it keeps. Null when two outages overlap: the sweep decides then.
   */
  private static List<Contribution> attributeApart(List<Whole> judged, int counting) {
    if (counting > 1 && !apart(judged)) {
      return null;
    }
    List<Contribution> out = counting <= 1 ? null : new ArrayList<>(counting);
    for (Whole j : judged) {
      if (!j.judged().counted().isEmpty()) {
        Contribution c = j.contribution() != null ? j.contribution() : Whole.contributionOf(j.outage(), j.judged());
        if (out == null) {
          return List.of(c);
        }
        out.add(c);
      }
    }
    return out == null ? List.of() : out;
  }

  /**
   * Whether no two of the counted windows overlap: in one pass when each starts at or after the
   * end of all before it (outages come in order of start, so usually), else by a sort.
   */
  private static boolean apart(List<Whole> judged) {
    Instant end = null;
    int windows = 0;
    boolean inOrder = true;
    for (Whole j : judged) {
      List<Interval> counted = j.judged().counted().windows();
      for (int k = 0; k < counted.size(); k++) { // by index: no iterator per window set
        Interval w = counted.get(k);
        windows++;
        if (end != null && w.getStart().isBefore(end)) {
          inOrder = false;
        }
        if (end == null || w.getEnd().isAfter(end)) {
          end = w.getEnd();
        }
      }
    }
    if (inOrder) {
      return true;
    }
    Interval[] all = new Interval[windows];
    int n = 0;
    for (Whole j : judged) {
      for (Interval w : j.judged().counted()) {
        all[n++] = w;
      }
    }
    Arrays.sort(all, Comparator.comparing(Interval::getStart));
    for (int k = 1; k < n; k++) {
      if (all[k].getStart().isBefore(all[k - 1].getEnd())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The judgment of an outage that lies wholly inside the measured window, for {@link
   * #measureSimply}: it depends on the outage and the rules only, so it is made once and shared
   * by every measurement that meets the outage (the nodes of a cluster see each of its outages),
   * with its exclusions, notes and contribution, rather than made again for each.
   */
  private Whole whole(Outage o) {
    ConcurrentHashMap<String, Whole> known = wholes;
    if (known == null) {
      synchronized (this) {
        known = wholes;
        if (known == null) {
          known = new ConcurrentHashMap<>();
          wholes = known;
        }
      }
    }
    Whole j = known.get(o.id());
    if (j != null && j.outage() == o) {
      return j;
    }
    j = Whole.of(o, countable(o, -1, WindowSet.of(o.window()), List.of()), true);
    if (known.size() >= WHOLES) {
      known.clear(); // bounded: start afresh rather than grow with the logs measured
    }
    known.put(o.id(), j);
    return j;
  }

  /**
   * Each touching outage's time in the measured window, split into what counted and what was
   * excluded per reason: the exclusions made for it alone, its excluded maintenance, and what the
   * minimum downtime and the granularity took of its counted time.
   */
  private List<OutageBreakdown> breakdown(WindowSet measured, List<Touched> touched, List<MaintenancePart> maintenance,
      List<Exclusion> exclusions) {
    int n = touched.size();
    Map<String, Integer> indexOf = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      indexOf.put(touched.get(i).outage().id(), i);
    }
    List<List<OutageBreakdown.Part>> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parts.add(new ArrayList<>(0));
    }
    List<WindowSet> shortOnes = new ArrayList<>();
    for (Exclusion e : exclusions) {
      switch (e.reason()) {
        case SHORTER_THAN_MINIMUM -> shortOnes.add(e.windows());
        case EXCLUDED_CAUSE, DEGRADED_SERVICE, BELOW_IMPACT_THRESHOLD, NOT_REPORTED, BEFORE_CUSTOMER_REPORT -> {
          Integer i = e.outageIds().size() == 1 ? indexOf.get(e.outageIds().get(0)) : null;
          if (i != null) {
            parts.get(i).add(new OutageBreakdown.Part(e.reason(), e.windows(), e.detail()));
          }
        }
        default -> { }
      }
    }
    for (MaintenancePart m : maintenance) {
      if (m.index() >= 0 && !m.excluded().isEmpty()) {
        parts.get(m.index()).add(new OutageBreakdown.Part(m.reason(), m.excluded(), m.humanDetail()));
      }
    }
    WindowSet tooShort = unionOf(shortOnes);
    String minimum = "downtime stretch shorter than the minimum of " + Texts.duration(rules.minimumDowntime());
    String slices = rules.granularity().threshold().isPresent()
        ? "its slice of " + Texts.duration(rules.granularity().slice().orElseThrow()) + " was down no more than "
            + Texts.duration(rules.granularity().threshold().orElseThrow())
        : rules.granularity().slice()
        .map(d -> "not a completed slice of " + Texts.duration(d)).orElse("not a completed slice");
    List<OutageBreakdown> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Touched t = touched.get(i);
      WindowSet c = t.counted();
      if (!c.isEmpty()) {
        WindowSet dropped = c.minus(t.kept());
        WindowSet shortPart = dropped.intersection(tooShort);
        WindowSet slicePart = dropped.minus(shortPart);
        if (!shortPart.isEmpty()) {
          parts.get(i).add(new OutageBreakdown.Part(ExclusionReason.SHORTER_THAN_MINIMUM, shortPart, minimum));
        }
        if (!slicePart.isEmpty()) {
          parts.get(i).add(new OutageBreakdown.Part(rules.granularity().threshold().isPresent()
              ? ExclusionReason.BELOW_SLICE_THRESHOLD : ExclusionReason.INCOMPLETE_SLICE, slicePart, slices));
        }
      }
      Outage o = t.outage();
      out.add(new OutageBreakdown(o.id(), WindowSet.of(o.window()).intersection(measured).totalLength(),
          t.kept().totalLength(), parts.get(i), t.remarks(), o.impact().share(),
          rules.partialImpact().isWeighted()));
    }
    return out;
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
   * <p>Time of the measured window that no sample covers (for any placement, outside excluded
   * maintenance) is reported in {@link Measurement#missingTelemetry()} and counted as {@link
   * TelemetryRules#missingData()} says: up, down (a missing stretch is then a bad interval, or
   * averages in at 100 % errors, by its length), or, by default, not at all: the measurement is
   * then not {@link Measurement#isComplete() complete}.
   *
   * @param subscription the subscription, not null
   * @param period the billing period, not null
   * @param telemetry the samples, not null
   * @param maintenance outage records whose announced maintenance may be excluded, not null
   * @return the measurement, not null
   */
  public Measurement measureTelemetry(
      Subscription subscription, BillingPeriod period, TelemetryLog telemetry, OutageLog maintenance) {
    MeasurementKey key = keyOf(subscription, period);
    return measureTelemetry(key, subscription.id(), telemetry, maintenance);
  }

  /**
   * Measures the downtime of the subscription whose key is given from telemetry, as {@link
   * #measureTelemetry(Subscription, BillingPeriod, TelemetryLog, OutageLog)} does: the
   * measurement reads the key, the id and the logs only.
   *
   * @param key a key of placements of this measurer, not null
   * @param subscriptionId the id the measurement carries, not null
   * @param telemetry the samples, not null
   * @param maintenance outage records whose announced maintenance may be excluded, not null
   * @return the measurement, not null
   * @throws IllegalArgumentException if the key is another measurer's, or one of records
   */
  public Measurement measureTelemetry(
      MeasurementKey key, String subscriptionId, TelemetryLog telemetry, OutageLog maintenance) {
    Checks.notNull("key", key);
    Checks.notNull("subscriptionId", subscriptionId);
    Checks.notNull("telemetry", telemetry);
    Checks.notNull("maintenance", maintenance);
    ownKey(key);
    if (key.isOfRecords()) {
      throw new IllegalArgumentException("key " + key + " names records; telemetry is measured per placement");
    }
    BillingPeriod period = key.period();
    Set<Scope> placements = key.placementsOrNull();
    TelemetryRules t = rules.telemetry();
    Optional<Interval> measured = key.clipOrNull() == null ? Optional.empty()
        : Intervals.overlap(period.window(), key.clipOrNull());
    Measurement.Builder out = Measurement.builder()
        .subscriptionId(subscriptionId)
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
    List<WindowSet> standing = standingWindows(measured.get());
    if (rules.maintenanceNotice().isPresent() || !standing.isEmpty()) {
      for (Outage o : maintenance.affecting(placements, measured.get())) {
        if (o.kind() == OutageKind.MAINTENANCE) {
          out.addOutageIds(o.id());
          Step inStanding = excludeStanding(o, -1, WindowSet.of(o.window()).intersection(measuredSet), standing);
          parts.addAll(inStanding.parts());
          WindowSet w = inStanding.left();
          if (rules.maintenanceNotice().isPresent() && !w.isEmpty()) {
            Step announced = excludeAnnounced(o, -1, w);
            parts.addAll(announced.parts());
            notes.addAll(announced.notes()); // its remarks are for a breakdown, which telemetry has not
          }
        }
      }
      // A standing window that excludes all downtime excludes every bad interval inside it.
      for (int k = 0; k < standing.size(); k++) {
        MaintenanceWindow mw = rules.standingWindows().get(k);
        WindowSet inside = standing.get(k).intersection(measuredSet);
        if (mw.excludesAllDowntime() && !inside.isEmpty()) {
          parts.add(new MaintenancePart(null, -1, inside, ExclusionReason.STANDING_MAINTENANCE_WINDOW,
              "standing maintenance window " + mw, "standing maintenance window " + mw + " of the contract"));
        }
      }
      parts.sort(Comparator.comparing((MaintenancePart m) -> m.excluded().start()));
      Budgeted budgeted = applyBudget(parts, WindowSet.empty());
      parts = budgeted.parts();
      notes.addAll(budgeted.notes());
    }
    WindowSet maint = excludedOf(parts);

    // Placements under the same measured scope share its samples: take each scope's once. No
    // set of samples is needed (nor a sort): samples of one scope never overlap, and different
    // scopes' samples are different samples.
    List<TelemetrySample> samples = new ArrayList<>();
    List<WindowSet> uncovered = new ArrayList<>();
    List<Scope> measuredScopes = new ArrayList<>(placements.size());
    boolean unmeasured = false;
    for (Scope p : placements) {
      Optional<Scope> scope = telemetry.measuredScope(p);
      if (scope.isEmpty()) {
        if (unmeasured) {
          continue;
        }
        unmeasured = true;
      } else if (measuredScopes.contains(scope.get())) {
        continue;
      } else {
        measuredScopes.add(scope.get());
      }
      List<TelemetrySample> mine = telemetry.samplesFor(p, measured.get());
      samples.addAll(mine);
      List<Interval> covered = new ArrayList<>(mine.size());
      for (TelemetrySample s : mine) {
        covered.add(s.window());
      }
      uncovered.add(measuredSet.minus(WindowSet.of(covered)));
    }
    // Time no sample covers, for any placement; excluded maintenance needs no data.
    WindowSet missing = unionOf(uncovered).minus(maint);
    TelemetryRules.MissingData missingData = t.missingData();
    out.missingTelemetry(missing).missingTelemetryCountsAs(missingData);
    List<Interval> bad = new ArrayList<>();
    List<Interval> ignored = new ArrayList<>();
    List<Interval> maintTouching = new ArrayList<>();
    List<Ratio> weightedErrors = new ArrayList<>(); // rate × length, in nanoseconds; summed pairwise
    Duration judgedTime = Duration.ZERO;
    long judged = 0;
    Interval measuredWindow = measured.get();
    for (TelemetrySample s : samples) {
      Interval w = s.window();
      if (w.getStart().isBefore(measuredWindow.getStart()) || w.getEnd().isAfter(measuredWindow.getEnd())) {
        Optional<Interval> clipped = Intervals.overlap(w, measuredWindow); // only the first and last sample
        if (clipped.isEmpty()) {
          continue;
        }
        w = clipped.get();
      }
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
      } else if (!maint.isEmpty() && !WindowSet.of(w).intersection(maint).isEmpty()) {
        maintTouching.add(w); // averaged: an interval touching excluded maintenance is left out
      } else {
        if (!rate.isZero()) {
          weightedErrors.add(Ratio.of(w.toDuration(), Duration.ofNanos(1)).multipliedBy(rate));
        }
        judgedTime = judgedTime.plus(w.toDuration());
        judged++;
      }
    }
    if (missingData == TelemetryRules.MissingData.BAD && t.method() == TelemetryRules.Method.BAD_TIMESLICES) {
      bad.addAll(missing.windows());
    } else if (missingData != TelemetryRules.MissingData.NOT_ALLOWED
        && t.method() == TelemetryRules.Method.AVERAGED_RATIOS && !missing.isEmpty()) {
      // Missing time averages in at 0 % (good) or 100 % (bad) errors, weighted by its length.
      Ratio rate = missingData == TelemetryRules.MissingData.BAD ? Ratio.ONE : Ratio.ZERO;
      weightedErrors.add(Ratio.of(missing.totalLength(), Duration.ofNanos(1)).multipliedBy(rate));
      judgedTime = judgedTime.plus(missing.totalLength());
      judged += missing.size();
    }
    WindowSet ignoredSet = WindowSet.of(ignored);
    WindowSet maintTouchingSet = WindowSet.of(maintTouching);

    if (t.method() == TelemetryRules.Method.BAD_TIMESLICES) {
      WindowSet badSet = WindowSet.of(bad);
      for (ExclusionReason reason : List.of(
          ExclusionReason.ANNOUNCED_MAINTENANCE, ExclusionReason.STANDING_MAINTENANCE_WINDOW)) {
        List<MaintenancePart> ofReason = parts.stream().filter(m -> m.reason() == reason).toList();
        List<WindowSet> sets = ofReason.stream().map(MaintenancePart::excluded).toList();
        WindowSet inMaint = badSet.intersection(unionOf(sets));
        if (!inMaint.isEmpty()) {
          exclusions.add(new Exclusion(inMaint, reason, idsOf(ofReason),
              reason == ExclusionReason.ANNOUNCED_MAINTENANCE ? "bad intervals inside announced maintenance"
                  : "bad intervals inside a standing maintenance window"));
        }
      }
      WindowSet all = badSet.minus(maint);
      Shaped shaped = shape(all, WindowSet.empty(), List.of(new Source("telemetry", all)), period, measuredSet);
      exclusions.addAll(shaped.exclusions());
      WindowSet finalSet = shaped.result();
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
          : Ratio.sum(weightedErrors).dividedBy(Ratio.of(judgedTime, Duration.ofNanos(1)));
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
   * time or announced maintenance (empty if none of it can count), with the exclusions,
   * maintenance parts (for the outage at {@code index}), notes and remarks that say why.
   */
  private Judged countable(Outage o, int index, WindowSet w, List<WindowSet> standing) {
    if (w.isEmpty()) {
      return Judged.NOTHING;
    }
    if (rules.excludedCauses().contains(o.cause())) {
      return Judged.excluded(exclusion(w, ExclusionReason.EXCLUDED_CAUSE, o, "cause " + o.cause() + " is excluded"));
    }
    if (o.impact().level() == Impact.Level.DEGRADED && !rules.degradedCounts()) {
      return Judged.excluded(exclusion(w, ExclusionReason.DEGRADED_SERVICE, o, "degraded service does not count"));
    }
    Optional<Ratio> threshold = rules.partialImpact().threshold();
    if (threshold.isPresent() && o.impact().share().compareTo(threshold.get()) < 0) {
      return Judged.excluded(exclusion(w, ExclusionReason.BELOW_IMPACT_THRESHOLD, o,
          "share of users affected " + o.impact().share() + " < " + threshold.get()));
    }
    List<String> remarks = new ArrayList<>(0);
    if (o.reportedAt().isPresent() && o.reportedAt().get().isBefore(o.window().getStart())) {
      // Legitimate for the later record of an outage split in two, but also the sign of a start
      // recorded late: never silent.
      remarks.add("reported " + Texts.instant(o.reportedAt().get()) + ", before its recorded start "
          + Texts.instant(o.window().getStart()) + ": counted from its start (check the start if this record is"
          + " not the continuation of an earlier one)");
    }
    List<Exclusion> exclusions = new ArrayList<>(0);
    if (rules.countFrom() == CountFrom.CUSTOMER_REPORT) {
      if (o.reportedAt().isEmpty()) {
        return new Judged(WindowSet.empty(),
            List.of(exclusion(w, ExclusionReason.NOT_REPORTED, o, "not reported by the customer")), List.of(),
            List.of(), remarks);
      }
      Instant reported = o.reportedAt().get();
      WindowSet before = w.intersection(Interval.of(Instant.MIN, reported));
      if (!before.isEmpty()) {
        exclusions.add(exclusion(before, ExclusionReason.BEFORE_CUSTOMER_REPORT, o, "reported at " + reported));
        w = w.minus(before);
      }
    }
    List<MaintenancePart> maintenance = new ArrayList<>(0);
    List<String> notes = new ArrayList<>(0);
    if (!standing.isEmpty()) {
      WindowSet before = w;
      Step inStanding = excludeStanding(o, index, w, standing);
      maintenance.addAll(inStanding.parts());
      w = inStanding.left();
      remarks.addAll(remarksOnStandingNotExcluding(o, w, standing));
      if (w.isEmpty() && !before.isEmpty()) {
        return new Judged(w, exclusions, maintenance, notes, remarks);
      }
    }
    if (o.kind() == OutageKind.MAINTENANCE && rules.maintenanceNotice().isPresent()) {
      Step announced = excludeAnnounced(o, index, w);
      maintenance.addAll(announced.parts());
      notes.addAll(announced.notes());
      remarks.addAll(announced.remarks());
      w = announced.left();
    }
    if (o.kind() == OutageKind.EMERGENCY_MAINTENANCE && o.announcement().isPresent()
        && rules.maintenanceNotice().isPresent()) {
      notes.add("emergency maintenance " + o.id() + " was announced with notice " + o.announcement().get().notice()
          + "; emergency maintenance always counts");
    }
    return new Judged(w, exclusions, maintenance, notes, remarks);
  }

  /** The occurrences of each standing window of the rules over a span, in the rules' order. */
  private List<WindowSet> standingWindows(Interval span) {
    List<WindowSet> out = new ArrayList<>(rules.standingWindows().size());
    for (MaintenanceWindow mw : rules.standingWindows()) {
      out.add(mw.occurrences(span));
    }
    return out;
  }

  /**
   * A remark for each standing window that leaves an outage's time inside it counting because it
   * excludes only maintenance outages: {@code 2h inside standing maintenance window … counts: the
   * window excludes only MAINTENANCE outages, and this one is UNPLANNED}.
   */
  private List<String> remarksOnStandingNotExcluding(Outage o, WindowSet w, List<WindowSet> standing) {
    if (o.kind() == OutageKind.MAINTENANCE || w.isEmpty()) {
      return List.of();
    }
    List<String> remarks = new ArrayList<>(0);
    for (int k = 0; k < standing.size(); k++) {
      MaintenanceWindow mw = rules.standingWindows().get(k);
      WindowSet inside = mw.excludesAllDowntime() ? WindowSet.empty() : w.intersection(standing.get(k));
      if (!inside.isEmpty()) {
        remarks.add(Texts.duration(inside.totalLength()) + " inside standing maintenance window " + mw
            + " counts: the window excludes only MAINTENANCE outages, and this one is " + o.kind());
      }
    }
    return remarks;
  }

  /**
   * Takes the part of an outage inside standing maintenance windows out of {@code w}, as
   * maintenance parts: for maintenance, or for any outage if the window excludes all downtime.
   */
  private Step excludeStanding(Outage o, int index, WindowSet w, List<WindowSet> standing) {
    List<MaintenancePart> parts = new ArrayList<>(0);
    for (int k = 0; k < standing.size() && !w.isEmpty(); k++) {
      MaintenanceWindow mw = rules.standingWindows().get(k);
      if (o.kind() != OutageKind.MAINTENANCE && !mw.excludesAllDowntime()) {
        continue;
      }
      WindowSet inside = w.intersection(standing.get(k));
      if (!inside.isEmpty()) {
        parts.add(new MaintenancePart(o.id(), index, inside, ExclusionReason.STANDING_MAINTENANCE_WINDOW,
            "standing maintenance window " + mw, "standing maintenance window " + mw + " of the contract"));
        w = w.minus(inside);
      }
    }
    return new Step(w, parts, List.of(), List.of());
  }

  /**
   * Downtime that would count just outside the period (up to the minimum downtime on either
   * side, within the active window), so that a stretch running across the period's start or end
   * is judged against the minimum by its whole length, not by the part inside this period.
   */
  private WindowSet countedAround(Interval clip, WindowSet measured, List<Outage> nearby, List<WindowSet> standing) {
    if (rules.minimumDowntime().isZero()) {
      return WindowSet.empty();
    }
    WindowSet outside = WindowSet.of(clip).minus(measured);
    List<WindowSet> around = new ArrayList<>();
    Interval inside = measured.windows().get(0);
    for (Outage o : nearby) {
      if (inside.encloses(o.window())) {
        continue; // nothing of it lies outside the measured window
      }
      around.add(countable(o, -1, WindowSet.of(o.window()).intersection(outside), standing).counted());
    }
    return unionOf(around);
  }

  /**
   * Takes the part of a maintenance outage inside its announced window out of {@code w}, as a
   * maintenance part; says in notes and remarks why the rest counts.
   */
  private Step excludeAnnounced(Outage o, int index, WindowSet w) {
    Duration minimum = rules.maintenanceNotice().orElseThrow();
    Optional<Announcement> a = o.announcement();
    if (a.isEmpty()) {
      return new Step(w, List.of(), List.of("maintenance " + o.id() + " was not announced, so it counts"),
          breakdowns ? List.of("maintenance not announced, so " + Texts.duration(w.totalLength()) + " counts")
              : List.of());
    }
    Duration notice = a.get().notice();
    if (notice.compareTo(minimum) < 0) {
      return new Step(w, List.of(),
          List.of("maintenance " + o.id() + " was announced with notice " + notice + " < " + minimum + ", so it counts"),
          breakdowns ? List.of("maintenance announced " + Texts.ahead(notice) + ", notice < "
              + Texts.duration(minimum) + ", so " + Texts.duration(w.totalLength()) + " counts") : List.of());
    }
    Interval promised = a.get().promisedWindow();
    WindowSet inside = w.intersection(promised);
    WindowSet overrun = w.minus(promised);
    List<String> notes = List.of();
    List<String> remarks = List.of();
    if (!overrun.isEmpty()) {
      notes = List.of("maintenance " + o.id() + " ran outside its announced window " + promised
          + " for " + overrun.totalLength() + "; that time counts");
      if (breakdowns) {
        remarks = List.of("overrun " + Texts.duration(overrun.totalLength()) + " counts");
      }
    }
    List<MaintenancePart> parts = List.of();
    if (!inside.isEmpty()) {
      parts = List.of(new MaintenancePart(o.id(), index, inside, ExclusionReason.ANNOUNCED_MAINTENANCE,
          "announced " + a.get().announcedAt() + " with notice " + notice + " >= " + minimum
              + " for window " + promised,
          breakdowns ? "announced maintenance window " + Texts.window(promised) + " (announced "
              + Texts.ahead(notice) + ", notice >= " + Texts.duration(minimum) + ")" : null));
    }
    return new Step(overrun, parts, notes, remarks);
  }

  /**
   * Excluded maintenance beyond the budget, in time order, goes back to counted: the parts with
   * what they still exclude, and what each outage's part (by its index) counts again. Only
   * maintenance that would otherwise be downtime uses the budget: time in {@code countedAnyway}
   * uses none of it.
   */
  private Budgeted applyBudget(List<MaintenancePart> parts, WindowSet countedAnyway) {
    if (rules.maintenanceBudget().isEmpty() || parts.isEmpty()) {
      return new Budgeted(parts, List.of(), List.of());
    }
    Duration budget = rules.maintenanceBudget().get();
    // Maintenance during time that counts anyway (an unplanned outage at the same time) excludes
    // nothing, so it uses none of the budget.
    WindowSet union = excludedOf(parts).minus(countedAnyway);
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
      return new Budgeted(parts, List.of(), List.of());
    }
    Interval beyond = Interval.of(cutoff, Instant.MAX);
    List<MaintenancePart> kept = new ArrayList<>(parts.size());
    List<Regained> regained = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (MaintenancePart m : parts) {
      WindowSet over = m.excluded().intersection(beyond);
      if (over.isEmpty()) {
        kept.add(m);
        continue;
      }
      kept.add(m.excluding(m.excluded().minus(over)));
      if (m.index() >= 0) {
        regained.add(new Regained(m.index(), over, breakdowns ? Texts.duration(over.totalLength())
            + " beyond the maintenance budget of " + Texts.duration(budget) + " per period counts again" : null));
      }
      notes.add("maintenance " + m.id() + " beyond the budget of " + budget + " per period counts: " + over);
    }
    return new Budgeted(kept, regained, notes);
  }

  /**
   * Minimum downtime, then granularity. A stretch is judged by its whole length, including
   * downtime {@code around} the measured window that it continues into. {@code sources} say what
   * each source contributed to {@code all}, to name the outages behind each exclusion. Returns
   * what is left and the exclusions made.
   */
  private Shaped shape(WindowSet all, WindowSet around, List<Source> sources, BillingPeriod period,
      WindowSet measured) {
    List<Exclusion> exclusions = new ArrayList<>(0);
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
      List<List<String>> ids = idsTouching(sources, shortOnes);
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
      if (g.threshold().isPresent()) {
        shaped = slicesDownMoreThan(all, anchor, slice, g.threshold().orElseThrow().toNanos());
      } else {
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
      }
      result = WindowSet.of(shaped).intersection(measured);
      WindowSet dropped = all.minus(result);
      if (!dropped.isEmpty()) {
        List<String> ids = new ArrayList<>();
        for (List<String> perWindow : idsTouching(sources, dropped.windows())) {
          ids.addAll(perWindow);
        }
        exclusions.add(g.threshold().isPresent()
            ? new Exclusion(dropped, ExclusionReason.BELOW_SLICE_THRESHOLD, inOrderOf(sources, ids),
                "only slices of " + g.slice().orElseThrow() + " down more than " + g.threshold().orElseThrow()
                    + " count")
            : new Exclusion(dropped, ExclusionReason.INCOMPLETE_SLICE, inOrderOf(sources, ids),
                "only completed slices of " + g.slice().orElseThrow() + " count"));
      }
    }
    return new Shaped(result, exclusions);
  }

  /**
   * The slices, aligned to {@code anchor}, whose downtime in {@code all} adds up to more than
   * {@code threshold} nanoseconds, not sorted. A slice a window covers from start to end is down
   * throughout, more than any threshold shorter than the slice; only the slices where a window
   * starts or ends are summed, so the work is per window, not per slice.
   */
  private static List<Interval> slicesDownMoreThan(WindowSet all, Instant anchor, long slice, long threshold) {
    TreeMap<Long, Long> downInSlice = new TreeMap<>();
    List<Interval> out = new ArrayList<>();
    for (Interval w : all) {
      long from = nanosSince(anchor, w.getStart());
      long to = nanosSince(anchor, w.getEnd());
      long first = Math.floorDiv(from, slice);
      long last = ceilDiv(to, slice) - 1;
      if (first == last) {
        downInSlice.merge(first, to - from, Long::sum);
      } else {
        downInSlice.merge(first, (first + 1) * slice - from, Long::sum);
        downInSlice.merge(last, to - last * slice, Long::sum);
        if (first + 1 < last) {
          out.add(Interval.of(anchor.plusNanos((first + 1) * slice), anchor.plusNanos(last * slice)));
        }
      }
    }
    for (Map.Entry<Long, Long> e : downInSlice.entrySet()) {
      if (e.getValue() > threshold) {
        long s = e.getKey() * slice;
        out.add(Interval.of(anchor.plusNanos(s), anchor.plusNanos(s + slice)));
      }
    }
    return out;
  }

  private Duration denominator(BillingPeriod period, Interval measured, WindowSet excludedMaintenance) {
    return switch (rules.denominator()) {
      case WHOLE_PERIOD -> period.length();
      case ACTIVE_PART -> measured.equals(period.window()) ? period.length() : measured.toDuration();
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
    if (denominator.isZero() || downtime.isZero()) {
      return Ratio.ONE;
    }
    Ratio down = Ratio.of(downtime, denominator).min(Ratio.ONE);
    return down.complement();
  }

  /** The starts and ends of what each outage kept, as sweep events in time order. */
  private static List<Event> sortedEvents(List<Touched> touched) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < touched.size(); i++) {
      for (Interval w : touched.get(i).kept()) {
        events.add(new Event(w.getStart(), true, i));
        events.add(new Event(w.getEnd(), false, i));
      }
    }
    events.sort(Event.ORDER);
    return events;
  }

  /**
   * Each instant counts times the largest share of the outages counted at it: one sweep over the
   * starts and ends of what each outage kept, summing time per largest share.
   */
  private static Duration weighted(List<Touched> touched) {
    List<Event> events = sortedEvents(touched);
    TreeMap<Ratio, Integer> active = new TreeMap<>();
    Map<Ratio, Duration> timeByShare = new LinkedHashMap<>();
    Instant prev = null;
    for (Event e : events) {
      if (prev != null && !active.isEmpty() && e.at().isAfter(prev)) {
        timeByShare.merge(active.lastKey(), Duration.between(prev, e.at()), Duration::plus);
      }
      Ratio share = touched.get(e.index()).outage().impact().share();
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
  private static List<Contribution> attribute(WindowSet finalSet, List<Touched> touched) {
    Duration[] attributed = new Duration[touched.size()];
    Arrays.fill(attributed, Duration.ZERO);
    List<Interval> finals = finalSet.windows();
    Duration[] covered = new Duration[finals.size()];
    Arrays.fill(covered, Duration.ZERO);
    int[] first = new int[finals.size()];
    Arrays.fill(first, Integer.MAX_VALUE);
    List<Event> events = sortedEvents(touched);
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
    for (int i = 0; i < touched.size(); i++) {
      Touched t = touched.get(i);
      if (!t.kept().isEmpty()) {
        out.add(new Contribution(t.outage().id(), t.kept(), attributed[i]));
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
   * For each of the sorted, disjoint {@code windows}, the ids of the sources whose counted time
   * overlaps it, in the order of {@code sources}. Each counted window is found among {@code
   * windows} by binary search.
   */
  private static List<List<String>> idsTouching(List<Source> sources, List<Interval> windows) {
    List<TreeSet<Integer>> found = new ArrayList<>(windows.size());
    for (int k = 0; k < windows.size(); k++) {
      found.add(new TreeSet<>());
    }
    for (int i = 0; i < sources.size(); i++) {
      for (Interval c : sources.get(i).counted()) {
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
        ids.add(sources.get(i).id());
      }
      out.add(ids);
    }
    return out;
  }

  /** The distinct ids, in the order of the {@code sources}. */
  private static List<String> inOrderOf(List<Source> sources, List<String> ids) {
    Set<String> wanted = new LinkedHashSet<>(ids);
    List<String> out = new ArrayList<>(wanted.size());
    for (Source source : sources) {
      if (wanted.remove(source.id())) {
        out.add(source.id());
      }
    }
    return out;
  }

  /** The union of what the parts exclude. */
  private static WindowSet excludedOf(List<MaintenancePart> parts) {
    List<WindowSet> excluded = new ArrayList<>(parts.size());
    for (MaintenancePart m : parts) {
      excluded.add(m.excluded());
    }
    return unionOf(excluded);
  }

  private static List<String> idsOf(List<MaintenancePart> parts) {
    Set<String> ids = new LinkedHashSet<>();
    for (MaintenancePart m : parts) {
      if (m.id() != null) {
        ids.add(m.id());
      }
    }
    return List.copyOf(ids);
  }

  private static long nanosSince(Instant anchor, Instant t) {
    Duration d = Duration.between(anchor, t);
    // Overflow raises ArithmeticException, as BigInteger.longValueExact did; no BigInteger needed.
    return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000_000L), d.getNano());
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** A start or end of an outage's counted window, for the sweeps. Ends sort before starts. */
  private record Event(Instant at, boolean start, int index) {
    static final Comparator<Event> ORDER = (a, b) -> {
      int c = a.at.compareTo(b.at);
      if (c != 0) {
        return c;
      }
      c = Boolean.compare(a.start, b.start);
      return c != 0 ? c : Integer.compare(a.index, b.index);
    };
  }

  /**
   * Maintenance of one outage (announced, or in a standing window) that is (still) excluded. The
   * id is null for a standing window that excludes all telemetry time inside it; the index is the
   * outage's among those touching the measured window, or -1.
   *
   * @param humanDetail for the breakdown; null when the measurer builds none
   */
  private record MaintenancePart(
      String id, int index, WindowSet excluded, ExclusionReason reason, String detail, String humanDetail) {
    MaintenancePart excluding(WindowSet windows) {
      return new MaintenancePart(id, index, windows, reason, detail, humanDetail);
    }
  }

  /** What of one outage's time can count, and the exclusions, maintenance, notes and remarks that say why. */
  private record Judged(WindowSet counted, List<Exclusion> exclusions, List<MaintenancePart> maintenance,
      List<String> notes, List<String> remarks) {
    static final Judged NOTHING = new Judged(WindowSet.empty(), List.of(), List.of(), List.of(), List.of());

    static Judged excluded(Exclusion exclusion) {
      return new Judged(WindowSet.empty(), List.of(exclusion), List.of(), List.of(), List.of());
    }
  }

  /**
   * An outage's judgment for {@link #measureSimply}: with the exclusions of the maintenance it
   * takes out (made from its maintenance parts, as {@link #measure} does) and, when {@code
   * shared}, its contribution made once (what it counts, attributed in full).
   */
  private record Whole(Outage outage, Judged judged, List<Exclusion> maintenance, Contribution contribution) {
    static Whole of(Outage o, Judged judged, boolean shared) {
      List<Exclusion> maintenance = List.of();
      for (MaintenancePart m : judged.maintenance()) {
        if (!m.excluded().isEmpty()) {
          maintenance = appended(maintenance,
              List.of(new Exclusion(m.excluded(), m.reason(), List.of(m.id()), m.detail())));
        }
      }
      if (maintenance.size() > 1) {
        maintenance = List.copyOf(maintenance);
      }
      if (!shared) {
        return new Whole(o, judged, maintenance, null);
      }
      // kept: the judgment's lists as compact as they go (most are empty); its maintenance parts
      // (which the exclusions above stand for) and remarks (for a breakdown) measureSimply never reads
      Judged kept = new Judged(judged.counted(), List.copyOf(judged.exclusions()), List.of(),
          List.copyOf(judged.notes()), List.of());
      return new Whole(o, kept, maintenance, judged.counted().isEmpty() ? null : contributionOf(o, judged));
    }

    static Contribution contributionOf(Outage o, Judged judged) {
      return new Contribution(o.id(), judged.counted(), judged.counted().totalLength());
    }
  }

  /** A step of exclusion: the time left counting, the maintenance taken out, notes and remarks. */
  private record Step(WindowSet left, List<MaintenancePart> parts, List<String> notes, List<String> remarks) {}

  /** Maintenance of the outage at {@code index} beyond the budget, counted again, with a remark (null without breakdowns). */
  private record Regained(int index, WindowSet windows, String remark) {}

  /** The maintenance parts after the budget, what counts again, and the notes. */
  private record Budgeted(List<MaintenancePart> parts, List<Regained> regained, List<String> notes) {}

  /** What the minimum and granularity leave, and the exclusions they made. */
  private record Shaped(WindowSet result, List<Exclusion> exclusions) {}

  /** Counted time and the id it is named by in exclusions: an outage's, or {@code telemetry}. */
  private record Source(String id, WindowSet counted) {}

  /**
   * An outage touching the measured window: what of it counts, the remarks for its breakdown,
   * and what it kept after the minimum and granularity (null until shaped).
   */
  private record Touched(Outage outage, WindowSet counted, List<String> remarks, WindowSet kept) {
    Touched regaining(Regained r) {
      List<String> more = remarks;
      if (r.remark() != null) {
        more = new ArrayList<>(remarks);
        more.add(r.remark());
      }
      return new Touched(outage, counted.union(r.windows()), more, kept);
    }
  }
}
