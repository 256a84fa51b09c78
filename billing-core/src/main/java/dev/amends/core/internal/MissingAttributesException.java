package dev.amends.core.internal;

import dev.amends.core.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Raised by a generated builder's {@code build()} when required attributes were never set;
 * Immutables calls it through {@link AmendsStyle}'s {@code throwForInvalidImmutableState}.
 *
 * <p>Every missing attribute is named under the type's prefix (see {@link GeneratedTypes}):
 * {@code account.id is required: not set}, or for several
 * {@code account.id, account.currency are required: not set}. Not API: callers see an
 * {@link InvalidInputException}.
 */
public final class MissingAttributesException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for the attributes Immutables found unset.
   *
   * @param attributes the names of the missing attributes, in declaration order
   */
  public MissingAttributesException(String... attributes) {
    super(fields(GeneratedTypes.callerType(), attributes), rule(attributes), "not set");
  }

  /**
   * Creates the exception for any other invalid builder state Immutables reports with a
   * message, such as a cycle between default attributes.
   *
   * @param message Immutables' description of the problem
   */
  public MissingAttributesException(String message) {
    super(GeneratedTypes.callerType(), "is not in a valid state", String.valueOf(message));
  }

  private static String fields(String type, String[] attributes) {
    if (attributes == null || attributes.length == 0) {
      return type;
    }
    return Arrays.stream(attributes).map(a -> type + "." + a).collect(Collectors.joining(", "));
  }

  private static String rule(String[] attributes) {
    return attributes != null && attributes.length > 1 ? "are required" : "is required";
  }
}
