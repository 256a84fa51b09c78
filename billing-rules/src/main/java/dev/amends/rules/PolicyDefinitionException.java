package dev.amends.rules;

import dev.amends.core.AmendsException;
import java.util.List;

/**
 * A policy or policy book is malformed. Every problem found is listed, each naming the node's
 * path or the field, the value, and the rule it broke; the message joins them one per line.
 */
public final class PolicyDefinitionException extends AmendsException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param subject what was being built, such as {@code policy sla v2}
   * @param problems every problem, at least one
   */
  public PolicyDefinitionException(String subject, List<String> problems) {
    super(subject + " is invalid:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one per entry. */
  public List<String> problems() {
    return problems;
  }
}
