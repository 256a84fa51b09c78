package dev.amends.rules;

import dev.amends.core.AmendsException;
import dev.amends.core.internal.Checks;
import java.util.Optional;

/**
 * What a batch gives for one request: a {@link Decided decision} or a {@link Rejected
 * rejection} that says why. A batch gives exactly one result per request, in input order, with
 * {@link #index()} the request's position in the input (from 0).
 *
 * <pre>{@code
 * switch (result) {
 *   case BatchResult.Decided d -> billing.apply(d.decision().lines());
 *   case BatchResult.Rejected r -> log.warn("request " + r.index() + ": " + r.reason());
 * }
 * }</pre>
 */
public sealed interface BatchResult {
  /** The request's position in the input, from 0. */
  long index();

  /** The account decided or rejected; empty when the request itself was null. */
  Optional<String> accountId();

  /**
   * A request decided.
   *
   * @param index the request's position in the input, from 0
   * @param decision the decision, not null
   */
  record Decided(long index, CreditDecision decision) implements BatchResult {
    /** Checks the decision is there. */
    public Decided {
      Checks.notNull("decision", decision);
    }

    @Override
    public Optional<String> accountId() {
      return Optional.of(decision.accountId());
    }
  }

  /**
   * A request that could not be decided; the rest of the batch carries on.
   *
   * <p>A request the engine rejects with an {@link AmendsException} (bad input, a rule that
   * fails, a bad issued credit) gives that exception and its message, which names the field or
   * rule path, the value and the rule broken. Any other exception, or a {@link
   * StackOverflowError}, is a bug in Amends or in a user's rule: it is not lost either, and
   * {@link #isBug()} says so, the reason being {@code internal error: } followed by its class and
   * message. Other {@link Error}s (out of memory) end the batch: they are thrown to the reader.
   *
   * @param index the request's position in the input, from 0
   * @param accountId the account's id, empty when the request was null
   * @param reason why, not null
   * @param cause the exception the engine threw, not null
   */
  record Rejected(long index, Optional<String> accountId, String reason, Throwable cause) implements BatchResult {
    /** Checks every part is there. */
    public Rejected {
      Checks.notNull("accountId", accountId);
      Checks.notNull("reason", reason);
      Checks.notNull("cause", cause);
    }

    /** True if the cause is not an {@link AmendsException}: a bug, not a bad request. */
    public boolean isBug() {
      return !(cause instanceof AmendsException);
    }
  }
}
