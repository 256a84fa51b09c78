package dev.amends.rules;

import dev.amends.core.internal.Checks;
import java.util.List;

/**
 * Limits the valued sum of its child's lines, before rounding. Per period, all lines form one
 * group; per incident, lines resting on the same outages form a group and each group is capped
 * on its own. A cut is spread {@link Rules.Spread#IN_ORDER in order} (earlier lines keep their
 * amounts, the cut falls on the last) or {@link Rules.Spread#PRO_RATA pro rata}. In order, each
 * line in turn keeps the largest share of its amount and of its days (the same share of both)
 * that fits in what the limit leaves, in money and, for a day limit, in days; so under a money
 * limit the lines sum exactly to the limit, and under a day limit neither the money nor the days
 * exceed it. Pro rata, every line keeps the same share, the smaller of {@code limit / sum} in
 * money and in days. Whatever is cut
 * is gone, unless the cap says {@link Rules.Excess#CARRIED_FORWARD}: then the cut is reported in
 * the decision ({@link CreditDecision#carriedForward()}), and when it is handed back in the next
 * period's request it comes in as an extra line under this cap, {@code <cap path>/carried-in},
 * subject to the cap again.
 *
 * @param id the node id
 * @param limit the limit
 * @param scope per period or per incident
 * @param spread how a cut is spread over several lines
 * @param excess what happens to the amount cut
 * @param child the node capped
 */
public record Cap(
    String id, CapLimit limit, Rules.CapScope scope, Rules.Spread spread, Rules.Excess excess, RuleNode child)
    implements Combinator {
  /** The id of the line a cap adds for an amount carried in; a cap's child may not use it. */
  public static final String CARRIED_IN = "carried-in";

  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.child}, {@code <id>.limit}, {@code <id>.scope}, {@code <id>.spread} or {@code
   *     <id>.excess} when null
   */
  public Cap {
    Rules.checkId(id);
    Checks.notNull(id + ".limit", limit);
    Checks.notNull(id + ".scope", scope);
    Checks.notNull(id + ".spread", spread);
    Checks.notNull(id + ".excess", excess);
    Rules.checkChild(id, child);
  }

  /** {@code cap}. */
  @Override
  public String kind() {
    return "cap";
  }

  /** The one child. */
  @Override
  public List<RuleNode> children() {
    return List.of(child);
  }
}
