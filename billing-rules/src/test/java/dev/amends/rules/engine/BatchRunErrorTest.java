package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.rules.BatchOptions;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditRule;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.Outcome;
import dev.amends.rules.RuleContext;
import dev.amends.rules.Rules;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An {@link Error} met on the reader's thread of a {@link BatchRun} (from the account source or
 * from the reader's share of a window's decisions) reaches the caller as it is, and the batch's
 * threads have ended by then: no idle thread is left to time out a second later.
 */
class BatchRunErrorTest {
  static final DecisionRequest REQUEST = DecisionRequest.of(ACCOUNT_USD_20, JUNE_2024_UTC);
  /** A decision of nothing owed, given for every request the tests decide. */
  static final CreditDecision NOTHING_OWED = decide(Rules.sum("sla", new CreditRule() {
    @Override
    public String id() {
      return "nothing";
    }

    @Override
    public Outcome evaluate(RuleContext context) {
      return Outcome.noCredit("nothing owed");
    }
  }));
  static final BatchOptions TWO_THREADS_WINDOW_4 = BatchOptions.defaults().threads(2).window(4);

  /** {@code count} requests, then {@code failure} thrown by the next {@code next()}. */
  static Iterator<DecisionRequest> failingAfter(int count, Error failure) {
    return new Iterator<>() {
      int given;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public DecisionRequest next() {
        if (given == count) {
          throw failure;
        }
        given++;
        return REQUEST;
      }
    };
  }

  /**
   * Decides nothing owed; records the first thread other than the reader's that decides. Each side
   * waits (at most ten seconds) for the other to have begun deciding, so that both take a share of
   * a window whatever the scheduling (a batch thread that started first could otherwise decide the
   * whole window before the reader took a request, and the reader's failure would never be met).
   * Then, on the reader's thread, throws {@code readerFailure} if given.
   */
  static final class MeetsABatchThread implements BatchRun.Decider {
    final Thread reader = Thread.currentThread();
    final CountDownLatch batchThreadRan = new CountDownLatch(1);
    final CountDownLatch readerRan = new CountDownLatch(1);
    final AtomicReference<Thread> batchThread = new AtomicReference<>();
    final Error readerFailure;

    MeetsABatchThread(Error readerFailure) {
      this.readerFailure = readerFailure;
    }

    @Override
    public CreditDecision decide(DecisionRequest request, SharedMeasurements shared, SharedFees fees) {
      if (Thread.currentThread() != reader) {
        batchThread.compareAndSet(null, Thread.currentThread());
        batchThreadRan.countDown();
        await(readerRan);
      } else {
        readerRan.countDown();
        await(batchThreadRan);
        if (readerFailure != null) {
          throw readerFailure;
        }
      }
      return NOTHING_OWED;
    }

    private static void await(CountDownLatch latch) {
      try {
        latch.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static void assertEnded(BatchRun run, Thread batchThread) throws InterruptedException {
    assertThat(run.threadsEnded()).as("the pool has terminated").isTrue();
    batchThread.join(); // at once when the pool has terminated; a second later if left idle
    assertThat(batchThread.isAlive()).isFalse();
  }

  @Test
  void anErrorOnTheReadersShareOfAWindowIsThrownAsItIsWithTheThreadsEnded() throws InterruptedException {
    AssertionError boom = new AssertionError("boom");
    MeetsABatchThread decider = new MeetsABatchThread(boom);
    List<DecisionRequest> four = List.of(REQUEST, REQUEST, REQUEST, REQUEST);
    BatchRun run = new BatchRun(decider, four.iterator(), TWO_THREADS_WINDOW_4);

    assertThatThrownBy(run::hasNext).isSameAs(boom);

    assertEnded(run, decider.batchThread.get());
    assertThat(run.hasNext()).isFalse();
  }

  @Test
  void anErrorFromTheAccountSourceIsThrownAsItIsWithTheThreadsEnded() throws InterruptedException {
    // the first window (4 requests) is decided on two threads; reading the second throws
    OutOfMemoryError gone = new OutOfMemoryError("the source ran out");
    MeetsABatchThread decider = new MeetsABatchThread(null);
    BatchRun run = new BatchRun(decider, failingAfter(4, gone), TWO_THREADS_WINDOW_4);
    List<Long> seen = new ArrayList<>();

    assertThatThrownBy(() -> run.forEachRemaining(r -> seen.add(r.index()))).isSameAs(gone);

    assertThat(seen).containsExactly(0L, 1L, 2L, 3L);
    assertEnded(run, decider.batchThread.get());
    assertThat(run.hasNext()).isFalse();
  }

  @Test
  void anExhaustedRunHasEndedItsThreads() throws InterruptedException {
    MeetsABatchThread decider = new MeetsABatchThread(null);
    List<DecisionRequest> four = List.of(REQUEST, REQUEST, REQUEST, REQUEST);
    BatchRun run = new BatchRun(decider, four.iterator(), TWO_THREADS_WINDOW_4);
    List<BatchResult> results = new ArrayList<>();

    run.forEachRemaining(results::add);

    assertThat(results).extracting(BatchResult::index).containsExactly(0L, 1L, 2L, 3L);
    assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(BatchResult.Decided.class));
    assertEnded(run, decider.batchThread.get());
  }
}
