package dev.amends.rules;

/**
 * A node of a policy's rule tree: either a {@link CreditRule} (a leaf that decides one credit)
 * or a combinator built by {@link Rules} ({@code sum}, {@code mostGenerous}, {@code firstMatch},
 * {@code exactlyOne}, {@code cap}, {@code when}, {@code requiresClaim}).
 *
 * <p>Every node has an id, unique within its policy; the path of ids from the root names the
 * node in decisions and traces ({@code sla/tiers}). Implement {@link CreditRule} to add your own
 * leaf; combinators come only from {@link Rules}. Nodes are immutable and thread-safe.
 */
public sealed interface RuleNode permits CreditRule, Combinator {
  /** The node's id, unique within its policy. */
  String id();

  /**
   * A canonical, deterministic description of the node and its parameters. It feeds the
   * policy's digest, so two nodes with the same description must behave the same.
   */
  String canonical();
}
