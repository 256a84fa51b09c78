package dev.amends.ledger;

/**
 * What a run read and decided, recorded with it when it finishes.
 *
 * @param read accounts read
 * @param decided accounts decided
 * @param rejected accounts or lines rejected
 */
public record RunCounts(long read, long decided, long rejected) {
  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException naming the count if one is negative
   */
  public RunCounts {
    if (read < 0 || decided < 0 || rejected < 0) {
      throw new IllegalArgumentException("run counts must not be negative: read " + read + ", decided " + decided
          + ", rejected " + rejected);
    }
  }
}
