package dev.amends.core.measure;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.WindowSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.threeten.extra.Interval;

/**
 * The measurer against a tiny reference that is obviously right: one day of June 2024 as a
 * bitmap of 1,440 minutes, each rule applied minute by minute. Outages lie well inside the day
 * and the period, so the period's edges play no part.
 */
class MeasurerReferenceTest {
  private static final Instant DAY = utc("2024-06-10T00:00");
  private static final int MINUTES = 1440;

  @Property(tries = 300)
  void measurementAgreesWithAMinuteByMinuteReference(
      @ForAll("outageLists") List<Outage> outages, @ForAll("rules") MeasurementRules rules) {
    Measurement m = Measurer.of(rules).measure(ON_CLUSTER_2, JUN_2024_UTC, OutageLog.of(outages));
    Reference ref = new Reference(rules, outages);

    assertThat(m.counted()).isEqualTo(ref.windows(ref.finalDown));
    assertThat(m.downtime()).isEqualTo(Duration.ofMinutes(count(ref.finalDown)));
    Duration sum = m.contributions().stream().map(Contribution::attributed).reduce(Duration.ZERO, Duration::plus);
    assertThat(sum).isEqualTo(m.downtime());
    for (int i = 0; i < outages.size(); i++) {
      String id = outages.get(i).id();
      boolean[] expectedKept = and(ref.countable[i], ref.finalDown);
      WindowSet kept = m.contributions().stream().filter(c -> c.outageId().equals(id)).map(Contribution::counted)
          .findFirst().orElse(WindowSet.empty());
      assertThat(kept).as("counted time of %s", id).isEqualTo(ref.windows(expectedKept));
      assertThat(excluded(m, id, ExclusionReason.ANNOUNCED_MAINTENANCE))
          .as("maintenance excluded of %s", id).isEqualTo(ref.windows(ref.maintenance[i]));
      assertThat(excluded(m, id, ExclusionReason.EXCLUDED_CAUSE))
          .as("cause excluded of %s", id).isEqualTo(ref.windows(ref.causeExcluded[i]));
      assertThat(excluded(m, id, ExclusionReason.DEGRADED_SERVICE))
          .as("degraded of %s", id).isEqualTo(ref.windows(ref.degraded[i]));
    }
    assertThat(excludedAll(m, ExclusionReason.SHORTER_THAN_MINIMUM)).isEqualTo(ref.windows(ref.tooShort));
    assertThat(excludedAll(m, ExclusionReason.INCOMPLETE_SLICE)).isEqualTo(ref.windows(ref.incomplete));
  }

  private static WindowSet excluded(Measurement m, String id, ExclusionReason reason) {
    List<Interval> out = new ArrayList<>();
    m.exclusions().stream().filter(e -> e.reason() == reason && e.outageIds().equals(List.of(id)))
        .forEach(e -> out.addAll(e.windows().windows()));
    return WindowSet.of(out);
  }

  private static WindowSet excludedAll(Measurement m, ExclusionReason reason) {
    List<Interval> out = new ArrayList<>();
    m.exclusions().stream().filter(e -> e.reason() == reason).forEach(e -> out.addAll(e.windows().windows()));
    return WindowSet.of(out);
  }

  /** The rules applied to a bitmap of minutes, in the order the measurer documents. */
  static final class Reference {
    final boolean[][] countable;
    final boolean[][] maintenance;
    final boolean[][] causeExcluded;
    final boolean[][] degraded;
    final boolean[] tooShort = new boolean[MINUTES];
    final boolean[] incomplete = new boolean[MINUTES];
    final boolean[] finalDown;

    Reference(MeasurementRules rules, List<Outage> outages) {
      int n = outages.size();
      countable = new boolean[n][MINUTES];
      maintenance = new boolean[n][MINUTES];
      causeExcluded = new boolean[n][MINUTES];
      degraded = new boolean[n][MINUTES];
      for (int i = 0; i < n; i++) {
        Outage o = outages.get(i);
        for (int m = 0; m < MINUTES; m++) {
          if (!in(o.window(), m)) {
            continue;
          }
          if (rules.excludedCauses().contains(o.cause())) {
            causeExcluded[i][m] = true;
          } else if (o.impact().level() == Impact.Level.DEGRADED && !rules.degradedCounts()) {
            degraded[i][m] = true;
          } else if (o.kind() == OutageKind.MAINTENANCE && rules.maintenanceNotice().isPresent()
              && o.announcement().isPresent()
              && o.announcement().get().notice().compareTo(rules.maintenanceNotice().get()) >= 0
              && in(o.announcement().get().promisedWindow(), m)) {
            maintenance[i][m] = true;
          } else {
            countable[i][m] = true;
          }
        }
      }
      if (rules.maintenanceBudget().isPresent()) {
        // The budget's minutes go, in time order, to excluded maintenance that is not down anyway;
        // from the first minute beyond it, all excluded maintenance counts again.
        long budget = rules.maintenanceBudget().get().toMinutes();
        int cutoff = MINUTES;
        for (int m = 0; m < MINUTES; m++) {
          if (any(maintenance, m) && !any(countable, m)) {
            if (budget == 0) {
              cutoff = m;
              break;
            }
            budget--;
          }
        }
        for (int i = 0; i < n; i++) {
          for (int m = cutoff; m < MINUTES; m++) {
            if (maintenance[i][m]) {
              maintenance[i][m] = false;
              countable[i][m] = true;
            }
          }
        }
      }
      boolean[] down = new boolean[MINUTES];
      for (int m = 0; m < MINUTES; m++) {
        down[m] = any(countable, m);
      }
      long minimum = rules.minimumDowntime().toMinutes();
      for (int m = 0; m < MINUTES; ) {
        if (!down[m]) {
          m++;
          continue;
        }
        int end = m;
        while (end < MINUTES && down[end]) {
          end++;
        }
        if (end - m < minimum) {
          for (int k = m; k < end; k++) {
            down[k] = false;
            tooShort[k] = true;
          }
        }
        m = end;
      }
      finalDown = down.clone();
      Granularity g = rules.granularity();
      if (!g.isExact()) {
        int slice = (int) g.slice().orElseThrow().toMinutes(); // the day starts on a slice boundary
        for (int s = 0; s < MINUTES; s += slice) {
          boolean anyDown = false;
          boolean allDown = true;
          for (int k = s; k < s + slice; k++) {
            anyDown |= down[k];
            allDown &= down[k];
          }
          boolean counts = g.countsStartedSlices() ? anyDown : allDown;
          for (int k = s; k < s + slice; k++) {
            finalDown[k] = counts;
            incomplete[k] = down[k] && !counts;
          }
        }
      }
    }

