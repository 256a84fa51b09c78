package dev.amends.rules;

import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingPeriod;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;

/**
 * One credit for the account system to show and apply: the amount, rounded once to the
 * currency's scale with the policy's rounding, and everything needed to explain and de-duplicate
 * it.
 *
 * @param key the idempotency key: the same on every re-run of the same inputs; an adjustment's
 *     key is its original's key, {@code /}, and what it adjusts
 * @param kind a credit, a top-up of an earlier credit, or a clawback
 * @param amount the amount; negative only for a clawback
 * @param days the term extension in days, if the rule gives one
 * @param accountId the account
 * @param subscriptionId the subscription
 * @param period the billing period
 * @param policyId the deciding policy
 * @param policyVersion its version
 * @param policyDigest its digest
 * @param rulePath the path of the rule in the policy's tree, such as {@code sla/tiers}
 * @param outageIds the outages the credit rests on
 * @param reason one line with the numbers, such as
 *     {@code availability 99.0591 % < 99.9 % -> 10 % of USD 20.00}
 */
public record CreditLine(
    String key,
    Kind kind,
    Money amount,
    Optional<Ratio> days,
    String accountId,
    String subscriptionId,
    BillingPeriod period,
    String policyId,
    int policyVersion,
    String policyDigest,
    String rulePath,
    List<String> outageIds,
    String reason) {

  /** What a line does. */
  public enum Kind {
    /** A new credit. */
    CREDIT,
    /** The difference when a re-run computes more than was issued. */
    TOP_UP,
    /** The difference, negative, when a re-run computes less and the policy allows clawbacks. */
    CLAWBACK
  }

  /** Validates and copies. */
  public CreditLine {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(days, "days");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(policyDigest, "policyDigest");
    Objects.requireNonNull(rulePath, "rulePath");
    outageIds = List.copyOf(outageIds);
    Objects.requireNonNull(reason, "reason");
  }

  /** One line: {@code USD 40.00 CREDIT sub-c2 goodwill-2007 v1 goodwill/free: reason [key]}. */
  public String describe() {
    return amount + " " + kind + (days.isPresent() ? " +" + days.get() + " days" : "") + " " + subscriptionId + " "
        + policyId + " v" + policyVersion + " " + rulePath + ": " + reason
        + (outageIds.isEmpty() ? "" : " (outages " + String.join(", ", outageIds) + ")") + " [" + key + "]";
  }
}
