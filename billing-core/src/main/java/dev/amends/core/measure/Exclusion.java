package dev.amends.core.measure;

import dev.amends.core.internal.Checks;
import dev.amends.core.time.WindowSet;
import java.util.List;

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
    Checks.notNull("exclusion.windows", windows);
    Checks.notNull("exclusion.reason", reason);
    Checks.notNull("exclusion.outageIds", outageIds);
    for (int i = 0; i < outageIds.size(); i++) {
      Checks.notNull("exclusion.outageIds[" + i + "]", outageIds.get(i));
    }
    outageIds = List.copyOf(outageIds);
    Checks.notNull("exclusion.detail", detail);
  }

  /** Such as {@code ANNOUNCED_MAINTENANCE [..] of INC-1: detail}. */
  @Override
  public String toString() {
    return reason + " " + windows + " of " + String.join(",", outageIds) + ": " + detail;
  }
}
