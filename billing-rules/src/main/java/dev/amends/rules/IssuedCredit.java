package dev.amends.rules;

import dev.amends.core.money.Ratio;
import java.util.List;
import java.util.Optional;
import dev.amends.core.internal.Checks;
import org.joda.money.Money;

/**
 * A credit already issued, as the account system recorded it: the line's idempotency key, the
 * amount, the policy that decided it, and the outages it rests on.
 *
 * <p>Given for the period decided ({@link DecisionRequest#issued()}), it is reconciled against
 * what the engine computes now. Given for earlier periods ({@link
 * DecisionRequest#issuedEarlier()}), only its outages are read: a rolling measurement window
 * ({@link MeasurementWindow.RollingDays}) does not count them again under the same policy for
 * the same subscription. Records written before the outages were kept have none, and then
 * nothing is left out.
 *
 * @param key the idempotency key of the issued line (a credit, a top-up or a clawback)
 * @param amount the amount issued; negative for a clawback
 * @param policyId the policy that decided it
 * @param subscriptionId the subscription it was for
 * @param rulePath the path of the rule that gave it
 * @param days the days of service issued with it, if any (negative for a clawback of days)
 * @param outageIds the outages the issued line rests on ({@link CreditLine#outageIds()}); empty if
 *     not recorded
 */
public record IssuedCredit(
    String key, Money amount, String policyId, String subscriptionId, String rulePath, Optional<Ratio> days,
    List<String> outageIds) {
  /**
   * Validates: every part present, the texts one line without control characters.
   *
   * @throws dev.amends.core.InvalidInputException naming the part, such as {@code issued.key}
   */
  public IssuedCredit {
    Checks.id("issued.key", key);
    Checks.notNull("issued.amount", amount);
    Checks.id("issued.policyId", policyId);
    Checks.id("issued.subscriptionId", subscriptionId);
    Checks.id("issued.rulePath", rulePath);
    Checks.notNull("issued.days", days);
    Checks.notNull("issued.outageIds", outageIds);
    for (int i = 0; i < outageIds.size(); i++) {
      Checks.id("issued.outageIds[" + i + "]", outageIds.get(i));
    }
    outageIds = List.copyOf(outageIds);
  }

  /**
   * An issued credit whose outages were not recorded.
   *
   * @throws dev.amends.core.InvalidInputException naming the part, such as {@code issued.key}
   */
  public IssuedCredit(
      String key, Money amount, String policyId, String subscriptionId, String rulePath, Optional<Ratio> days) {
    this(key, amount, policyId, subscriptionId, rulePath, days, List.of());
  }

  /**
   * An issued credit with no days of service.
   *
   * @throws dev.amends.core.InvalidInputException naming the part, such as {@code issued.key}
   */
  public IssuedCredit(String key, Money amount, String policyId, String subscriptionId, String rulePath) {
    this(key, amount, policyId, subscriptionId, rulePath, Optional.empty(), List.of());
  }

  /** The record of issuing a line, its days of service and its outages included. */
  public static IssuedCredit of(CreditLine line) {
    Checks.notNull("issued.line", line);
    return new IssuedCredit(line.key(), line.amount(), line.policyId(), line.subscriptionId(), line.rulePath(),
        line.days(), line.outageIds());
  }

  /** The key of the original credit this adjusts: the part before any {@code /}. */
  public String baseKey() {
    int slash = key.indexOf('/');
    return slash < 0 ? key : key.substring(0, slash);
  }
}
