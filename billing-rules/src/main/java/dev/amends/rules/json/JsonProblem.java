package dev.amends.rules.json;

import java.util.Objects;

/**
 * One thing wrong with a JSON document or NDJSON line: where, the value found there, and the rule
 * it broke.
 *
 * <p>{@code toString()} reads {@code /rules/of/0/tiers/1/below: "99,0" is not a decimal}.
 *
 * @param pointer the JSON Pointer (RFC 6901) of the value, {@code ""} for the whole document
 * @param value the value found, as JSON text and shortened to at most 80 characters, or {@code
 *     "(missing)"} when a required field is absent
 * @param message what is wrong, such as {@code is not a decimal}
 */
public record JsonProblem(String pointer, String value, String message) {
  /** The value text of a required field that is absent. */
  public static final String MISSING = "(missing)";

  /** Checks that no component is null. */
  public JsonProblem {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + value + " " + message;
  }
}
