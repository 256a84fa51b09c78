package dev.amends.rules.json;

import dev.amends.core.AmendsException;
import java.util.List;

/**
 * A JSON document, or one NDJSON line, that cannot be read: every problem found in one pass, each
 * with its JSON Pointer, the value found, and what is wrong.
 *
 * <p>The message lists them one a line, after the subject (such as {@code policy document} or
 * {@code outages.ndjson line 17}).
 */
public final class JsonDocumentException extends AmendsException {
  private static final long serialVersionUID = 1L;

  private final String subject;
  private final transient List<JsonProblem> problems;

  /**
   * Creates the exception.
   *
   * @param subject what was read, such as {@code policy document} or {@code accounts line 17}
   * @param problems what is wrong, at least one
   */
  public JsonDocumentException(String subject, List<JsonProblem> problems) {
    super(message(subject, problems));
    this.subject = subject;
    this.problems = List.copyOf(problems);
  }

  private static String message(String subject, List<JsonProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a JsonDocumentException needs at least one problem");
    }
    StringBuilder sb = new StringBuilder(subject).append(": ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (JsonProblem p : problems) {
      sb.append("\n  ").append(p);
    }
    return sb.toString();
  }

  /** What was read, such as {@code policy document} or {@code accounts line 17}. */
  public String subject() {
    return subject;
  }

  /** Every problem found, in document order. */
  public List<JsonProblem> problems() {
    return problems;
  }
}
