package dev.amends.testkit;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import dev.amends.rules.TraceNode;

/**
 * The entry point of the testkit's assertions, beside AssertJ's own:
 *
 * <pre>{@code
 * import static dev.amends.testkit.AmendsAssertions.assertThat;
 * import static org.assertj.core.api.Assertions.assertThat;   // both can be imported
 *
 * assertThat(decision).hasLine("sla/tiers").withAmount("USD 2.00").and().hasTotal("USD 2.00");
 * }</pre>
 *
 * <p>Failures are {@link AssertionError}s whose messages show what was expected, what was found,
 * the decision's lines and, where it helps, what the trace says.
 */
public final class AmendsAssertions {
  private AmendsAssertions() {}

  /** Assertions on a decision. */
  public static DecisionAssert assertThat(CreditDecision decision) {
    return new DecisionAssert(decision);
  }

  /** Assertions on one credit line. */
  public static LineAssert assertThat(CreditLine line) {
    return new LineAssert(line);
  }

  /** Assertions on one node of a trace. */
  public static TraceNodeAssert assertThat(TraceNode node) {
    return new TraceNodeAssert(node);
  }
}
