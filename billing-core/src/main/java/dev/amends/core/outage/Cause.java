package dev.amends.core.outage;

/** Who or what caused an outage; policies may exclude some causes. */
public enum Cause {
  /** The provider's own systems or staff. */
  PROVIDER,
  /** The customer's own actions, software or equipment. */
  CUSTOMER,
  /** A third party outside the provider's control, such as an upstream network. */
  THIRD_PARTY,
  /** Force majeure: natural disaster, war, government action. */
  FORCE_MAJEURE
}
