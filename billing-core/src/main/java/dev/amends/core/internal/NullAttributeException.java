package dev.amends.core.internal;

import dev.amends.core.InvalidInputException;

/**
 * Raised by a generated builder (or a generated {@code copyOf}) when one of its methods is given
 * null; Immutables calls it through {@link AmendsStyle}'s {@code throwForNullPointer}.
 *
 * <p>Immutables passes the attribute's name ({@code id}), {@code <attribute> element} for a
 * collection element ({@code scopes element}), or the parameter's name for other methods
 * ({@code instance} for {@code from(null)}). The field is that name under the type's prefix
 * (see {@link GeneratedTypes}): {@code account.id is required: null},
 * {@code outage.scopes must not contain null: null}. Not API: callers see an
 * {@link InvalidInputException}.
 */
public final class NullAttributeException extends InvalidInputException {
  private static final long serialVersionUID = 1L;
  private static final String ELEMENT = " element";

  /**
   * Creates the exception for the name Immutables gives.
   *
   * @param name the attribute, element or parameter name from the generated code
   */
  public NullAttributeException(String name) {
    super(field(GeneratedTypes.callerType(), name), rule(name), "null");
  }

  private static String field(String type, String name) {
    String attribute = String.valueOf(name);
    if (attribute.endsWith(ELEMENT)) {
      attribute = attribute.substring(0, attribute.length() - ELEMENT.length());
    }
    return type + "." + attribute;
  }

  private static String rule(String name) {
    return name != null && name.endsWith(ELEMENT) ? "must not contain null" : "is required";
  }
}
