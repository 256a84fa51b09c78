package dev.amends.rules;

import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingPeriod;
import java.time.Instant;
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
 * @param extendsTermTo the subscription's new term end, present when the line carries more than
 *     zero days: see {@link #extendsTermTo()}
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
    Optional<Instant> extendsTermTo,
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
    Objects.requireNonNull(extendsTermTo, "extendsTermTo");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(policyDigest, "policyDigest");
    Objects.requireNonNull(rulePath, "rulePath");
    outageIds = List.copyOf(outageIds);
    Objects.requireNonNull(reason, "reason");
  }

  /** A line that extends no term: as the canonical constructor with {@code extendsTermTo} empty. */
  public CreditLine(
      String key, Kind kind, Money amount, Optional<Ratio> days, String accountId, String subscriptionId,
      BillingPeriod period, String policyId, int policyVersion, String policyDigest, String rulePath,
      List<String> outageIds, String reason) {
    this(key, kind, amount, days, Optional.empty(), accountId, subscriptionId, period, policyId, policyVersion,
        policyDigest, rulePath, outageIds, reason);
  }

  /**
   * The subscription's new term end, when the line carries days of service.
   *
   * <p>Days of service extend the paid-through date, as hosting SLAs mean by "3 days of service
   * credit". The service is paid through the end of the prepaid cycle that holds the billing
   * period, or the end of the subscription's active window if that is earlier. The prepaid cycle
   * is the billing period itself (a month, a quarter, a year, calendar or anniversary, as the
   * account's schedule says), unless the price in force on the period's last day is for a longer
   * cycle than the account bills in: an annual price billed monthly is a prepaid year, which runs
   * from the later of the subscription's first local day and the first day of the run of annual
   * prices (on that day of month; calendar-aligned when neither is bounded). The days are added
   * to that instant as local
   * days in the account's zone, so a day across a daylight-saving change is 23 or 25 hours and
   * the term still ends at the same local time. A fractional day (a tier of {@code 0.5}, or days
   * cut pro rata by a cap) adds that share of the next local day, rounded up to the second.
   *
   * <pre>{@code
   * // June 2024 in New York, open-ended subscription, 3 days:
   * // paid through 2024-07-01T00:00-04:00, term extended to 2024-07-04T00:00-04:00
   * // (2024-07-04T04:00:00Z); 1.5 days: to 2024-07-02T12:00-04:00.
   * // March 2025 in Berlin, EUR 600.00 per ANNUAL billed monthly, active from 2025-03-01, 3 days:
   * // prepaid term 2025-03-01..2026-02-28, paid through 2026-03-01T00:00+01:00, term extended
   * // to 2026-03-04T00:00+01:00 (service through 3 March 2026).
   * }</pre>
   *
   * <p>When several lines of a decision carry days for the same subscription, they add up in
   * line order: each line extends the term from where the line before it left it, so the last
   * line's term end is the subscription's new term end. (A top-up or clawback repeats the term
   * end of the line it adjusts.)
   *
   * @return the new term end, or empty when the line carries no days (or zero days)
   */
  @Override
  public Optional<Instant> extendsTermTo() {
    return extendsTermTo;
  }

  /** One line: {@code USD 40.00 CREDIT sub-c2 goodwill-2007 v1 goodwill/free: reason [key]}. */
  public String describe() {
    return amount + " " + kind + (days.isPresent() ? " +" + days.get() + " days" : "") + " " + subscriptionId + " "
        + policyId + " v" + policyVersion + " " + rulePath + ": " + reason
        + (outageIds.isEmpty() ? "" : " (outages " + String.join(", ", outageIds) + ")") + " [" + key + "]";
  }
}
