package dev.amends.benchmarks;

import dev.amends.core.account.Account;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.CreditLine;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * In-memory batch throughput on one thread, in accounts per second: the engine with traces off
 * ({@code amends}) and, in the same run, the {@link HandWritten} plain-Java loop that gives the
 * same lines and builds no trace either ({@code handWritten}). The ratio of the two scores is the
 * engine's overhead. {@code amendsTraced} is the engine as {@code decide} runs by default, traces
 * on, for what explanations cost.
 *
 * <p>Each invocation decides the next {@value #CHUNK} accounts of a {@link Fleet} of {@code
 * accounts} accounts (a multiple of {@value #CHUNK}; 200 clusters and 20,000 outages as in the
 * canonical fleet, so each account sees as many outages as there), wrapping round at the end;
 * one operation is one account. The hand-written loop starts a fresh {@link HandWritten} (its
 * per-scope windows and per-node downtime cache) at the start of each pass over the fleet, so its
 * precomputation is paid once per batch, as a real batch would pay it. The engine runs {@link
 * CreditEngine#decide} per account.
 *
 * <p>Warm-up is five iterations of 10 s: on a loaded two-core machine the JIT compilers are
 * starved and the engine's first 30 to 40 s run at a tenth of its speed.
 *
 * <pre>
 * mvn -B -ntp -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar FleetThroughput -f 1
 * </pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 5, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class FleetThroughput {
  /** Accounts decided per invocation; one operation is one account. */
  public static final int CHUNK = 1_000;

  /** Accounts in the fleet, a multiple of {@value #CHUNK}. */
  @Param({"100000"})
  public int accounts;

  private Fleet fleet;
  private CreditEngine engine;
  private CreditEngine tracedEngine;
  private Account[] fleetAccounts;
  private BillingPeriod[] periods;
  private int amendsAt;
  private int tracedAt;
  private int handAt;
  private HandWritten hand;

  /** Generates the fleet and builds the engine, once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    if (accounts <= 0 || accounts % CHUNK != 0) {
      throw new IllegalArgumentException("accounts must be a positive multiple of " + CHUNK + ": " + accounts);
    }
    fleet = Fleet.generate(2026L, accounts, 200, 20_000);
    engine = fleet.engine(false);
    tracedEngine = fleet.engine(true);
    List<Account> list = fleet.accounts();
    fleetAccounts = list.toArray(new Account[0]);
    periods = new BillingPeriod[fleetAccounts.length];
    for (int i = 0; i < periods.length; i++) {
      periods[i] = fleet.period(fleetAccounts[i]);
    }
  }

  /** The engine, traces off, on the next {@value #CHUNK} accounts. */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public void amends(Blackhole sink) {
    amendsAt = decideNext(engine, amendsAt, sink);
  }

  /** The engine with traces on (the default of {@link CreditEngine}) on the next {@value #CHUNK} accounts. */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public void amendsTraced(Blackhole sink) {
    tracedAt = decideNext(tracedEngine, tracedAt, sink);
  }

  /** Decides the chunk of accounts starting at {@code from}; returns where the next chunk starts. */
  private int decideNext(CreditEngine e, int from, Blackhole sink) {
    decideChunk(e, fleetAccounts, periods, from, from + CHUNK, sink::consume);
    return (from + CHUNK) % fleetAccounts.length;
  }

  /** The hand-written loop on the next {@value #CHUNK} accounts. */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public void handWritten(Blackhole sink) {
    int from = handAt;
    handAt = (from + CHUNK) % fleetAccounts.length;
    if (from == 0) {
      hand = new HandWritten(fleet); // a new batch: precompute again
    }
    for (int i = from; i < from + CHUNK; i++) {
      hand.decide(fleetAccounts[i], periods[i], sink::consume);
    }
  }

  /**
   * Decides accounts {@code [from, to)} with the engine and hands each account's lines to the
   * sink. The only place the engine is called (by this benchmark and by {@link FleetCpuTime}): to
   * measure a batch API, change this method alone.
   */
  static void decideChunk(CreditEngine engine, Account[] accounts, BillingPeriod[] periods, int from, int to,
      Consumer<List<CreditLine>> sink) {
    for (int i = from; i < to; i++) {
      CreditDecision d = engine.decide(accounts[i], periods[i]);
      sink.accept(d.lines());
    }
  }
}
