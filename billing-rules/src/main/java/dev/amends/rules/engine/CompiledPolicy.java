package dev.amends.rules.engine;

import dev.amends.rules.RuleNode;
import dev.amends.rules.StandardRule;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A rule tree compiled once into a plan: a tree of {@link Step}s, one small final class per kind
 * of node, each holding its full path, its converted decimals and tier tables, and its children
 * as an array, so that evaluating a subscription converts no decimal, joins no path (but below a
 * per-outage node, once per outage) and builds no object per node. Built per policy by the
 * engine and shared by every thread; immutable once built.
 */
public final class CompiledPolicy {
  /** Nothing compiled: every tree is compiled when it is evaluated, and every standard rule when it is. */
  public static final CompiledPolicy EMPTY = new CompiledPolicy(null, null, Map.of());

  private final RuleNode root;
  private final Step plan;
  // The compiled standard leaves of the tree, by the rule records themselves (identity).
  private final Map<StandardRule, StandardRules.Leaf> leaves;

  private CompiledPolicy(RuleNode root, Step plan, Map<StandardRule, StandardRules.Leaf> leaves) {
    this.root = root;
    this.plan = plan;
    this.leaves = leaves;
  }

  /** Compiles a tree, at the root (its size is bounded by {@code Policy.MAX_NODES}). */
  public static CompiledPolicy of(RuleNode root) {
    Step plan = Step.compile(root, "");
    Map<StandardRule, StandardRules.Leaf> leaves = new IdentityHashMap<>();
    Step.leaves(plan, leaves);
    return new CompiledPolicy(root, plan, leaves);
  }

  /** The plan of a tree whose parent sits at {@code parentPath}: this one's for its own root, else compiled now. */
  Step plan(RuleNode node, String parentPath) {
    return node == root && parentPath.isEmpty() ? plan : Step.compile(node, parentPath);
  }

  /** The compiled standard rule of the tree, or the rule compiled now if it is not in the tree. */
  StandardRules.Leaf leaf(StandardRule rule) {
    StandardRules.Leaf l = leaves.get(rule);
    return l != null ? l : StandardRules.compile(rule);
  }
}
