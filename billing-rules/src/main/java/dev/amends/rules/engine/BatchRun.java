package dev.amends.rules.engine;

import dev.amends.rules.BatchOptions;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.DecisionRequest;
import dev.amends.core.AmendsException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One batch run: reads up to a window of requests on the reader's thread, decides them on the
 * batch's threads (each takes the next undecided request, so a slow account does not hold up a
 * thread's share), and hands the results out in input order before reading on. At most {@code
 * window} requests and results are held at once. The threads are daemons that end when the run
 * is exhausted or closed, or a second after their last work when a reader walks away.
 */
public final class BatchRun implements Iterator<BatchResult>, AutoCloseable {
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final Decider engine;
  private final Iterator<? extends DecisionRequest> input;
  private final int threads;
  private final DecisionRequest[] requests;
  private final BatchResult[] results;
  private final SharedMeasurements shared;
  private final SharedFees fees;
  private ThreadPoolExecutor pool;
  private int size;
  private int next;
  private long read;
  private boolean closed;
  /** What the input threw while a window was read, thrown once that window is handed out. */
  private RuntimeException inputFailure;

  /** Decides one request, sharing measurements and fees when given them (null: not shared). */
  @FunctionalInterface
  public interface Decider {
    /** Decides one request. */
    CreditDecision decide(DecisionRequest request, SharedMeasurements shared, SharedFees fees);
  }

  public BatchRun(Decider engine, Iterator<? extends DecisionRequest> input, BatchOptions options) {
    this.engine = engine;
    this.input = input;
    this.threads = options.threads();
    this.requests = new DecisionRequest[options.window()];
    this.results = new BatchResult[options.window()];
    this.shared = options.shareMeasurements() ? new SharedMeasurements(SharedMeasurements.CAPACITY) : null;
    this.fees = options.shareMeasurements() ? new SharedFees(SharedFees.CAPACITY) : null;
  }

  @Override
  public boolean hasNext() {
    if (next < size) {
      return true;
    }
    if (closed) {
      return false;
    }
    if (inputFailure != null) {
      RuntimeException e = inputFailure;
      close();
      throw e;
    }
    fill();
    if (size == 0) {
      close();
      return false;
    }
    return true;
  }

  @Override
  public BatchResult next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the batch has no more results");
    }
    BatchResult r = results[next];
    results[next++] = null;
    return r;
  }

  /** Ends the run's threads; results not yet read are dropped. */
  @Override
  public void close() {
    closed = true;
    size = 0;
    next = 0;
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }

  /** Reads the next window of requests and decides them. */
  private void fill() {
    size = 0;
    next = 0;
    try {
      while (size < requests.length && input.hasNext()) {
        DecisionRequest request = input.next(); // not counted if it throws
        requests[size++] = request;
      }
    } catch (RuntimeException e) {
      inputFailure = e;
      if (size == 0) {
        close();
        throw e;
      }
    }
    long first = read;
    read += size;
    if (threads == 1 || size <= 1) {
      for (int i = 0; i < size; i++) {
        results[i] = decideOne(first + i, requests[i]);
      }
    } else {
      decideInParallel(first);
    }
    java.util.Arrays.fill(requests, 0, size, null);
  }

  private void decideInParallel(long first) {
    AtomicInteger cursor = new AtomicInteger();
    Callable<Void> worker = () -> {
      for (int i = cursor.getAndIncrement(); i < size; i = cursor.getAndIncrement()) {
        results[i] = decideOne(first + i, requests[i]);
      }
      return null;
    };
    int workers = Math.min(threads, size);
    List<Future<Void>> futures = new ArrayList<>(workers);
    ThreadPoolExecutor p = pool();
    for (int w = 1; w < workers; w++) {
      futures.add(p.submit(worker));
    }
    try {
      worker.call(); // the reader's thread takes its share too
      for (Future<Void> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      long last = first + size - 1; // read before close() empties the window
      close();
      throw new CancellationException("the batch was interrupted while deciding requests " + first + " to " + last);
    } catch (ExecutionException e) {
      close();
      throw rethrow(e.getCause());
    } catch (Exception e) {
      close();
      throw rethrow(e);
    }
  }

  private ThreadPoolExecutor pool() {
    if (pool == null) {
      int run = RUNS.incrementAndGet();
      AtomicInteger count = new AtomicInteger();
      pool = new ThreadPoolExecutor(threads - 1, threads - 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "amends-batch-" + run + "-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      pool.allowCoreThreadTimeOut(true);
    }
    return pool;
  }

  /** Decides one request; a request that fails becomes a rejection, never a lost result. */
  private BatchResult decideOne(long index, DecisionRequest request) {
    try {
      return new BatchResult.Decided(index, engine.decide(request, shared, fees));
    } catch (AmendsException e) {
      return new BatchResult.Rejected(index, accountId(request), e.getMessage(), e);
    } catch (RuntimeException | StackOverflowError e) {
      return new BatchResult.Rejected(index, accountId(request),
          "internal error: " + e.getClass().getName() + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> accountId(DecisionRequest request) {
    return request == null ? Optional.empty() : Optional.of(request.account().id());
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof Error e) {
      throw e;
    }
    if (t instanceof RuntimeException e) {
      return e;
    }
    return new IllegalStateException(t);
  }
}
