package dev.amends.rules;

import java.util.List;

/**
 * Availability tiers mapped to a percentage of the fee for the period.
 *
 * @param id the node id
 * @param tiers the table, ascending by lower bound; values are percentages of the fee
 */
public record AvailabilityTiersRule(String id, List<Tier> tiers) implements StandardRule {
  /**
   * Checks the node; the tiers are kept ascending by lower bound, and checked for gaps and
   * overlaps when the policy is built.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.tiers} (with the index of a null tier) when null
   */
  public AvailabilityTiersRule {
    Rules.checkId(id);
    tiers = Tiers.sorted(id + ".tiers", tiers);
  }

  /** {@code availability-tiers}. */
  @Override
  public String kind() {
    return "availability-tiers";
  }
}
