package dev.amends.testkit;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import java.util.List;

/** Short texts of decisions and lines for failure messages. */
final class Describe {
  private Describe() {}

  /** {@code USD 2.00 CREDIT sub-1 grid-sla v1 sla/tiers: reason (outages OUT-1)}, without the key. */
  static String line(CreditLine l) {
    return l.amount() + " " + l.kind() + (l.days().isPresent() ? " +" + l.days().get() + " days" : "") + " "
        + l.subscriptionId() + " " + l.policyId() + " v" + l.policyVersion() + " " + l.rulePath() + ": " + l.reason()
        + (l.outageIds().isEmpty() ? "" : " (outages " + String.join(", ", l.outageIds()) + ")");
  }

  /** The lines, one per row and indented, or {@code (no lines)}. */
  static String lines(List<CreditLine> lines) {
    if (lines.isEmpty()) {
      return "  (no lines)";
    }
    StringBuilder sb = new StringBuilder();
    for (CreditLine l : lines) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append("  ").append(line(l));
    }
    return sb.toString();
  }

  /** {@code 420 min}, {@code 21 min 36 s}, {@code 0.2592 s}: minutes and exact seconds. */
  static String duration(java.time.Duration d) {
    long minutes = d.toMinutes();
    java.time.Duration rest = d.minusMinutes(minutes);
    if (rest.isZero()) {
      return minutes + " min";
    }
    String seconds = new java.math.BigDecimal(rest.getSeconds()).add(java.math.BigDecimal.valueOf(rest.getNano(), 9))
        .stripTrailingZeros().toPlainString() + " s";
    return minutes == 0 ? seconds : minutes + " min " + seconds;
  }

  /** {@code decision for acct-1, 2007-12}. */
  static String decision(CreditDecision d) {
    return "decision for " + d.accountId() + ", " + d.period().label();
  }
}
