package dev.amends.rules;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A rule tree prepared once for evaluation: the tier tables of its tier rules, their bounds
 * converted to exact fractions, so that evaluating a subscription re-parses nothing. Built
 * lazily by {@link Policy} and shared by every thread; immutable once built.
 */
final class CompiledPolicy {
  /** Nothing compiled: every tier rule builds its table when evaluated. */
  static final CompiledPolicy EMPTY = new CompiledPolicy(Map.of());

  private final Map<RuleNode, TierTable> tables;

  private CompiledPolicy(Map<RuleNode, TierTable> tables) {
    this.tables = tables;
  }

  /** Compiles a tree, without recursion (its size is bounded by {@link Policy#MAX_NODES}). */
  static CompiledPolicy of(RuleNode root) {
    Map<RuleNode, TierTable> tables = new IdentityHashMap<>();
    ArrayDeque<RuleNode> nodes = new ArrayDeque<>();
    nodes.push(root);
    while (!nodes.isEmpty()) {
      RuleNode node = nodes.pop();
      switch (node) {
        case AvailabilityTiersRule a -> tables.computeIfAbsent(a, n -> new TierTable(a.tiers()));
        case DaysOfServiceRule d -> tables.computeIfAbsent(d, n -> new TierTable(d.tiers()));
        case Combinator c -> c.children().forEach(nodes::push);
        default -> { }
      }
    }
    return new CompiledPolicy(tables);
  }

  /** The compiled table of a tier rule of the tree, or a new one for a rule that is not in it. */
  TierTable table(RuleNode rule, java.util.List<Tier> tiers) {
    TierTable t = tables.get(rule);
    return t != null ? t : new TierTable(tiers);
  }
}
