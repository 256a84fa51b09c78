package dev.amends.core;

/**
 * Root of Amends' small, unchecked exception hierarchy.
 *
 * <p>Every Amends exception says what was wrong in terms a caller can act on. The subclasses
 * carry the details as accessors rather than only in the message, so a batch can report a bad
 * record and carry on with the rest.
 */
public class AmendsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, not null
   */
  public AmendsException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, not null
   * @param cause the underlying failure, may be null
   */
  public AmendsException(String message, Throwable cause) {
    super(message, cause);
  }
}
