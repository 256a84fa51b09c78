package dev.amends.rules.internal;

/**
 * Internal, not part of the API: the answer of a condition's quick test, which reads only the
 * subscription (its plan, its placements, its active window) and builds no text. {@link
 * #NEEDS_FULL_TEST} for a condition that reads anything else (the fee, the measurement, the
 * outages, the claim) or is not the library's own: only its full test can say.
 */
public enum QuickTest {
  /** The condition holds: its full test would say met. */
  HOLDS,
  /** The condition does not hold: its full test would say not met. */
  FAILS,
  /** The quick test cannot say; test the condition in full. */
  NEEDS_FULL_TEST;

  /** {@link #HOLDS} if {@code holds}, else {@link #FAILS}. */
  public static QuickTest of(boolean holds) {
    return holds ? HOLDS : FAILS;
  }

  /** The answer for the condition's negation: holds and fails swapped, a full test still needed. */
  public QuickTest negated() {
    return switch (this) {
      case HOLDS -> FAILS;
      case FAILS -> HOLDS;
      case NEEDS_FULL_TEST -> NEEDS_FULL_TEST;
    };
  }
}
