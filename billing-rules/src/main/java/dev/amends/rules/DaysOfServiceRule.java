package dev.amends.rules;

import dev.amends.core.internal.Checks;
import java.util.List;

/**
 * Availability tiers mapped to days of service: a term extension in days and, when valued at a
 * day count, their value in money at that day count's daily rate of the full fee. The engine
 * turns the days into the line's new term end.
 *
 * @param id the node id
 * @param tiers the table, ascending by lower bound; values are days
 * @param value what the days are worth
 */
public record DaysOfServiceRule(String id, List<Tier> tiers, DaysValue value) implements StandardRule {
  /**
   * Checks the node; the tiers are kept ascending by lower bound, and checked for gaps and
   * overlaps when the policy is built.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, {@code
   *     <id>.value} or {@code <id>.tiers} (with the index of a null tier) when null
   */
  public DaysOfServiceRule {
    Rules.checkId(id);
    Checks.notNull(id + ".value", value);
    tiers = Tiers.sorted(id + ".tiers", tiers);
  }

  /** {@code days-of-service}. */
  @Override
  public String kind() {
    return "days-of-service";
  }
}
