package dev.amends.cli;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * One iterator read once, handed out as two that give the same elements in the same order (to
 * two batches). An element read by one branch waits in the other's queue until that one reads
 * it. The queues are not bounded here: they stay small when the results of the two batches are
 * read in step, since each batch reads at most its window ahead of its results, so a queue holds
 * at most about one window.
 *
 * <p>Thread-safe.
 */
final class Tee<T> {
  private final Iterator<T> source;
  private final ArrayDeque<T> first = new ArrayDeque<>();
  private final ArrayDeque<T> second = new ArrayDeque<>();

  Tee(Iterator<T> source) {
    this.source = source;
  }

  /** The first branch. */
  Iterator<T> first() {
    return branch(first, second);
  }

  /** The second branch. */
  Iterator<T> second() {
    return branch(second, first);
  }

  private Iterator<T> branch(ArrayDeque<T> mine, ArrayDeque<T> other) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        synchronized (Tee.this) {
          return !mine.isEmpty() || source.hasNext();
        }
      }

      @Override
      public T next() {
        synchronized (Tee.this) {
          if (!mine.isEmpty()) {
            return mine.poll();
          }
          if (!source.hasNext()) {
            throw new NoSuchElementException();
          }
          T t = source.next();
          other.add(t);
          return t;
        }
      }
    };
  }
}
