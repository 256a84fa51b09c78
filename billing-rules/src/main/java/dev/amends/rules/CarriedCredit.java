package dev.amends.rules;

import dev.amends.core.internal.Checks;
import org.joda.money.Money;

/**
 * An amount a cap cut in one period and carries forward to the next, for a cap declared with
 * {@link Rules.Excess#CARRIED_FORWARD}. The engine reports these in {@link
 * CreditDecision#carriedForward()}; hand them to the next period's {@link
 * DecisionRequest#carriedIn()} and they come in under the same cap, subject to it again.
 *
 * @param subscriptionId the subscription
 * @param policyId the policy whose cap cut it
 * @param capPath the cap's path in the policy's tree
 * @param amount the amount carried, rounded once with the policy's rounding; not negative
 */
public record CarriedCredit(String subscriptionId, String policyId, String capPath, Money amount) {
  /**
   * Validates: every part present, the texts one line without control characters, the amount
   * not negative.
   *
   * @throws dev.amends.core.InvalidInputException naming the part, such as {@code carried.capPath}
   *     or {@code carried.amount}
   */
  public CarriedCredit {
    Checks.id("carried.subscriptionId", subscriptionId);
    Checks.id("carried.policyId", policyId);
    Checks.id("carried.capPath", capPath);
    Checks.notNull("carried.amount", amount);
    if (amount.isNegative()) {
      // A cap carries forward what it cut: never less than nothing. A negative amount would come
      // in as a silent clawback.
      throw dev.amends.core.InvalidInputException.of("carried.amount",
          "must not be negative (a cap carries forward the amount it cut)", amount);
    }
  }
}
