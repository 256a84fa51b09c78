package dev.amends.core.measure;

/** Why a stretch of an outage did not count as downtime. */
public enum ExclusionReason {
  /** Inside the announced window of maintenance announced with enough notice. */
  ANNOUNCED_MAINTENANCE,
  /**
   * Inside a standing maintenance window of the contract ({@link MaintenanceWindow}): maintenance,
   * or any downtime if the window excludes all of it.
   */
  STANDING_MAINTENANCE_WINDOW,
  /** The outage's cause is one the policy excludes. */
  EXCLUDED_CAUSE,
  /** Degraded service, and the policy counts only full outages. */
  DEGRADED_SERVICE,
  /** The share of users affected was below the policy's threshold. */
  BELOW_IMPACT_THRESHOLD,
  /** Before the customer reported the outage, when counting from the report. */
  BEFORE_CUSTOMER_REPORT,
  /** The customer never reported the outage, when counting from the report. */
  NOT_REPORTED,
  /** A downtime period shorter than the policy's minimum. */
  SHORTER_THAN_MINIMUM,
  /** Part of a slice that was not down throughout, when only completed slices count. */
  INCOMPLETE_SLICE,
  /**
   * Downtime in a slice whose downtime, all outages together, was not more than the threshold of
   * {@link Granularity#slicesDownMoreThan(java.time.Duration, java.time.Duration)}.
   */
  BELOW_SLICE_THRESHOLD
}
