package dev.amends.cli;

import dev.amends.rules.BatchResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * A sink that writes on a thread of its own: results are handed over in chunks, in order, and
 * written by the sink it wraps while the engine decides the next ones. What the wrapped sink
 * throws is thrown again by the next {@link #write} or by {@link #close()}.
 *
 * <p>Written to by one thread. The writing thread is a daemon.
 */
final class WriteBehind implements CreditCommand.DecisionSink {
  /** Results handed over at a time. */
  static final int CHUNK = 512;
  /**
   * Chunks held at most: 2,048 items in flight are enough to keep both sides busy, and fewer
   * live items outlast a young collection (16 chunks made the collector copy and promote about
   * four times as many).
   */
  static final int CHUNKS = 4;

  private static final List<BatchResult> END = new ArrayList<>();

  private final CreditCommand.DecisionSink sink;
  private final BlockingQueue<List<BatchResult>> queue = new ArrayBlockingQueue<>(CHUNKS);
  private final Thread thread;
  private volatile Throwable failure;
  private List<BatchResult> chunk = new ArrayList<>(CHUNK);
  private boolean closed;

  WriteBehind(CreditCommand.DecisionSink sink) {
    this.sink = sink;
    this.thread = new Thread(this::run, "amends-write-behind");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void run() {
    try {
      for (List<BatchResult> c = queue.take(); c != END; c = queue.take()) {
        if (failure == null) {
          try {
            for (BatchResult r : c) {
              sink.write(r);
            }
          } catch (RuntimeException | Error e) {
            failure = e;
          }
        }
      }
    } catch (InterruptedException e) {
      // the writer walked away; close() says so
    }
  }

  @Override
  public void write(BatchResult result) {
    rethrow();
    chunk.add(result);
    if (chunk.size() == CHUNK) {
      hand(chunk);
      chunk = new ArrayList<>(CHUNK);
    }
  }

  private void hand(List<BatchResult> c) {
    try {
      queue.put(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.interrupt();
      throw new CancellationException("interrupted while writing the decisions");
    }
  }

  /** Writes what is left, waits for the writing thread, then closes the wrapped sink. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!chunk.isEmpty()) {
        hand(chunk);
      }
      hand(END);
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.interrupt();
    } finally {
      sink.close();
    }
    rethrow();
  }

  private void rethrow() {
    Throwable t = failure;
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }
}
