package dev.amends.benchmarks;

import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.threeten.extra.Interval;

/**
 * A deterministic generator of outage records for benchmarks: the same count and seed give the
 * same records on every run and every machine.
 *
 * <p>The mix, per record: 60 % blips of 10 s to 4 min (under a 5-minute minimum), 25 %
 * unplanned outages of 5 to 60 min (one in ten degraded), 10 % maintenance of 1 to 3 h announced
 * for a window covering its first hour or two (half with 10 days' notice, half with 1 hour), and
 * 5 % emergency maintenance of 10 to 90 min. Starts are uniform over the window given, to the
 * second.
 */
public final class SyntheticOutages {
  private SyntheticOutages() {}

  /**
   * Records on one scope, starting inside a window.
   *
   * @param count how many, not negative
   * @param seed the random seed
   * @param scope the scope every record hits, not null
   * @param within where the records start, not empty, not null
   * @return the records, ids {@code SYN-0} upwards, not null
   */
  public static List<Outage> onOneScope(int count, long seed, Scope scope, Interval within) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    SplittableRandom random = new SplittableRandom(seed);
    long seconds = within.toDuration().getSeconds();
    List<Outage> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant start = within.getStart().plusSeconds(random.nextLong(seconds));
      int kind = random.nextInt(100);
      Outage.Builder b = Outage.builder().id("SYN-" + i).addScopes(scope);
      if (kind < 60) {
        b.window(start, start.plusSeconds(10 + random.nextInt(230)));
      } else if (kind < 85) {
        b.window(start, start.plus(Duration.ofMinutes(5 + random.nextInt(56))));
        if (random.nextInt(10) == 0) {
          b.impact(Impact.degraded());
        }
      } else if (kind < 95) {
        Instant end = start.plus(Duration.ofMinutes(60 + random.nextInt(121)));
        Instant promisedEnd = start.plus(Duration.ofMinutes(60 + random.nextInt(61)));
        Duration notice = random.nextBoolean() ? Duration.ofDays(10) : Duration.ofHours(1);
        b.window(start, end).kind(OutageKind.MAINTENANCE)
            .announcement(Announcement.of(start.minus(notice), Interval.of(start, promisedEnd)));
      } else {
        b.window(start, start.plus(Duration.ofMinutes(10 + random.nextInt(81))))
            .kind(OutageKind.EMERGENCY_MAINTENANCE);
      }
      out.add(b.build());
    }
    return out;
  }

  /**
   * Unplanned outages on one scope, evenly spaced and each lasting half of its share of the
   * window, so that no two overlap or touch: as many separate downtime windows as records, the
   * worst case for anything that loops over outages per window.
   *
   * @param count how many, positive
   * @param scope the scope every record hits, not null
   * @param within where the records lie, at least {@code 2 × count} ms long, not null
   * @return the records, ids {@code DIS-0} upwards, not null
   */
  public static List<Outage> disjointOnOneScope(int count, Scope scope, Interval within) {
    if (count <= 0) {
      throw new IllegalArgumentException("count must be positive: " + count);
    }
    long span = within.toDuration().toMillis();
    long length = span / count / 2;
    if (length < 1) {
      throw new IllegalArgumentException("window too short for " + count + " disjoint outages: " + within);
    }
    List<Outage> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant start = within.getStart().plusMillis(span * i / count);
      out.add(Outage.builder().id("DIS-" + i).addScopes(scope).window(start, start.plusMillis(length)).build());
    }
    return out;
  }
}
