package dev.amends.core.measure;

import dev.amends.core.money.Ratio;
import dev.amends.core.time.WindowSet;
import java.math.RoundingMode;
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
 * outage's share of it), and is time, not weighted by the share of users affected. When the
 * measurement rules weight partial impact ({@link PartialImpact#isWeighted()}), {@link
 * #weightedCounted()} is that time times the {@link #share()}, and the text says both:
 *
 * <pre>
 * INC-7: down 25h in period; counted 25h × 1/3 of users affected = 8h 20m
 * </pre>
 *
 * @param outageId the outage record's id, not null
 * @param inWindow the outage's time inside the measured window, not null
 * @param counted how much of it counts as downtime, as time, not null
 * @param excluded the rest, per reason, in the order the rules apply, not null
 * @param remarks why time that might look excluded counts, such as {@code overrun 7h counts} or
 *     {@code 2h beyond the maintenance budget of 5h counts again}, not null
 * @param share the share of users the outage affected, in {@code (0, 1]}; one when it affected
 *     everyone or stated no share, not null
 * @param weighted whether the counted time counts times the share ({@link
 *     PartialImpact#weighted()}); otherwise it counts in full whatever the share
 */
public record OutageBreakdown(
    String outageId, Duration inWindow, Duration counted, List<Part> excluded, List<String> remarks,
    Ratio share, boolean weighted) {

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
    Objects.requireNonNull(share, "share");
  }

  /**
   * A breakdown of an outage that affected everyone, or whose share the rules do not weigh: as
   * the canonical constructor with share one and not weighted.
   */
  public OutageBreakdown(
      String outageId, Duration inWindow, Duration counted, List<Part> excluded, List<String> remarks) {
    this(outageId, inWindow, counted, excluded, remarks, Ratio.ONE, false);
  }

  /**
   * The counted time as it counts towards downtime: {@link #counted()} times the {@link #share()}
   * when {@link #weighted()}, rounded half-up to the nanosecond, else {@link #counted()}.
   *
   * <pre>{@code
   * // 25h counted, a third of users affected, weighted: 8h 20m
   * }</pre>
   *
   * @return the weighted counted time, not null
   */
  public Duration weightedCounted() {
    if (!weighted || share.equals(Ratio.ONE)) {
      return counted;
    }
    return Duration.ofNanos(Ratio.of(counted, Duration.ofNanos(1)).multipliedBy(share)
        .toBigDecimal(0, RoundingMode.HALF_UP).longValueExact());
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
   * <remarks>}. With several reasons, each is preceded by its length. An outage that affected a
   * share of users says so after the counted time: {@code counted 25h × 1/3 of users affected =
   * 8h 20m} when the share is weighted, {@code counted 25h (1/3 of users affected; partial impact
   * counts in full)} when it is not.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(outageId).append(": down ").append(Texts.duration(inWindow)).append(" in period; counted ")
        .append(Texts.duration(counted));
    if (share.compareTo(Ratio.ONE) < 0) {
      sb.append(weighted
          ? " × " + share + " of users affected = " + Texts.duration(weightedCounted())
          : " (" + share + " of users affected; partial impact counts in full)");
    }
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
