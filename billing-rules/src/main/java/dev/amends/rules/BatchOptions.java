package dev.amends.rules;

import dev.amends.core.InvalidInputException;

/**
 * How {@link CreditEngine#decideAll(java.util.Iterator, BatchOptions)} runs a batch: how many
 * threads, how many requests are in flight at once, and whether measurements are shared.
 *
 * <pre>{@code
 * BatchOptions.defaults()            // all cores, 1,024 in flight, shared measurements
 * BatchOptions.defaults().threads(1) // the same output, on the caller's thread only
 * }</pre>
 *
 * <p>No option changes the output: results come in input order with the same content whatever
 * the threads, the window or the sharing. Immutable and thread-safe; each setter returns a new
 * instance.
 */
public final class BatchOptions {
  /** The default number of requests in flight. */
  public static final int DEFAULT_WINDOW = 1024;

  private static final BatchOptions DEFAULTS =
      new BatchOptions(Runtime.getRuntime().availableProcessors(), DEFAULT_WINDOW, true);

  private final int threads;
  private final int window;
  private final boolean shareMeasurements;

  private BatchOptions(int threads, int window, boolean shareMeasurements) {
    this.threads = threads;
    this.window = window;
    this.shareMeasurements = shareMeasurements;
  }

  /**
   * All cores ({@link Runtime#availableProcessors()} when this class was loaded), a window of
   * {@value #DEFAULT_WINDOW} requests, measurements shared.
   *
   * @return the default options, not null
   */
  public static BatchOptions defaults() {
    return DEFAULTS;
  }

  /** The number of threads deciding; 1 decides on the caller's thread only. */
  public int threads() {
    return threads;
  }

  /**
   * The most requests read from the input and not yet handed out as results: the batch reads
   * this many, decides them, hands them out in order, and only then reads on.
   */
  public int window() {
    return window;
  }

  /**
   * Whether subscriptions with the same placements, the same active window within the period
   * (and the edge the minimum downtime looks at), the same period and the same measurement rules
   * share one measurement, and subscriptions with the same prices, seats, active window within the
   * period and proration share one fee. The decisions are the same either way; sharing only
   * saves time.
   */
  public boolean shareMeasurements() {
    return shareMeasurements;
  }

  /**
   * These options with another number of threads.
   *
   * @param threads at least 1
   * @return the new options, not null
   * @throws InvalidInputException naming {@code batch.threads} if below 1
   */
  public BatchOptions threads(int threads) {
    if (threads < 1) {
      throw InvalidInputException.of("batch.threads", "must be at least 1", threads);
    }
    return new BatchOptions(threads, window, shareMeasurements);
  }

  /**
   * These options with another window.
   *
   * @param window the most requests in flight, at least 1
   * @return the new options, not null
   * @throws InvalidInputException naming {@code batch.window} if below 1
   */
  public BatchOptions window(int window) {
    if (window < 1) {
      throw InvalidInputException.of("batch.window", "must be at least 1", window);
    }
    return new BatchOptions(threads, window, shareMeasurements);
  }

  /**
   * These options with measurements shared or not.
   *
   * @param share whether to share measurements; see {@link #shareMeasurements()}
   * @return the new options, not null
   */
  public BatchOptions shareMeasurements(boolean share) {
    return new BatchOptions(threads, window, share);
  }

  /** Such as {@code threads=2 window=1024 shareMeasurements=true}. */
  @Override
  public String toString() {
    return "threads=" + threads + " window=" + window + " shareMeasurements=" + shareMeasurements;
  }
}
