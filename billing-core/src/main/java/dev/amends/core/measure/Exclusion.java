package dev.amends.core.measure;

import dev.amends.core.time.WindowSet;
import java.util.List;
import java.util.Objects;

/**
 * Time that was recorded as an outage but not counted as downtime, and why.
 *
 * @param windows the time excluded, not null
 * @param reason why, not null
 * @param outageIds the outage records the time came from, not null
 * @param detail a one-line explanation with the numbers, such as {@code announced
 *     2007-11-21T05:00:00Z, notice PT240H >= PT24H, window 2007-12-01T05:00:00Z/2007-12-01T11:00:00Z}
 */
public record Exclusion(WindowSet windows, ExclusionReason reason, List<String> outageIds, String detail) {
  /** Validates and copies. */
  public Exclusion {
    Objects.requireNonNull(windows, "windows");
    Objects.requireNonNull(reason, "reason");
    outageIds = List.copyOf(outageIds);
    Objects.requireNonNull(detail, "detail");
  }

  /** Such as {@code ANNOUNCED_MAINTENANCE [..] of INC-1: detail}. */
  @Override
  public String toString() {
    return reason + " " + windows + " of " + String.join(",", outageIds) + ": " + detail;
  }
}
