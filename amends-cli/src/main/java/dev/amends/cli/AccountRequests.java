package dev.amends.cli;

import dev.amends.rules.DecisionRequest;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The accounts file as requests, for {@code credit} and {@code diff}: lines that are rejected,
 * accounts whose id was already read on an earlier line, and accounts with no billing period
 * starting in the month, are reported (through {@link Inputs}) and skipped. Remembers each request in flight by its index in the batch, so a result
 * can be matched with its account; {@link #done(long)} forgets it. A batch hands its results out
 * in input order, so the requests in flight are a queue: the oldest is the next one done.
 *
 * <p>Not thread-safe: taken from and told of results on one thread (the batch reads its input on
 * the thread that takes its results).
 */
final class AccountRequests implements Iterator<DecisionRequest> {
  /** The requests handed out and not yet done, oldest first; the oldest has index {@link #firstInFlight}. */
  private final ArrayDeque<DecisionRequest> inFlight = new ArrayDeque<>();
  private long firstInFlight;
  private final ReadAhead accounts;
  private final Inputs inputs;
  private final Runnable refused;
  /** The ids met, with their lines: a second line with the same id is rejected as a duplicate. */
  private final SeenIds seen = new SeenIds();
  private DecisionRequest next;

  /**
   * @param accounts the accounts, parsed ahead with their requests
   * @param inputs reports and counts rejections
   * @param refused called for an account read but refused before the engine saw it
   */
  AccountRequests(ReadAhead accounts, Inputs inputs, Runnable refused) {
    this.accounts = accounts;
    this.inputs = inputs;
    this.refused = refused;
  }

  @Override
  public boolean hasNext() {
    while (next == null && moreAccounts()) {
      ReadAhead.Item item = accounts.next();
      inputs.accept(item.line()).ifPresent(a -> {
        long first = seen.add(a.id(), item.line().lineNumber());
        if (first != 0) {
          refused.run();
          inputs.reject(inputs.accounts.getFileName() + " line " + item.line().lineNumber() + ": /id: \"" + a.id()
              + "\" is the id of the account on line " + first + "; an account is decided once, so this line is not");
        } else if (item.failure() != null) {
          refused.run();
          inputs.reject("account " + a.id() + ": " + item.failure().getMessage());
        } else {
          next = item.request();
        }
      });
    }
    return next != null;
  }

  private boolean moreAccounts() {
    try {
      return accounts.hasNext();
    } catch (UncheckedIOException e) {
      throw Inputs.unreadable(inputs.accounts, e);
    }
  }

  @Override
  public DecisionRequest next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    DecisionRequest r = next;
    inFlight.addLast(r);
    next = null;
    return r;
  }

  /**
   * The request of the result with this index, forgotten now.
   *
   * @throws IllegalStateException if it is not the oldest request in flight: results are done in
   *     the order their requests were taken
   */
  DecisionRequest done(long index) {
    if (index != firstInFlight || inFlight.isEmpty()) {
      throw new IllegalStateException("result " + index + " is not the next in input order: the oldest request in "
          + "flight is " + (inFlight.isEmpty() ? "none" : Long.toString(firstInFlight)));
    }
    firstInFlight++;
    return inFlight.pollFirst();
  }
}
