package dev.amends.core.measure;

import dev.amends.core.time.WindowSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one outage's time in the measured window was counted: what counted, what was excluded and
 * why. The parts add up: {@code inWindow = counted + the lengths of excluded}.
 *
 * <p>For the December 2007 story ({@link #describe()}):
 * <pre>
 * MAINT-2007-12-01: down 13h in period; counted 7h; excluded 6h: announced maintenance window
 * 2007-12-01T05:00Z–11:00Z (announced 10 days ahead, notice &gt;= 24h); overrun 7h counts
 * </pre>
 *
 * <p>Counted time is this outage's own, overlaps with other outages included (the measured
 * downtime counts overlapping time once; see {@link Contribution#attributed()} for each
 * outage's share of it), and is time, not weighted by the share of users affected.
 *
 * @param outageId the outage record's id, not null
 * @param inWindow the outage's time inside the measured window, not null
 * @param counted how much of it counts as downtime, not null
 * @param excluded the rest, per reason, in the order the rules apply, not null
 * @param remarks why time that might look excluded counts, such as {@code overrun 7h counts} or
 *     {@code 2h beyond the maintenance budget of 5h counts again}, not null
 */
public record OutageBreakdown(
    String outageId, Duration inWindow, Duration counted, List<Part> excluded, List<String> remarks) {

  /**
   * Time of one outage excluded for one reason.
   *
   * @param reason why, not null
   * @param windows the time, not null
   * @param detail the reason in words with its numbers, such as {@code announced maintenance
   *     window 2007-12-01T05:00Z–11:00Z (announced 10 days ahead, notice >= 24h)}, not null
   */
  public record Part(ExclusionReason reason, WindowSet windows, String detail) {
    /** Validates. */
    public Part {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(windows, "windows");
      Objects.requireNonNull(detail, "detail");
    }

    /** The length of the time excluded. */
    public Duration length() {
      return windows.totalLength();
    }
  }

  /** Validates and copies. */
  public OutageBreakdown {
    Objects.requireNonNull(outageId, "outageId");
    Objects.requireNonNull(inWindow, "inWindow");
    Objects.requireNonNull(counted, "counted");
    excluded = List.copyOf(excluded);
    remarks = List.copyOf(remarks);
  }

  /** The total excluded, over every reason. */
  public Duration excludedTotal() {
    Duration total = Duration.ZERO;
    for (Part p : excluded) {
      total = total.plus(p.length());
    }
    return total;
  }

  /**
   * One line for a person: {@code ID: down 13h in period; counted 7h; excluded 6h: <why>;
   * <remarks>}. With several reasons, each is preceded by its length.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(outageId).append(": down ").append(Texts.duration(inWindow)).append(" in period; counted ")
        .append(Texts.duration(counted));
    if (!excluded.isEmpty()) {
      sb.append("; excluded ").append(Texts.duration(excludedTotal())).append(": ");
      if (excluded.size() == 1) {
        sb.append(excluded.get(0).detail());
      } else {
        List<String> parts = new ArrayList<>();
        for (Part p : excluded) {
          parts.add(Texts.duration(p.length()) + " " + p.detail());
        }
        sb.append(String.join("; ", parts));
      }
    }
    for (String r : remarks) {
      sb.append("; ").append(r);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
