package dev.amends.rules;

import dev.amends.core.AmendsException;

/**
 * A rule failed while deciding: it threw, returned null, gave a credit in the wrong currency,
 * or an {@code exactlyOne} node matched more than one child. The message names the rule's path.
 */
public final class RuleEvaluationException extends AmendsException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /**
   * Creates the exception.
   *
   * @param path the failing node's path, such as {@code sla/tiers}
   * @param problem what went wrong
   * @param cause the underlying failure, may be null
   */
  public RuleEvaluationException(String path, String problem, Throwable cause) {
    super("rule " + path + " " + problem, cause);
    this.path = path;
  }

  /** The failing node's path. */
  public String path() {
    return path;
  }
}
