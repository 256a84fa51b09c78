package dev.amends.rules;

import java.util.Objects;

/**
 * How one policy judged one subscription: the fee, the measurement, and the trace of its rule
 * tree.
 *
 * @param subscriptionId the subscription
 * @param policyId the policy
 * @param policyVersion its version
 * @param policyDigest its digest
 * @param fee the fee for the period, as text
 * @param measurement the measurement, as text
 * @param root the trace of the rule tree
 */
public record SubscriptionTrace(
    String subscriptionId, String policyId, int policyVersion, String policyDigest, String fee, String measurement,
    TraceNode root) {
  /** Validates. */
  public SubscriptionTrace {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(policyDigest, "policyDigest");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(measurement, "measurement");
    Objects.requireNonNull(root, "root");
  }
}