    WindowSet windows(boolean[] minutes) {
      List<Interval> out = new ArrayList<>();
      for (int m = 0; m < MINUTES; m++) {
        if (minutes[m]) {
          out.add(Interval.of(DAY.plus(Duration.ofMinutes(m)), DAY.plus(Duration.ofMinutes(m + 1))));
        }
      }
      return WindowSet.of(out);
    }

    private static boolean in(Interval w, int minute) {
      return w.contains(DAY.plus(Duration.ofMinutes(minute)));
    }

    private static boolean any(boolean[][] rows, int m) {
      for (boolean[] row : rows) {
        if (row[m]) {
          return true;
        }
      }
      return false;
    }
  }

  private static boolean[] and(boolean[] a, boolean[] b) {
    boolean[] out = new boolean[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] && b[i];
    }
    return out;
  }

  private static long count(boolean[] minutes) {
    long n = 0;
    for (boolean b : minutes) {
      n += b ? 1 : 0;
    }
    return n;
  }

  // ---- generators ----

  @Provide
  Arbitrary<MeasurementRules> rules() {
    Arbitrary<Integer> notice = Arbitraries.of(0, 1, 2); // none, 24 h, 24 h with a 30-minute budget
    Arbitrary<Boolean> customerExcluded = Arbitraries.of(false, true);
    Arbitrary<Boolean> degradedCounts = Arbitraries.of(false, true);
    Arbitrary<Long> minimum = Arbitraries.of(0L, 5L, 15L);
    Arbitrary<Granularity> granularity = Arbitraries.of(Granularity.exact(),
        Granularity.startedSlices(Duration.ofMinutes(5)), Granularity.completedSlices(Duration.ofMinutes(5)));
    return Combinators.combine(notice, customerExcluded, degradedCounts, minimum, granularity)
        .as((nt, ce, dc, min, g) -> {
          MeasurementRules.Builder b = MeasurementRules.builder().degradedCounts(dc)
              .minimumDowntime(Duration.ofMinutes(min)).granularity(g);
          if (nt >= 1) {
            b.maintenanceNotice(Duration.ofHours(24));
          }
          if (nt == 2) {
            b.maintenanceBudget(Duration.ofMinutes(30));
          }
          if (ce) {
            b.addExcludedCauses(Cause.CUSTOMER);
          }
          return b.build();
        });
  }

  @Provide
  Arbitrary<List<Outage>> outageLists() {
    return outage().list().ofMaxSize(7).map(NumberedOutages::numbered);
  }

  private Arbitrary<Outage> outage() {
    Arbitrary<Integer> start = Arbitraries.integers().between(60, 1200);
    Arbitrary<Integer> length = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(0, 12)),
        Tuple.of(3, Arbitraries.integers().between(12, 150)));
    Arbitrary<OutageKind> kind = Arbitraries.of(OutageKind.values());
    Arbitrary<Integer> promisedOffset = Arbitraries.integers().between(-40, 40);
    Arbitrary<Integer> promisedLength = Arbitraries.integers().between(1, 90);
    Arbitrary<Integer> noticeHours = Arbitraries.integers().between(-1, 30);
    Arbitrary<Impact> impact = Arbitraries.frequency(Tuple.of(4, Impact.full()), Tuple.of(1, Impact.degraded()));
    Arbitrary<Cause> cause = Arbitraries.frequency(Tuple.of(4, Cause.PROVIDER), Tuple.of(1, Cause.CUSTOMER));
    return Combinators.combine(start, length, kind, promisedOffset, promisedLength, noticeHours, impact, cause)
        .as((s, l, k, po, pl, nh, im, c) -> {
          Instant begin = DAY.plus(Duration.ofMinutes(s));
          Outage.Builder b = Outage.builder().id("O").addScopes(CLUSTER_2)
              .window(begin, begin.plus(Duration.ofMinutes(l))).kind(k).impact(im).cause(c);
          if (k == OutageKind.MAINTENANCE && nh >= 0) {
            Instant promisedStart = begin.plus(Duration.ofMinutes(po));
            b.announcement(Announcement.of(promisedStart.minus(Duration.ofHours(nh)),
                Interval.of(promisedStart, promisedStart.plus(Duration.ofMinutes(pl)))));
          }
          return b.build();
        });
  }
}
