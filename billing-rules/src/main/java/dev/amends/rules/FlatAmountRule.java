package dev.amends.rules;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.ExactMoney;
import java.util.List;
import org.joda.money.Money;

/** A fixed amount, one per currency served. */
final class FlatAmountRule implements CreditRule {
  private final String id;
  private final List<Money> amounts;

  FlatAmountRule(String id, List<Money> amounts) {
    this.id = Rules.checkId(id);
    this.amounts = List.copyOf(amounts);
    if (this.amounts.isEmpty()) {
      throw InvalidInputException.of(id + ".amounts", "must not be empty", amounts);
    }
    java.util.Set<org.joda.money.CurrencyUnit> seen = new java.util.HashSet<>();
    for (Money m : this.amounts) {
      if (m.isNegative()) {
        throw InvalidInputException.of(id + ".amounts", "must not be negative", m);
      }
      if (!seen.add(m.getCurrencyUnit())) {
        throw InvalidInputException.of(id + ".amounts", "has two amounts in " + m.getCurrencyUnit(), amounts);
      }
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "flat-amount";
  }

  @Override
  public String canonical() {
    return kind() + "(" + id + "," + amounts + ")";
  }

  @Override
  public Outcome evaluate(RuleContext context) {
    Money amount = amounts.stream()
        .filter(m -> m.getCurrencyUnit().equals(context.account().currency()))
        .findFirst()
        .orElseThrow(() -> InvalidInputException.of(
            id + ".amounts", "has no amount in " + context.account().currency(), amounts));
    return Outcome.credit(ExactMoney.of(amount), "flat credit of " + amount).withValue("amount", amount);
  }

  @Override
  public String toString() {
    return canonical();
  }
}
