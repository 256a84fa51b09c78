package dev.amends.core.measure;

/** When downtime starts to count. */
public enum CountFrom {
  /** From the start of the outage record, when the provider detected it (the default). */
  DETECTION,
  /**
   * From the moment the customer reported it. Time before the report is excluded, and an
   * outage the customer never reported does not count.
   */
  CUSTOMER_REPORT
}
