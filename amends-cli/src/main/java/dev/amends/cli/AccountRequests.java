package dev.amends.cli;

import dev.amends.rules.DecisionRequest;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts file as requests, for {@code credit} and {@code diff}: lines that are rejected,
 * accounts whose id was already read on an earlier line, and accounts with no billing period
 * starting in the month, are reported (through {@link Inputs}) and skipped. Remembers each request in flight by its index in the batch, so a result
 * can be matched with its account; {@link #done(long)} forgets it.
 */
final class AccountRequests implements Iterator<DecisionRequest> {
  private final Map<Long, DecisionRequest> inFlight = new ConcurrentHashMap<>();
  private final ReadAhead accounts;
  private final Inputs inputs;
  private final Runnable refused;
  /** The ids met, with their lines: a second line with the same id is rejected as a duplicate. */
  private final SeenIds seen = new SeenIds();
  private DecisionRequest next;
  private long index;

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
    inFlight.put(index++, r);
    next = null;
    return r;
  }

  /** The request of the result with this index, forgotten now. */
  DecisionRequest done(long index) {
    return inFlight.remove(index);
  }
}
