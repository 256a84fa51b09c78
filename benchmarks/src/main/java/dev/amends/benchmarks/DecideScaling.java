package dev.amends.benchmarks;

import dev.amends.core.account.Account;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.money.Rounding;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link CreditEngine#decide} for one account whose placement has 1,000, 100,000 or
 * 1,000,000 outages in the billing period: how the cost of a decision grows with the outages
 * it must measure.
 *
 * <p>The policy is a realistic SLA: announced maintenance excluded with 24 h notice, a 5-minute
 * minimum downtime, and a cap of 100 % of the fee over the most generous of availability tiers
 * and 5 % per started 30 minutes. The outages come from {@link SyntheticOutages} (a fixed seed),
 * all in December 2007 (US Eastern) on {@code grid/cluster-2}, in two shapes: a realistic mix
 * (which at these counts overlaps heavily) and disjoint short outages (as many downtime windows
 * as outages, the case that was quadratic before measurement became a sort-and-sweep).
 *
 * <pre>
 * mvn -B -ntp -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar DecideScaling -f 1 -wi 2 -i 3
 * </pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class DecideScaling {
  static final Scope CLUSTER_2 = Scope.of("grid/cluster-2");
  static final ZoneId EASTERN = ZoneId.of("America/New_York");
  static final BillingPeriod DECEMBER_2007 = BillingPeriod.month(YearMonth.of(2007, 12), EASTERN);

  /** The outages on the account's placement in the period. */
  @Param({"1000", "100000", "1000000"})
  public int outages;

  /**
   * {@code mixed}: the realistic mix of {@link SyntheticOutages#onOneScope}, heavily
   * overlapping at these counts; {@code disjoint}: {@link SyntheticOutages#disjointOnOneScope},
   * as many separate downtime windows as outages.
   */
  @Param({"mixed", "disjoint"})
  public String shape;

  private CreditEngine engine;
  private Account account;

  /** Generates the outage log and builds the engine, once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    engine = engine(OutageLog.of(shape.equals("disjoint")
        ? SyntheticOutages.disjointOnOneScope(outages, CLUSTER_2, DECEMBER_2007.window())
        : SyntheticOutages.onOneScope(outages, 2007L, CLUSTER_2, DECEMBER_2007.window())));
    account = account();
  }

  /** One decision. */
  @Benchmark
  public CreditDecision decide() {
    return engine.decide(account, DECEMBER_2007);
  }

  static CreditEngine engine(OutageLog log) {
    Policy sla = Policy.builder()
        .id("grid-sla").version(1)
        .effectiveFrom(Instant.parse("2007-01-01T05:00:00Z"))
        .measurementRules(MeasurementRules.builder()
            .maintenanceNotice(Duration.ofHours(24))
            .minimumDowntime(Duration.ofMinutes(5))
            .build())
        .rule(Fleet.slaRule())
        .rounding(Rounding.of(RoundingMode.HALF_UP))
        .build();
    return CreditEngine.builder().policies(PolicyBook.of(sla)).outages(log).build();
  }

  static Account account() {
    return Account.builder()
        .id("acct-bench")
        .currency(CurrencyUnit.USD)
        .zone(EASTERN)
        .addSubscriptions(Subscription.builder()
            .id("sub-bench")
            .plan("grid")
            .prices(PriceSchedule.monthly(Money.of(CurrencyUnit.USD, new BigDecimal("20.00"))))
            .active(Instant.parse("2006-01-01T05:00:00Z"), Instant.MAX)
            .addPlacements(CLUSTER_2)
            .build())
        .build();
  }
}
