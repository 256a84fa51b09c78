package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.rules.BatchOptions;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.DecisionRequest;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A batch run's edges: an exhausted input, a decider that breaks, an interrupted reader. */
class BatchRunEdgesTest {
  static final DecisionRequest JUNE = DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC).build();
  static final CreditDecision DECIDED = engine(policy("p", dev.amends.rules.Rules.flatAmount("flat", usd("1.00"))))
      .decide(JUNE);

  /** Requests that count how often they are asked whether there is another. */
  static final class Counted implements Iterator<DecisionRequest> {
    final AtomicInteger asked = new AtomicInteger();
    int left;

    Counted(int n) {
      left = n;
    }

    @Override
    public boolean hasNext() {
      asked.incrementAndGet();
      return left > 0;
    }

    @Override
    public DecisionRequest next() {
      if (left-- <= 0) {
        throw new NoSuchElementException();
      }
      return JUNE;
    }
  }

  static boolean onBatchThread() {
    return Thread.currentThread().getName().startsWith("amends-batch-");
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void anExhaustedRunDoesNotReadItsInputAgain() {
    Counted input = new Counted(1);
    BatchRun run = new BatchRun((r, s, f) -> DECIDED, input, BatchOptions.defaults().threads(1));

    assertThat(run.next()).isInstanceOf(BatchResult.Decided.class);
    int asked = input.asked.get();
    assertThat(run.hasNext()).isFalse();
    assertThat(run.hasNext()).isFalse();

    assertThat(input.asked).hasValue(asked + 1); // once to find the end, never after
  }

  @Test
  void aDeciderThatBreaksGivesARejectionNamingTheFailure() {
    BatchRun run = new BatchRun((r, s, f) -> {
      throw new IllegalStateException("boom");
    }, List.of(JUNE).iterator(), BatchOptions.defaults().threads(1));

    assertThat(run.next()).isInstanceOfSatisfying(BatchResult.Rejected.class, r -> {
      assertThat(r.index()).isZero();
      assertThat(r.accountId()).contains("acct-1");
      assertThat(r.reason()).isEqualTo("internal error: java.lang.IllegalStateException: boom");
      assertThat(r.isBug()).isTrue();
    });
  }

  @Test
  void anErrorOnABatchThreadReachesTheReaderUnchanged() {
    AssertionError broken = new AssertionError("broken");
    CountDownLatch thrown = new CountDownLatch(1);
    // the reader's first request waits until the batch thread has taken the other and thrown
    BatchRun run = new BatchRun((r, s, f) -> {
      if (onBatchThread()) {
        thrown.countDown();
        throw broken;
      }
      await(thrown);
      return DECIDED;
    }, List.of(JUNE, JUNE, JUNE).iterator(), BatchOptions.defaults().threads(2).window(2));

    try (run) {
      assertThatThrownBy(run::hasNext).isSameAs(broken);
      assertThat(run.hasNext()).as("the run is closed; the third request is not read").isFalse();
    }
  }

  @Test
  void anInterruptedReaderCancelsTheRunNamingTheRequests() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // the batch thread holds its request until released; the reader decides the other at once
    BatchRun.Decider decider = (r, s, f) -> {
      if (onBatchThread()) {
        started.countDown();
        await(release);
      } else {
        await(started); // so that the batch thread takes the other request
      }
      return DECIDED;
    };
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> interrupted = new AtomicReference<>();
    AtomicReference<Boolean> more = new AtomicReference<>();
    BatchRun run = new BatchRun(decider, List.of(JUNE, JUNE, JUNE).iterator(),
        BatchOptions.defaults().threads(2).window(2));
    Thread reader = new Thread(() -> {
      try {
        run.hasNext();
      } catch (Throwable t) {
        thrown.set(t);
      }
      interrupted.set(Thread.currentThread().isInterrupted());
      more.set(run.hasNext()); // closed: the third request is not read
    }, "reader");
    reader.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    reader.interrupt();
    reader.join(10_000);
    release.countDown();

    assertThat(thrown.get()).isInstanceOf(CancellationException.class)
        .hasMessage("the batch was interrupted while deciding requests 0 to 1");
    assertThat(interrupted.get()).isTrue();
    assertThat(more.get()).isFalse();
  }
}
