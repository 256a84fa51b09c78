package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link CreditEngine#decideAll}: a failing input at a window's edge, an input that would go on
 * after failing, an error on one of the batch's threads, and what the batch's threads are.
 */
class BatchFailuresTest {
  static final long SEED = 2024L;

  /** Requests of the batch fleet; {@code next()} throws once when it reaches {@code failAt}. */
  static final class FailingInput implements Iterator<DecisionRequest> {
    final int failAt;
    final int count;
    final boolean failOnce;
    int i;
    int nextCalls;
    boolean failed;

    FailingInput(int failAt, int count, boolean failOnce) {
      this.failAt = failAt;
      this.count = count;
      this.failOnce = failOnce;
    }

    @Override
    public boolean hasNext() {
      return i < count;
    }

    @Override
    public DecisionRequest next() {
      nextCalls++;
      if (i == failAt && !(failOnce && failed)) {
        failed = true;
        throw new IllegalStateException("the source went away");
      }
      return BatchFleet.request(SEED, i++);
    }
  }

  static List<Long> readUntilThrown(Iterator<BatchResult> results, List<Long> seen) {
    assertThatThrownBy(() -> results.forEachRemaining(r -> seen.add(r.index())))
        .isInstanceOf(IllegalStateException.class).hasMessage("the source went away");
    return seen;
  }

  @Test
  void anInputThatFailsFirstInAWindowIsThrownAfterTheWindowBefore() {
    // window 3: requests 0-2 fill the first window; reading request 3, the first of the second
    // window, throws, with nothing read in that window to hand out first
    FailingInput input = new FailingInput(3, 10, false);

    Iterator<BatchResult> results = BatchFleet.engine(SEED).decideAll(input, BatchOptions.defaults().window(3));

    assertThat(readUntilThrown(results, new ArrayList<>())).containsExactly(0L, 1L, 2L);
    assertThat(results.hasNext()).isFalse();
  }

  @Test
  void anInputThatFailsIsNotReadAgainEvenIfItWouldGoOn() {
    // the input throws once at request 3 and would then give requests 3 to 5
    FailingInput input = new FailingInput(3, 6, true);

    Iterator<BatchResult> results = BatchFleet.engine(SEED).decideAll(input, BatchOptions.defaults().window(10));

    assertThat(readUntilThrown(results, new ArrayList<>())).containsExactly(0L, 1L, 2L);
    assertThat(results.hasNext()).isFalse();
    assertThat(input.nextCalls).isEqualTo(4); // three requests and the failing read
  }

  /**
   * A user rule that, on the first thread other than {@code reader} to evaluate it, runs {@code
   * onBatchThread} and, on the reader's thread, waits (at most ten seconds) until that has
   * happened, so that a batch of two threads surely decides one request on its own thread.
   */
  static final class MeetsABatchThread implements CreditRule {
    final Thread reader = Thread.currentThread();
    final CountDownLatch batchThreadRan = new CountDownLatch(1);
    final AtomicReference<Thread> batchThread = new AtomicReference<>();
    final Runnable onBatchThread;

    MeetsABatchThread(Runnable onBatchThread) {
      this.onBatchThread = onBatchThread;
    }

    @Override
    public String id() {
      return "meets";
    }

    @Override
    public Outcome evaluate(RuleContext context) {
      if (Thread.currentThread() != reader) {
        if (batchThread.compareAndSet(null, Thread.currentThread())) {
          batchThreadRan.countDown();
          onBatchThread.run();
        }
      } else {
        try {
          batchThreadRan.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Outcome.noCredit("nothing owed");
    }
  }

  static List<DecisionRequest> fourRequests() {
    List<DecisionRequest> requests = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      requests.add(DecisionRequest.of(account("acct-" + i, USD_20_00), JUNE_2024_UTC));
    }
    return requests;
  }

  @Test
  void anErrorOnABatchThreadIsThrownAsItIsAndEndsTheBatch() {
    AssertionError boom = new AssertionError("boom");
    MeetsABatchThread rule = new MeetsABatchThread(() -> {
      throw boom;
    });
    CreditEngine engine = engine(policy("p", Rules.sum("sla", rule)), OUT_1);

    Iterator<BatchResult> results = engine.decideAll(fourRequests().iterator(),
        BatchOptions.defaults().threads(2).window(4));

    assertThatThrownBy(results::hasNext).isSameAs(boom);
    assertThat(results.hasNext()).isFalse();
  }

  @Test
  void theBatchThreadsAreDaemonsAndDecideAsTheReaderDoes() {
    AtomicInteger decidedOnBatchThread = new AtomicInteger();
    MeetsABatchThread rule = new MeetsABatchThread(decidedOnBatchThread::incrementAndGet);
    CreditEngine engine = engine(policy("p", Rules.sum("sla", rule)), OUT_1);

    List<BatchResult> results = new ArrayList<>();
    engine.decideAll(fourRequests().iterator(), BatchOptions.defaults().threads(2).window(4))
        .forEachRemaining(results::add);

    assertThat(results).extracting(BatchResult::index).containsExactly(0L, 1L, 2L, 3L);
    assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(BatchResult.Decided.class));
    assertThat(decidedOnBatchThread).hasValue(1);
    assertThat(rule.batchThread.get().isDaemon()).isTrue();
    assertThat(rule.batchThread.get().getName()).startsWith("amends-batch-");
  }
}
