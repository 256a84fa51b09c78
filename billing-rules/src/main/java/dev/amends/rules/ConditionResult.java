package dev.amends.rules;

import dev.amends.core.internal.Checks;

/**
 * The result of a {@link Condition}: whether it held, what was observed, and what it was
 * compared against.
 *
 * @param met whether the condition held
 * @param observed what was observed, such as {@code plan grid}
 * @param expected what it was compared against, such as {@code plan in [grid, pro]}
 */
public record ConditionResult(boolean met, String observed, String expected) {
  /**
   * Validates: both texts present, non-blank and one line (they appear in explanations).
   *
   * @throws dev.amends.core.InvalidInputException naming {@code condition.observed} or {@code
   *     condition.expected}
   */
  public ConditionResult {
    Checks.notBlank("condition.observed", observed);
    Checks.notBlank("condition.expected", expected);
  }

  /** One line: {@code plan grid; plan in [grid, pro]: met}. */
  public String describe() {
    return observed + "; " + expected + ": " + (met ? "met" : "not met");
  }

  /** The result in a trace: {@code observed} and {@code expected}, as text. */
  java.util.Map<String, TraceValue> traceValues() {
    java.util.Map<String, TraceValue> values = new java.util.LinkedHashMap<>();
    values.put("observed", TraceValue.text(observed));
    values.put("expected", TraceValue.text(expected));
    return values;
  }
}
