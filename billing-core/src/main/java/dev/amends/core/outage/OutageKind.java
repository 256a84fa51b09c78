package dev.amends.core.outage;

/** What kind of event an outage record describes. */
public enum OutageKind {
  /** An unplanned failure. Always counts, unless another exclusion applies. */
  UNPLANNED,
  /**
   * Planned maintenance. It may be excluded inside its announced window when the policy says so
   * and the announcement gave enough notice; any overrun past the announced window counts.
   */
  MAINTENANCE,
  /**
   * Maintenance done at short notice to prevent a worse failure. Counts like unplanned, in full,
   * even when its short-notice announcement is recorded.
   */
  EMERGENCY_MAINTENANCE
}
