package dev.amends.benchmarks;

import dev.amends.core.account.Account;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.BatchOptions;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.CreditLine;
import dev.amends.rules.DecisionRequest;
import java.util.Arrays;
import java.util.Iterator;
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
 * In-memory batch throughput, in accounts per second, through the engine's batch API: with
 * traces off on one thread ({@code amends}) and on the default number of threads, one per core
 * ({@code amendsAllCores}), and with traces on (the default of {@link CreditEngine}) on one
 * thread ({@code amendsTraced}), for what explanations cost; and, in the same run, the {@link
 * HandWritten} plain-Java loop that gives the same lines and builds no trace either ({@code
 * handWritten}), on one thread. The ratio of {@code handWritten} to {@code amends} is the
 * engine's overhead per core.
 *
 * <p>Each invocation decides the next {@value #CHUNK} accounts of a {@link Fleet} of {@code
 * accounts} accounts (a multiple of {@value #CHUNK}; 200 clusters and 20,000 outages as in the
 * canonical fleet, so each account sees as many outages as there), wrapping round at the end;
 * one operation is one account. The hand-written loop starts a fresh {@link HandWritten} (its
 * per-scope windows and per-node downtime cache) at the start of each pass over the fleet, so its
 * precomputation is paid once per batch, as a real batch would pay it. Each engine side likewise
 * builds a fresh engine for the fleet ({@link Fleet#engine(boolean)}: its outage log, its
 * compiled policy and campaign, and whatever an engine keeps from one batch to the next) and
 * starts a {@link CreditEngine#decideAll(Iterator, BatchOptions)} over the whole fleet on it at
 * the start of each pass, so that its shared measurements and fees, and everything else, are
 * paid once per batch too, as for a provider's one batch after an incident; each invocation takes
 * the next {@value #CHUNK} results from it. (Before 8 December 2026 one engine served every pass,
 * so an engine's keys of records, kept from batch to batch, were paid once per trial: that
 * flattered the engine by about 17 % on the canonical fleet.)
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

  /**
   * The fleet's {@link Fleet.Shape#named shape}: {@code canonical} (200 clusters of 100 nodes,
   * 20,000 outages) or {@code issue16} (the shape of issue 16's independent benchmark: 4 services
   * of 50 clusters of 20 nodes, 2,000 outages; {@code -p shape=issue16 -p accounts=1000000} is its
   * fleet).
   */
  @Param({"canonical"})
  public String shape = "canonical";

  private Fleet fleet;
  private Account[] fleetAccounts;
  private BillingPeriod[] periods;
  private DecisionRequest[] requests;
  private final EngineSide oneThread = new EngineSide(false, ONE_THREAD);
  private final EngineSide allCores = new EngineSide(false, BatchOptions.defaults());
  private final EngineSide traced = new EngineSide(true, ONE_THREAD);
  private int handAt;
  private HandWritten hand;

  /** Generates the fleet and its requests, once per trial (each pass builds its own engine). */
  @Setup(Level.Trial)
  public void setUp() {
    if (accounts <= 0 || accounts % CHUNK != 0) {
      throw new IllegalArgumentException("accounts must be a positive multiple of " + CHUNK + ": " + accounts);
    }
    fleet = Fleet.generate(2026L, accounts, Fleet.Shape.named(shape));
    List<Account> list = fleet.accounts();
    fleetAccounts = list.toArray(new Account[0]);
    periods = new BillingPeriod[fleetAccounts.length];
    for (int i = 0; i < periods.length; i++) {
      periods[i] = fleet.period(fleetAccounts[i]);
    }
    requests = requests(fleetAccounts, periods);
  }

  /** The engine's batch, traces off, on one thread: the next {@value #CHUNK} accounts. */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public void amends(Blackhole sink) {
    oneThread.next(sink);
  }

  /** The engine's batch, traces off, on one thread per core: the next {@value #CHUNK} accounts. */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public void amendsAllCores(Blackhole sink) {
    allCores.next(sink);
  }

  /** The engine's batch with traces on, on one thread: the next {@value #CHUNK} accounts. */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public void amendsTraced(Blackhole sink) {
    traced.next(sink);
  }

  /** One side of the engine: a batch over the whole fleet, started afresh at each pass, read a chunk at a time. */
  private final class EngineSide {
    private final boolean traces;
    private final BatchOptions options;
    private int at;
    private Iterator<BatchResult> batch;

    EngineSide(boolean traces, BatchOptions options) {
      this.traces = traces;
      this.options = options;
    }

    void next(Blackhole sink) {
      int from = at;
      at = (from + CHUNK) % fleetAccounts.length;
      if (from == 0) {
        // a new batch: shared measurements and fees afresh
        batch = batch(fleet.engine(traces), requests, options); // nothing kept from the pass before
      }
      take(batch, CHUNK, sink::consume);
    }
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

  /** The batch options of the one-thread comparison: everything default but the threads. */
  static final BatchOptions ONE_THREAD = BatchOptions.defaults().threads(1);

  /** One request per account, for its period. */
  static DecisionRequest[] requests(Account[] accounts, BillingPeriod[] periods) {
    DecisionRequest[] requests = new DecisionRequest[accounts.length];
    for (int i = 0; i < accounts.length; i++) {
      requests[i] = DecisionRequest.of(accounts[i], periods[i]);
    }
    return requests;
  }

  /**
   * A batch over the requests, in order. The only place the engine is called (by this benchmark
   * and by {@link FleetCpuTime}): to measure another API, change this method and {@link #take}.
   */
  static Iterator<BatchResult> batch(CreditEngine engine, DecisionRequest[] requests, BatchOptions options) {
    return engine.decideAll(Arrays.asList(requests).iterator(), options);
  }

  /**
   * Hands the lines of the next {@code count} results of a batch to the sink.
   *
   * @throws IllegalStateException if a request was rejected or the batch ends early: the fleet is
   *     valid, so either is a bug, never a result to measure
   */
  static void take(Iterator<BatchResult> batch, int count, Consumer<List<CreditLine>> sink) {
    for (int i = 0; i < count; i++) {
      if (!batch.hasNext()) {
        throw new IllegalStateException("the batch ended after " + i + " of " + count + " results");
      }
      switch (batch.next()) {
        case BatchResult.Decided d -> sink.accept(d.decision().lines());
        case BatchResult.Rejected r -> throw new IllegalStateException("request " + r.index() + " was rejected: "
            + r.reason(), r.cause());
      }
    }
  }
}
