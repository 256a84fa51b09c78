package dev.amends.core.measure;

import dev.amends.core.internal.Checks;
import dev.amends.core.time.WindowSet;
import java.time.Duration;

/**
 * One outage's part in a measurement.
 *
 * @param outageId the outage record's id, not null
 * @param counted the counted downtime this outage covers, after the minimum downtime and the
 *     granularity (a blip dropped as too short or the ragged end of an incomplete slice is not in
 *     it); overlaps with other outages included, not null
 * @param attributed this outage's share of the total downtime: overlapping time goes to the
 *     earliest outage (then the smaller id), and time a started slice added goes to the outage
 *     whose downtime it extends, so the shares of all outages sum to the measured downtime
 *     (before any weighting by the share of users affected), not null
 */
public record Contribution(String outageId, WindowSet counted, Duration attributed) {
  /** Validates. */
  public Contribution {
    Checks.notNull("contribution.outageId", outageId);
    Checks.notNull("contribution.counted", counted);
    Checks.notNull("contribution.attributed", attributed);
  }
}
