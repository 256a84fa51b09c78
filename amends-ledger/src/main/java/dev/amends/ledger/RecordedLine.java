package dev.amends.ledger;

import dev.amends.core.money.Ratio;
import dev.amends.rules.CreditLine;
import dev.amends.rules.IssuedCredit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;

/**
 * A credit line as the ledger holds it: what the decision's {@link CreditLine} said, the run that
 * recorded it and when. What a billing page shows: the amount, the reason and the outages.
 *
 * @param key the line's idempotency key, unique in the ledger
 * @param kind a credit, a top-up or a clawback
 * @param amount the amount at the currency's scale; negative for a clawback
 * @param days the days of service, exact, if the line carries any
 * @param termEnd the subscription's new term end, if the line carries days
 * @param accountId the account
 * @param subscriptionId the subscription
 * @param periodStart the billing period's first day, in the account's zone
 * @param periodEnd the day after the billing period's last day
 * @param policyId the deciding policy
 * @param policyVersion its version
 * @param policyDigest its digest
 * @param rulePath the rule's path in the policy's tree
 * @param outageIds the outages the credit rests on
 * @param reason the one-line reason with the numbers
 * @param runId the run that recorded it
 * @param recordedAt when it was recorded
 */
public record RecordedLine(
    String key,
    CreditLine.Kind kind,
    Money amount,
    Optional<Ratio> days,
    Optional<Instant> termEnd,
    String accountId,
    String subscriptionId,
    LocalDate periodStart,
    LocalDate periodEnd,
    String policyId,
    int policyVersion,
    String policyDigest,
    String rulePath,
    List<String> outageIds,
    String reason,
    String runId,
    Instant recordedAt) {

  /** Checks every part is there; copies the outage ids. */
  public RecordedLine {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(days, "days");
    Objects.requireNonNull(termEnd, "termEnd");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(periodEnd, "periodEnd");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(policyDigest, "policyDigest");
    Objects.requireNonNull(rulePath, "rulePath");
    outageIds = List.copyOf(outageIds);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }

  /** The line as reconciliation (and a rolling window, for its outages) takes it. */
  public IssuedCredit issued() {
    return new IssuedCredit(key, amount, policyId, subscriptionId, rulePath, days, outageIds);
  }

  /**
   * True if {@code line} says the same as this one in everything that is money or identity: key,
   * kind, account, subscription, period, amount and currency, days, term end, policy id and rule
   * path. The reason's wording, the outages listed, the policy's version and digest may differ (a
   * policy revised without changing this credit).
   */
  boolean sameCreditAs(CreditLine line) {
    return key.equals(line.key()) && kind == line.kind() && accountId.equals(line.accountId())
        && subscriptionId.equals(line.subscriptionId()) && periodStart.equals(line.period().startDate())
        && periodEnd.equals(line.period().endDate()) && amount.isSameCurrency(line.amount())
        && amount.getAmount().compareTo(line.amount().getAmount()) == 0 && days.equals(line.days())
        && termEnd.equals(line.extendsTermTo()) && policyId.equals(line.policyId())
        && rulePath.equals(line.rulePath());
  }

  /** One line: {@code USD 2.00 CREDIT acme-grid grid-sla v1 sla/tiers period 2007-12-01..2008-01-01 (run …)}. */
  public String describe() {
    return amount + " " + kind + days.map(d -> " +" + d + " days").orElse("") + " " + subscriptionId + " " + policyId
        + " v" + policyVersion + " " + rulePath + " period " + periodStart + ".." + periodEnd + " (run " + runId
        + ", recorded " + recordedAt + ")";
  }
}
