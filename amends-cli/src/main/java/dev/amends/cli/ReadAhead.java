package dev.amends.cli;

import dev.amends.core.AmendsException;
import dev.amends.core.account.Account;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Reads and parses the accounts file, and builds each account's request, on a thread of its own,
 * a few thousand lines ahead of the thread that takes them; so parsing runs while the engine
 * decides and the decisions are written. The lines are taken in file order, each with what became
 * of it (a rejected line, a request, or a request that could not be built); reporting them is
 * left to the taker, so standard error reads as it would with no read-ahead.
 *
 * <p>Taken by one thread. The reading thread is a daemon, ended by {@link #close()}.
 */
final class ReadAhead implements AutoCloseable {
  /** Lines handed over at a time. */
  static final int CHUNK = 512;
  /**
   * Chunks held at most: 2,048 items in flight are enough to keep both sides busy, and fewer
   * live items outlast a young collection (16 chunks made the collector copy and promote about
   * four times as many).
   */
  static final int CHUNKS = 4;

  /**
   * One line of the accounts file: the line as read; when accepted, the request built for it or
   * why none could be.
   */
  record Item(RecordLine<Account> line, DecisionRequest request, AmendsException failure) {}

  private static final List<Item> END = List.of();

  private final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(CHUNKS);
  private final Thread thread;
  private volatile RuntimeException failure;
  private List<Item> chunk = List.of();
  private int next;
  private boolean ended;

  /**
   * Starts reading.
   *
   * @param reader the accounts, read by the new thread only from now on
   * @param request builds an account's request, thread-safe
   */
  ReadAhead(RecordReader<Account> reader, Function<Account, DecisionRequest> request) {
    this.thread = new Thread(() -> run(reader, request), "amends-read-ahead");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void run(RecordReader<Account> reader, Function<Account, DecisionRequest> request) {
    try {
      try {
        List<Item> items = new ArrayList<>(CHUNK);
        while (reader.hasNext()) {
          RecordLine<Account> line = reader.next();
          items.add(item(line, request));
          if (items.size() == CHUNK) {
            queue.put(items);
            items = new ArrayList<>(CHUNK);
          }
        }
        if (!items.isEmpty()) {
          queue.put(items);
        }
      } catch (RuntimeException | Error e) {
        failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      queue.put(END);
    } catch (InterruptedException e) {
      // closed: the taker is gone
    }
  }

  private static Item item(RecordLine<Account> line, Function<Account, DecisionRequest> request) {
    if (line instanceof RecordLine.Accepted<Account> a) {
      try {
        return new Item(line, request.apply(a.record()), null);
      } catch (AmendsException e) {
        return new Item(line, null, e);
      }
    }
    return new Item(line, null, null);
  }

  /**
   * Whether there is another line; waits for it.
   *
   * @throws RuntimeException what reading threw, once the lines read before it are taken
   */
  boolean hasNext() {
    while (next == chunk.size()) {
      if (ended) {
        return false;
      }
      try {
        chunk = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CancellationException("interrupted while reading the accounts");
      }
      next = 0;
      if (chunk == END) {
        ended = true;
        if (failure != null) {
          throw failure;
        }
      }
    }
    return true;
  }

  /** The next line. */
  Item next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more accounts");
    }
    Item item = chunk.get(next);
    chunk.set(next++, null);
    return item;
  }

  /** Stops the reading thread if it is still going, and waits for it. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
