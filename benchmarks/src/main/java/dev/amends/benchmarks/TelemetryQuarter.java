package dev.amends.benchmarks;

import dev.amends.core.account.Account;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.TelemetryRules;
import dev.amends.core.money.Rounding;
import dev.amends.core.scope.Scope;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.threeten.extra.Interval;

/**
 * One {@link CreditEngine#decide} over a quarter of one-minute telemetry: 132,480 samples (the
 * 92 days of the third quarter of 2025, UTC) for one subscription billed quarterly, judged as bad
 * timeslices (a minute with more than 5 % errors is down) or as averaged ratios. The target is
 * under 100 ms a decision; before samples stopped being deduplicated through a hash set (whose
 * hashes collided for every sample of the same length) it took about two minutes.
 *
 * <p>The samples come from a fixed seed: 1,000 to 10,000 requests a minute, no errors in most
 * minutes, and about one minute in a hundred with 0 to 20 % errors.
 *
 * <pre>
 * mvn -B -ntp -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar TelemetryQuarter -f 1 -wi 2 -i 3
 * </pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@org.openjdk.jmh.annotations.Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TelemetryQuarter {
  static final Scope API = Scope.of("api");
  static final BillingSchedule QUARTERS = BillingSchedule.calendar(BillingCycle.QUARTERLY, ZoneOffset.UTC);
  /** 2025-07-01..2025-10-01 UTC: 92 days, 132,480 minutes. */
  static final BillingPeriod Q3_2025 = QUARTERS.periodStartingIn(YearMonth.of(2025, 7));

  /** How the samples are judged. */
  @Param({"BAD_TIMESLICES", "AVERAGED_RATIOS"})
  public TelemetryRules.Method method;

  private CreditEngine engine;
  private Account account;

  /** Generates the samples and builds the engine, once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    engine = engine(method, TelemetryLog.of(oneMinuteSamples(Q3_2025, 2025L)));
    account = account();
  }

  /** One decision. */
  @Benchmark
  public CreditDecision decide() {
    return engine.decide(account, Q3_2025);
  }

  /** One-minute samples of {@link #API} covering the period, from a seed. */
  static List<TelemetrySample> oneMinuteSamples(BillingPeriod period, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<TelemetrySample> out = new ArrayList<>();
    for (Instant t = period.start(); t.isBefore(period.end()); t = t.plusSeconds(60)) {
      long total = 1_000 + random.nextInt(9_001);
      long bad = random.nextInt(100) == 0 ? random.nextLong(total / 5 + 1) : 0;
      out.add(TelemetrySample.ofCounts(API, Interval.of(t, t.plusSeconds(60)), total - bad, total));
    }
    return out;
  }

  static CreditEngine engine(TelemetryRules.Method method, TelemetryLog telemetry) {
    Policy sla = Policy.builder()
        .id("api-sla").version(1)
        .effectiveFrom(Instant.parse("2025-01-01T00:00:00Z"))
        .measurementRules(MeasurementRules.builder()
            .source(Measurement.Source.TELEMETRY)
            .telemetry(TelemetryRules.builder().method(method).build())
            .minimumDowntime(Duration.ofMinutes(1))
            .build())
        .rule(Fleet.slaRule())
        .rounding(Rounding.of(RoundingMode.HALF_UP))
        .build();
    return CreditEngine.builder().policies(PolicyBook.of(sla)).telemetry(telemetry).build();
  }

  static Account account() {
    return Account.builder()
        .id("acct-telemetry")
        .currency(CurrencyUnit.USD)
        .zone(ZoneOffset.UTC)
        .billing(QUARTERS)
        .addSubscriptions(Subscription.builder()
            .id("sub-api")
            .plan("api")
            .prices(PriceSchedule.monthly(Money.of(CurrencyUnit.USD, new BigDecimal("20.00"))))
            .active(Instant.parse("2025-01-01T00:00:00Z"), Instant.MAX)
            .addPlacements(API)
            .build())
        .build();
  }
}
