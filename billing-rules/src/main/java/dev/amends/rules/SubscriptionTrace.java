package dev.amends.rules;

import dev.amends.core.account.PeriodFee;
import dev.amends.core.measure.Measurement;
import dev.amends.core.internal.Checks;
import java.util.Optional;

/**
 * How one policy judged one subscription: the fee, the measurement, and the trace of its rule
 * tree.
 *
 * <p>The fee and the measurement are the objects the rules saw, not their text: {@code
 * measurement().orElseThrow().breakdown()} says, outage by outage, what counted and why the rest
 * did not, and {@code measurement().orElseThrow().missingTelemetry()} what telemetry was missing.
 * Both are present whenever a policy's rule tree was evaluated. They are empty only where they
 * were never needed: a subscription found not eligible for a {@link Campaign} by a condition that
 * does not look at them (such as a placement or a plan) is traced as "not eligible: …" without
 * computing its fee or its measurement; and a subscription on a plan its policy does not cover
 * ({@link Policy#plans()}), traced as "not covered: …".
 *
 * @param subscriptionId the subscription
 * @param policyId the policy
 * @param policyVersion its version
 * @param policyDigest its digest
 * @param fee the fee for the period; empty if it was not needed (see above)
 * @param measurement the measurement; empty if it was not needed (see above)
 * @param root the trace of the rule tree; when the tree was not evaluated (telemetry missing and
 *     not allowed), a single node saying why
 */
public record SubscriptionTrace(
    String subscriptionId, String policyId, int policyVersion, String policyDigest,
    Optional<PeriodFee> fee, Optional<Measurement> measurement, TraceNode root) {
  /**
   * Validates.
   *
   * @throws dev.amends.core.InvalidInputException naming the component, such as {@code
   *     subscriptionTrace.measurement}, if one is null
   */
  public SubscriptionTrace {
    Checks.notNull("subscriptionTrace.subscriptionId", subscriptionId);
    Checks.notNull("subscriptionTrace.policyId", policyId);
    Checks.notNull("subscriptionTrace.policyDigest", policyDigest);
    Checks.notNull("subscriptionTrace.fee", fee);
    Checks.notNull("subscriptionTrace.measurement", measurement);
    Checks.notNull("subscriptionTrace.root", root);
  }
}
