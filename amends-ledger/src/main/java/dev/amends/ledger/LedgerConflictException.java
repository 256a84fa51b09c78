package dev.amends.ledger;

import dev.amends.rules.CreditLine;

/**
 * A line was to be recorded under a key the ledger already holds with different content. The
 * ledger never overwrites: the chunk holding the line is rolled back (chunks committed before it
 * stay) and this names both. It happens when a run decides without the credits already issued
 * (two different policies racing, or an edited ledger); decide again with {@link
 * CreditLedger#issued} and the engine gives a top-up or clawback under a new key instead.
 */
public final class LedgerConflictException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final transient RecordedLine recorded;
  private final transient CreditLine attempted;

  LedgerConflictException(RecordedLine recorded, CreditLine attempted) {
    super("credit line " + attempted.key() + " is already recorded with different content; the ledger is "
        + "append-only and nothing of this chunk was recorded. Recorded: " + recorded.describe()
        + ". Now: " + attempted.amount() + " " + attempted.kind()
        + attempted.days().map(d -> " +" + d + " days").orElse("") + " " + attempted.subscriptionId() + " "
        + attempted.policyId() + " v" + attempted.policyVersion() + " " + attempted.rulePath() + " period "
        + attempted.period().startDate() + ".." + attempted.period().endDate()
        + ". Decide again with the issued credits to get a top-up or clawback");
    this.recorded = recorded;
    this.attempted = attempted;
  }

  /** The key both lines share. */
  public String key() {
    return attempted.key();
  }

  /** The line as the ledger holds it. */
  public RecordedLine recorded() {
    return recorded;
  }

  /** The line that was to be recorded. */
  public CreditLine attempted() {
    return attempted;
  }
}
