package dev.amends.benchmarks;

import dev.amends.core.account.Account;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.BatchOptions;
import dev.amends.rules.DecisionRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The same comparison as {@link FleetThroughput}, timed by the thread's own CPU time instead of
 * the wall clock (the engine's batch on one thread, {@link FleetThroughput#ONE_THREAD}, which
 * decides on the caller's thread): on a shared machine, where other processes take the CPU away, accounts per
 * CPU-second are far steadier than accounts per second. Not a JMH benchmark; a plain main that
 * alternates whole passes of the engine with traces off, the engine with traces on and the
 * {@link HandWritten} loop over the same fleet, and prints accounts per CPU-second of each pass,
 * after warm-up passes. The ratio is the hand-written loop's speed over the engine's with traces
 * off, since the loop builds no trace either. Each engine pass builds a fresh engine in its
 * measured time, as each loop pass builds a fresh {@link HandWritten}: nothing is kept from one
 * batch to the next on either side.
 *
 * <pre>
 * mvn -B -ntp -pl benchmarks -am package -DskipTests
 * java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar dev.amends.benchmarks.FleetCpuTime 100000 5 5
 * </pre>
 * (accounts, warm-up passes, measured passes).
 */
public final class FleetCpuTime {
  private FleetCpuTime() {}

  /**
   * Runs the comparison.
   *
   * @param args accounts (default 100,000), warm-up passes (default 5), measured passes (default 5),
   *     {@code shared} (the default) or {@code unshared} to decide without sharing measurements and
   *     fees within the batch, and the fleet's {@link Fleet.Shape#named shape}: {@code canonical}
   *     (the default) or {@code issue16}
   */
  public static void main(String[] args) {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    BatchOptions options = args.length > 3 && args[3].equals("unshared")
        ? FleetThroughput.ONE_THREAD.shareMeasurements(false)
        : FleetThroughput.ONE_THREAD;
    Fleet fleet = Fleet.generate(2026L, accounts, Fleet.Shape.named(args.length > 4 ? args[4] : "canonical"));
    List<Account> list = fleet.accounts();
    Account[] array = list.toArray(new Account[0]);
    BillingPeriod[] periods = new BillingPeriod[list.size()];
    for (int i = 0; i < periods.length; i++) {
      periods[i] = fleet.period(list.get(i));
    }
    DecisionRequest[] requests = FleetThroughput.requests(array, periods);
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    long[] sink = new long[1];
    for (int pass = -warmups; pass < passes; pass++) {
      // a fresh engine per batch, built in the measured time, as the loop's precomputation is
      long t0 = bean.getCurrentThreadCpuTime();
      FleetThroughput.take(FleetThroughput.batch(fleet.engine(false), requests, options), array.length,
          lines -> sink[0] += lines.size());
      long t1 = bean.getCurrentThreadCpuTime();
      FleetThroughput.take(FleetThroughput.batch(fleet.engine(true), requests, options), array.length,
          lines -> sink[0] += lines.size());
      long tt = bean.getCurrentThreadCpuTime();
      HandWritten hand = new HandWritten(fleet);
      for (int i = 0; i < periods.length; i++) {
        hand.decide(list.get(i), periods[i], l -> sink[0] += l.reason().length());
      }
      long t2 = bean.getCurrentThreadCpuTime();
      double amends = accounts * 1e9 / (t1 - t0);
      double amendsTraced = accounts * 1e9 / (tt - t1);
      double handWritten = accounts * 1e9 / (t2 - tt);
      System.out.printf("%s pass %d: amends %,.0f accounts/cpu-s (traces on %,.0f), hand-written %,.0f accounts/cpu-s,"
              + " ratio %.1f%n",
          pass < 0 ? "warm-up" : "measured", pass < 0 ? pass + warmups + 1 : pass + 1, amends, amendsTraced,
          handWritten, handWritten / amends);
    }
    System.out.println("(checksum " + sink[0] + ")");
  }
}
