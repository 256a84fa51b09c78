package dev.amends.rules;

import dev.amends.core.account.PeriodFee;
import dev.amends.core.measure.Measurement;
import dev.amends.core.internal.Checks;

/**
 * How one policy judged one subscription: the fee, the measurement, and the trace of its rule
 * tree.
 *
 * <p>The fee and the measurement are the objects the rules saw, not their text: {@code
 * measurement().breakdown()} says, outage by outage, what counted and why the rest did not, and
 * {@code measurement().missingTelemetry()} what telemetry was missing.
 *
 * @param subscriptionId the subscription
 * @param policyId the policy
 * @param policyVersion its version
 * @param policyDigest its digest
 * @param fee the fee for the period
 * @param measurement the measurement
 * @param root the trace of the rule tree; when the tree was not evaluated (telemetry missing and
 *     not allowed), a single node saying why
 */
public record SubscriptionTrace(
    String subscriptionId, String policyId, int policyVersion, String policyDigest, PeriodFee fee,
    Measurement measurement, TraceNode root) {
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
