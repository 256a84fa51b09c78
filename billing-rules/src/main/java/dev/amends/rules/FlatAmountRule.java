package dev.amends.rules;

import dev.amends.core.InvalidInputException;
import java.util.List;
import org.joda.money.Money;

/**
 * A fixed amount, one per currency served.
 *
 * @param id the node id
 * @param amounts the amounts, one per currency
 */
public record FlatAmountRule(String id, List<Money> amounts) implements StandardRule {
  /**
   * Checks the node.
   *
   * @throws InvalidInputException naming {@code rule.id} for a bad id, or {@code <id>.amounts}
   *     when null, empty, holding a null or a negative amount, or two amounts in one currency
   */
  public FlatAmountRule {
    Rules.checkId(id);
    dev.amends.core.internal.Checks.notNull(id + ".amounts", amounts);
    for (int i = 0; i < amounts.size(); i++) {
      dev.amends.core.internal.Checks.notNull(id + ".amounts[" + i + "]", amounts.get(i));
    }
    List<Money> given = amounts;
    amounts = List.copyOf(amounts);
    if (amounts.isEmpty()) {
      throw InvalidInputException.of(id + ".amounts", "must not be empty", given);
    }
    java.util.Set<org.joda.money.CurrencyUnit> seen = new java.util.HashSet<>();
    for (Money m : amounts) {
      if (m.isNegative()) {
        throw InvalidInputException.of(id + ".amounts", "must not be negative", m);
      }
      if (!seen.add(m.getCurrencyUnit())) {
        throw InvalidInputException.of(id + ".amounts", "has two amounts in " + m.getCurrencyUnit(), given);
      }
    }
  }

  /** {@code flat-amount}. */
  @Override
  public String kind() {
    return "flat-amount";
  }
}
