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
  OVERPAID_NO_CLAWBACK
}
