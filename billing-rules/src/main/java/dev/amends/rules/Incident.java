package dev.amends.rules;

import dev.amends.core.measure.Measurement;
import dev.amends.core.outage.Outage;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.threeten.extra.Interval;

/**
 * "The incident" of a period, the one instant that claim deadlines and standing at the incident
 * both read, so the two can never disagree:
 *
 * <ol>
 *   <li>the end of the latest outage that contributed counted downtime (on equal ends, the
 *       smallest id names it);
 *   <li>failing that (telemetry), the end of the last counted window;
 *   <li>failing that, with downtime counted all the same (averaged telemetry), the end of the
 *       measured window;
 *   <li>else there is no incident.
 * </ol>
 *
 * @param end the end of the incident
 * @param description what it is, such as {@code incident INC-1} or {@code the last counted telemetry window}
 */
record Incident(Instant end, String description) {
  private static final Comparator<Outage> LATEST_END = Comparator.comparing((Outage o) -> o.window().getEnd())
      .thenComparing(Outage::id, Comparator.reverseOrder());

  static Optional<Incident> of(RuleContext context) {
    Optional<Outage> latest = context.countedOutages().stream().max(LATEST_END);
    if (latest.isPresent()) {
      return Optional.of(new Incident(latest.get().window().getEnd(), "incident " + latest.get().id()));
    }
    Measurement m = context.measurement();
    List<Interval> counted = m.counted().windows();
    if (!counted.isEmpty()) {
      return Optional.of(new Incident(counted.get(counted.size() - 1).getEnd(), "the last counted telemetry window"));
    }
    if (m.downtime().isPositive()) {
      return Optional.of(new Incident(m.measuredWindow().map(Interval::getEnd).orElse(context.period().end()),
          "the measured window (downtime counted without windows)"));
    }
    return Optional.empty();
  }
}
