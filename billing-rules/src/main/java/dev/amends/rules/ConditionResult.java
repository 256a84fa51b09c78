package dev.amends.rules;

import java.util.Objects;

/**
 * The result of a {@link Condition}: whether it held, what was observed, and what it was
 * compared against.
 *
 * @param met whether the condition held
 * @param observed what was observed, such as {@code plan grid}
 * @param expected what it was compared against, such as {@code plan in [grid, pro]}
 */
public record ConditionResult(boolean met, String observed, String expected) {
  /** Validates. */
  public ConditionResult {
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(expected, "expected");
  }

  /** One line: {@code plan grid; plan in [grid, pro]: met}. */
  public String describe() {
    return observed + "; " + expected + ": " + (met ? "met" : "not met");
  }
}
