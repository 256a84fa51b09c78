package dev.amends.rules;

import dev.amends.core.InvalidInputException;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One credit per outage: its child is evaluated once for each outage that counted downtime in
 * the period's measurement, in order of start, each time seeing only that outage (the
 * measurement's counted downtime, downtime, availability, contributions and breakdown are that
 * outage's own, overlaps with other outages included; the context's outages are that one), and
 * every line it gives rests on that outage alone. For "50 times the charges for each
 * interruption, each at most 100 % of the fee" (UpCloud):
 *
 * <pre>{@code
 * Rules.perOutage("each",
 *     Rules.cap("at-most-fee", CapLimit.percentOfFee(new BigDecimal("100")),
 *         Rules.multipleOfProratedFee("fifty-times", new BigDecimal("50"), Duration.ZERO)));
 * }</pre>
 *
 * <p>A cap under it caps each outage on its own; a cap above it sees every outage's lines. An
 * outage whose downtime the measurement rules dropped (shorter than the minimum downtime,
 * excluded, outside the period) counts nothing, so it gives no line; a measurement from
 * telemetry names no outages, so nothing is given under it. A line's rule path holds the outage
 * id in brackets after this node's id ({@code sla/each[INC-7]/fifty-times}), so each outage's
 * line has its own idempotency key, and a trace shows one child per outage, named so. A cap
 * that carries its cut forward may not sit under it: the carry would be named by an outage of
 * this period, which the next period does not have.
 *
 * @param id the node id
 * @param child the node evaluated once per outage
 */
public record PerOutage(String id, RuleNode child) implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.child} when null or when it holds a cap carrying forward
   */
  public PerOutage {
    Rules.checkId(id);
    Rules.checkChild(id, child);
    ArrayDeque<RuleNode> nodes = new ArrayDeque<>();
    nodes.push(child);
    while (!nodes.isEmpty()) {
      RuleNode node = nodes.pop();
      if (node instanceof Cap c && c.excess() == Rules.Excess.CARRIED_FORWARD) {
        throw InvalidInputException.of(id + ".child",
            "must not hold a cap that carries its cut forward (" + c.id() + "): under per-outage the carry"
                + " would be named by an outage of this period", c.id());
      }
      if (node instanceof Combinator k) {
        k.children().forEach(nodes::push);
      }
    }
  }

  /** {@code per-outage}. */
  @Override
  public String kind() {
    return "per-outage";
  }

  /** The one child. */
  @Override
  public List<RuleNode> children() {
    return List.of(child);
  }
}
