package dev.amends.ledger;

import dev.amends.core.AmendsException;

/**
 * The ledger could not do what was asked: the database could not be reached or refused a
 * statement, its schema is newer than this library, or a line conflicts with one recorded. The
 * message says which, and what was committed before (whole chunks only).
 */
public class LedgerException extends AmendsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, not null
   */
  public LedgerException(String message) {
    super(message);
  }

  /**
   * Creates an exception with its cause.
   *
   * @param message what went wrong, not null
   * @param cause the underlying failure, such as an {@link java.sql.SQLException}; may be null
   */
  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
