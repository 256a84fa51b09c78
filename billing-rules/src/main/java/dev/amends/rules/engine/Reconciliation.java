package dev.amends.rules.engine;

import dev.amends.rules.CreditLine;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.Policy;
import dev.amends.rules.internal.Texts;
import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingPeriod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.joda.money.Money;

/**
 * Step 3 of the engine's data flow: the lines a decision computes, less the credits already
 * issued for the same keys, as top-ups, clawbacks, or a flag and a warning. Stateless.
 */
public final class Reconciliation {
  private Reconciliation() {}

  /**
   * New lines minus what was issued, keyed by the original credit's key. Amounts and days of
   * service are reconciled together: more of either is a top-up carrying the differences, less of
   * either is a clawback where the policy allows one, and otherwise a flag and a warning.
   */
  public static List<CreditLine> reconcile(
      String accountId, BillingPeriod period, List<CreditLine> computed, List<IssuedCredit> issued, Map<String, Policy> policyById,
      Set<DecisionFlag> flags, List<String> warnings) {
    if (issued.isEmpty()) {
      return computed;
    }
    // By key, so that what is left over comes out in the same order whatever the order given.
    Map<String, Money> issuedByKey = new java.util.TreeMap<>();
    Map<String, Ratio> daysByKey = new HashMap<>();
    Map<String, IssuedCredit> firstIssued = new HashMap<>();
    for (IssuedCredit c : issued) {
      issuedByKey.merge(c.baseKey(), c.amount(), Money::plus);
      daysByKey.merge(c.baseKey(), c.days().orElse(Ratio.ZERO), Ratio::plus);
      firstIssued.putIfAbsent(c.baseKey(), c);
    }
    List<CreditLine> out = new ArrayList<>();
    for (CreditLine line : computed) {
      Money before = issuedByKey.remove(line.key());
      if (before == null) {
        out.add(line);
        continue;
      }
      Ratio daysBefore = daysByKey.get(line.key());
      Money diff = line.amount().minus(before);
      Ratio daysDiff = line.days().orElse(Ratio.ZERO).minus(daysBefore);
      if (diff.isZero() && daysDiff.isZero()) {
        continue;
      }
      Policy policy = policyById.get(line.policyId());
      String was = "now " + describe(line.amount(), line.days().orElse(Ratio.ZERO)) + ", issued "
          + describe(before, daysBefore);
      if (!diff.isNegative() && daysDiff.signum() >= 0) {
        out.add(adjust(line, CreditLine.Kind.TOP_UP, diff, daysDiff, before, daysBefore,
            "top-up: " + was + "; " + line.reason()));
      } else if (policy != null && policy.allowsClawback()) {
        out.add(adjust(line, CreditLine.Kind.CLAWBACK, diff, daysDiff, before, daysBefore,
            "clawback: " + was + "; " + line.reason()));
      } else {
        flags.add(DecisionFlag.OVERPAID_NO_CLAWBACK);
        warnings.add(line.key() + " issued " + describe(before, daysBefore) + " but now computes "
            + describe(line.amount(), line.days().orElse(Ratio.ZERO)) + "; policy " + line.policyId()
            + " does not allow clawbacks");
      }
    }
    // Issued credits the re-run no longer computes at all.
    for (Map.Entry<String, Money> left : issuedByKey.entrySet()) {
      Ratio daysLeft = daysByKey.get(left.getKey());
      if (left.getValue().isZero() && daysLeft.isZero()) {
        continue;
      }
      IssuedCredit first = firstIssued.get(left.getKey());
      Policy policy = policyById.get(first.policyId());
      String issuedText = describe(left.getValue(), daysLeft);
      if (policy != null && policy.allowsClawback() && !left.getValue().isNegative() && daysLeft.signum() >= 0) {
        warnings.add(left.getKey() + " issued " + issuedText + " is no longer owed; clawed back in full");
        out.add(new CreditLine(left.getKey() + "/clawback-after-" + suffix(left.getValue(), daysLeft),
            CreditLine.Kind.CLAWBACK, left.getValue().negated(),
            daysLeft.isZero() ? Optional.empty() : Optional.of(daysLeft.negated()), accountId,
            first.subscriptionId(), period, policy.id(), policy.version(), policy.digest(), first.rulePath(), List.of(),
            "clawback: issued " + issuedText + ", now nothing is owed"));
      } else {
        flags.add(DecisionFlag.OVERPAID_NO_CLAWBACK);
        warnings.add(left.getKey() + " issued " + issuedText + " is no longer owed; "
            + (policy == null ? "its policy " + first.policyId() + " is not in force"
                : "policy " + policy.id() + " does not allow clawbacks"));
      }
    }
    return out;
  }

  /** {@code USD 2.00}, or {@code USD 0.00 and 3 days} when days of service are involved. */
  private static String describe(Money amount, Ratio days) {
    return days.isZero() ? amount.toString() : amount + " and " + Texts.number(days) + " days";
  }

  /** What an adjustment's key says was issued: minor units, and days when there were any. */
  private static String suffix(Money before, Ratio daysBefore) {
    String minor = before.getAmountMinor().toPlainString();
    if (daysBefore.isZero()) {
      return minor;
    }
    String sign = daysBefore.signum() < 0 ? "n" : "";
    java.math.BigInteger n = daysBefore.numerator().abs();
    String days = daysBefore.denominator().equals(java.math.BigInteger.ONE) ? n.toString()
        : n + "_" + daysBefore.denominator();
    return minor + "-" + sign + days + "d";
  }

  private static CreditLine adjust(CreditLine line, CreditLine.Kind kind, Money diff, Ratio daysDiff, Money before,
      Ratio daysBefore, String reason) {
    String key = line.key() + "/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-after-"
        + suffix(before, daysBefore);
    return new CreditLine(key, kind, diff, daysDiff.isZero() ? Optional.empty() : Optional.of(daysDiff),
        line.extendsTermTo(), line.accountId(), line.subscriptionId(), line.period(), line.policyId(),
        line.policyVersion(), line.policyDigest(), line.rulePath(), line.outageIds(), reason);
  }
}
