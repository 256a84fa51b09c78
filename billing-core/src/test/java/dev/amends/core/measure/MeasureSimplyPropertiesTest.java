package dev.amends.core.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Subscription;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.threeten.extra.Interval;

/**
 * Under rules without standing windows, budget, minimum downtime, granularity or weighting, a
 * measurer without breakdowns skips the steps those rules make no-ops; its measurement is the
 * general path's (a measurer with breakdowns, whose every other figure is the same), breakdown
 * aside: for random records on a tree of nested scopes ({@code svc}, {@code svc/c-1}, {@code
 * svc/c-1/n-1}, ...), overlapping, crossing the period's edges, of every kind, cause and impact,
 * announced maintenance with short and long notice, reported before or after their start; any
 * placements and active windows; monthly periods in three zones.
 */
class MeasureSimplyPropertiesTest {
  static final List<Scope> SCOPES = List.of(Scope.of("svc"), Scope.of("svc/c-1"), Scope.of("svc/c-2"),
      Scope.of("svc/c-1/n-1"), Scope.of("svc/c-1/n-2"), Scope.of("svc/c-2/n-3"), Scope.of("other"),
      Scope.of("other/n-4"));
  static final List<BillingPeriod> PERIODS = List.of(BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of("UTC")),
      BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of("Asia/Tokyo")),
      BillingPeriod.month(YearMonth.of(2024, 6), ZoneId.of("America/Los_Angeles")));
  static final Instant JUNE = Instant.parse("2024-06-01T00:00:00Z");

  @Property(tries = 400)
  void theShortPathMeasuresAsTheGeneralOne(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("subscriptions") Subscription sub,
      @ForAll("periods") BillingPeriod period,
      @ForAll("simpleRules") MeasurementRules rules) {
    assertShortPathMeasuresAsGeneral(outages, sub, period, rules);
  }

  /** The short path's measurement is the general one's without its breakdown. */
  private static void assertShortPathMeasuresAsGeneral(
      List<Outage> outages, Subscription sub, BillingPeriod period, MeasurementRules rules) {
    OutageLog log = OutageLog.of(outages);

    Measurement general = Measurer.of(rules).measure(sub, period, log);
    Measurement simple = Measurer.of(rules).withoutBreakdowns().measure(sub, period, log);

    assertThat(simple).isEqualTo(Measurement.builder().from(general).breakdown(List.of()).build());
  }

  /** One measurer without breakdowns per rules, kept from try to try. */
  static final Map<MeasurementRules, Measurer> KEPT = new ConcurrentHashMap<>();

  /**
   * A measurer kept from log to log judges an outage wholly inside the measured window once and
   * shares that judgment; the records of every try have the same ids ({@code O-1}, {@code O-2},
   * ...) with other windows, kinds and causes, so a judgment used for another record with the
   * same id would show here.
   */
  @Property(tries = 400)
  void aMeasurerKeptFromLogToLogMeasuresAsAFreshOne(
      @ForAll("outageLists") List<Outage> outages,
      @ForAll("subscriptions") Subscription sub,
      @ForAll("periods") BillingPeriod period,
      @ForAll("simpleRules") MeasurementRules rules) {
    OutageLog log = OutageLog.of(outages);
    Measurer kept = KEPT.computeIfAbsent(rules, r -> Measurer.of(r).withoutBreakdowns());

    Measurement expected = Measurement.builder().from(Measurer.of(rules).measure(sub, period, log))
        .breakdown(List.of()).build();

    assertThat(kept.measure(sub, period, log)).isEqualTo(expected);
    assertThat(kept.measure(sub, period, log)).isEqualTo(expected); // now from what it judged
  }

  @Provide
  Arbitrary<MeasurementRules> simpleRules() {
    return Arbitraries.of(
        MeasurementRules.defaults(),
        MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24))
            .addExcludedCauses(Cause.CUSTOMER, Cause.FORCE_MAJEURE).degradedCounts(false).build(),
        MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).degradedCounts(true)
            .denominator(Denominator.ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE).build(),
        MeasurementRules.builder().maintenanceNotice(Duration.ofHours(6)).denominator(Denominator.WHOLE_PERIOD).build(),
        MeasurementRules.builder().partialImpact(PartialImpact.atLeast(Ratio.of(1, 2))).build(),
        MeasurementRules.builder().countFrom(CountFrom.CUSTOMER_REPORT).addExcludedCauses(Cause.THIRD_PARTY).build());
  }

  @Provide
  Arbitrary<BillingPeriod> periods() {
    return Arbitraries.of(PERIODS);
  }

  @Provide
  Arbitrary<Subscription> subscriptions() {
    Arbitrary<List<Scope>> placements = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(SCOPES).map(List::of)),
        Tuple.of(1, Arbitraries.of(SCOPES).list().ofMinSize(2).ofMaxSize(3).uniqueElements()));
    Arbitrary<Long> from = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Long.MIN_VALUE)),
        Tuple.of(1, Arbitraries.longs().between(-20 * 60, 40 * 60)));
    Arbitrary<Long> until = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Long.MAX_VALUE)),
        Tuple.of(1, Arbitraries.longs().between(29 * 1440, 31 * 1440)));
    return Combinators.combine(placements, from, until).as((p, f, u) -> subscription("sub-x", p, f, u));
  }

  static Subscription subscription(String id, List<Scope> placements, long fromMinute, long untilMinute) {
    Instant from = fromMinute == Long.MIN_VALUE ? Instant.parse("2000-01-01T00:00:00Z")
        : JUNE.plus(Duration.ofMinutes(fromMinute));
    Instant until = untilMinute == Long.MAX_VALUE ? Instant.MAX : JUNE.plus(Duration.ofMinutes(untilMinute));
    Set<Scope> set = new LinkedHashSet<>(placements);
    return Subscription.builder().id(id).plan("plan").prices(
            dev.amends.core.account.PriceSchedule.monthly(org.joda.money.Money.parse("USD 20.00")))
        .active(Interval.of(from, until)).placements(set).build();
  }

  @Provide
  Arbitrary<List<Outage>> outageLists() {
    return outages().list().ofMaxSize(10).map(NumberedOutages::numbered);
  }

  /**
   * Records at minute resolution from a day before June 2024 to a day after it (so some cross
   * a zone's period edge), of every kind, cause and impact (degraded, a quarter or half of the
   * users), announced maintenance with notice from none to two days (the rules' 24 h falls
   * inside), mostly reported by the customer, from 20 minutes before the start to 10 hours after it, on one scope of the tree.
   */
  @Provide
  Arbitrary<Outage> outages() {
    return outagesStartingBetween(-1440, 31 * 1440);
  }

  /**
   * As {@link #theShortPathMeasuresAsTheGeneralOne}, for records that all start within six hours
   * on 10 June: most measurements then count windows that overlap, in order of start or (counted
   * from the customer's report, or past announced maintenance) out of it, and a short path that
   * took them for apart would attribute time twice.
   */
  @Property(tries = 300)
  void theShortPathMeasuresAsTheGeneralOneWhenRecordsCrowd(
      @ForAll("crowdedOutageLists") List<Outage> outages,
      @ForAll("subscriptions") Subscription sub,
      @ForAll("periods") BillingPeriod period,
      @ForAll("simpleRules") MeasurementRules rules) {
    assertShortPathMeasuresAsGeneral(outages, sub, period, rules);
  }

  @Provide
  Arbitrary<List<Outage>> crowdedOutageLists() {
    return outagesStartingBetween(9 * 1440, 9 * 1440 + 360).list().ofMinSize(2).ofMaxSize(8)
        .map(NumberedOutages::numbered);
  }

  /** {@link #outages()} starting between two minutes of June 2024 (from its start). */
  Arbitrary<Outage> outagesStartingBetween(long fromMinute, long toMinute) {
    Arbitrary<Long> start = Arbitraries.longs().between(fromMinute, toMinute);
    Arbitrary<Long> length = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.longs().between(0, 15)),
        Tuple.of(5, Arbitraries.longs().between(15, 400)),
        Tuple.of(1, Arbitraries.longs().between(400, 3 * 1440)));
    Arbitrary<OutageKind> kind = Arbitraries.frequency(
        Tuple.of(5, OutageKind.UNPLANNED), Tuple.of(4, OutageKind.MAINTENANCE),
        Tuple.of(1, OutageKind.EMERGENCY_MAINTENANCE));
    Arbitrary<Long> promisedOffset = Arbitraries.longs().between(-120, 120);
    Arbitrary<Long> promisedLength = Arbitraries.longs().between(1, 360);
    Arbitrary<Integer> noticeHours = Arbitraries.integers().between(-1, 48);
    Arbitrary<Impact> impact = Arbitraries.of(Impact.full(), Impact.degraded(),
        Impact.full().withAffectedShare(Ratio.of(1, 4)), Impact.full().withAffectedShare(Ratio.of(1, 2)));
    Arbitrary<Long> reportedAfter = Arbitraries.longs().between(-40, 600); // below -20: never reported
    Arbitrary<Cause> cause = Arbitraries.frequency(
        Tuple.of(6, Cause.PROVIDER), Tuple.of(1, Cause.CUSTOMER), Tuple.of(1, Cause.THIRD_PARTY));
    Arbitrary<Scope> scope = Arbitraries.of(SCOPES);
    return Combinators.combine(start, length, kind, promisedOffset, promisedLength, noticeHours, impact, cause)
        .as((s, l, k, po, pl, nh, im, c) -> {
          Instant begin = JUNE.plus(Duration.ofMinutes(s));
          Outage.Builder b = Outage.builder().id("O").addScopes(SCOPES.get(0))
              .window(begin, begin.plus(Duration.ofMinutes(l))).kind(k).impact(im).cause(c);
          if (k == OutageKind.MAINTENANCE && nh >= 0) {
            Instant promisedStart = begin.plus(Duration.ofMinutes(po));
            b.announcement(Announcement.of(promisedStart.minus(Duration.ofHours(nh)),
                Interval.of(promisedStart, promisedStart.plus(Duration.ofMinutes(pl)))));
          }
          return b.build();
        })
        .flatMap(o -> Combinators.combine(scope, reportedAfter).as((sc, r) -> {
          Outage.Builder b = Outage.builder().from(o).scopes(List.of(sc));
          if (r >= -20) { // some reported before the recorded start
            b.reportedAt(o.window().getStart().plus(Duration.ofMinutes(r)));
          }
          return b.build();
        }));
  }
}
