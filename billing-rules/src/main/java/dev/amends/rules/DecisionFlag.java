package dev.amends.rules;

/** Things about a decision a person should look at. */
public enum DecisionFlag {
  /** Availability landed exactly on a tier boundary that no tier includes; no credit was mapped. */
  AMBIGUOUS_BOUNDARY,
  /** A cap cut at least one credit. */
  CAP_REACHED,
  /** The decision's total is above the engine's review threshold. */
  NEEDS_REVIEW,
  /** A re-run computed less than was issued, and the policy does not allow clawbacks. */
  OVERPAID_NO_CLAWBACK,
  /**
   * A policy's effective window starts or ends inside the period: it was applied (or not) by the
   * period's start, and a person should check the switch-over.
   */
  POLICY_CHANGED_IN_PERIOD,
  /** Telemetry was missing for part of the period and the policy did not say how to count it. */
  MISSING_TELEMETRY,
  /** A credit is more than 100 % of the fee and the policy did not say that is allowed. */
  OVER_FULL_FEE
}
