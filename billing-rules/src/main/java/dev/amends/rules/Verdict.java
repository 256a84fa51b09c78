package dev.amends.rules;

/** What happened at one node of the rule tree. */
public enum Verdict {
  /** The node gave at least one credit. */
  CREDITED,
  /** The node's condition or threshold was not met; no credit. */
  NOT_MET,
  /** The node was not evaluated: an earlier sibling matched, or the other branch was taken. */
  SKIPPED,
  /** The node gave a credit but a more generous sibling won. */
  LOST,
  /** The node's credits were cut by a cap. */
  CAPPED,
  /** The node gave a credit of zero. */
  ZERO
}
