package dev.amends.core.measure;

/** What availability is measured against. */
public enum Denominator {
  /** The whole billing period, even if the subscription was active for only part of it. */
  WHOLE_PERIOD,
  /** The part of the period during which the subscription was active (the default). */
  ACTIVE_PART,
  /** The active part minus announced maintenance that was excluded. */
  ACTIVE_PART_MINUS_EXCLUDED_MAINTENANCE
}
