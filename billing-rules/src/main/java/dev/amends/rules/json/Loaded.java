package dev.amends.rules.json;

import java.util.List;
import java.util.Objects;

/**
 * A document that was read, with the warnings found while checking it: things that are allowed
 * but probably not meant, such as tiers written out of order or a branch of a first match that
 * is never reached. Errors are never here: a document with any is rejected with a {@link
 * JsonDocumentException}.
 *
 * @param value what was read, such as a {@link dev.amends.rules.Policy}
 * @param warnings each with its JSON Pointer, in document order; empty if none
 * @param <T> the type read
 */
public record Loaded<T>(T value, List<JsonProblem> warnings) {
  /** Checks that neither is null and copies the warnings. */
  public Loaded {
    Objects.requireNonNull(value, "value");
    warnings = List.copyOf(warnings);
  }
}
