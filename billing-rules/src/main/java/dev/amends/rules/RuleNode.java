package dev.amends.rules;

/**
 * A node of a policy's rule tree: either a {@link CreditRule} (a leaf that decides one credit:
 * one of the library's, a sealed {@link StandardRule}, or one of your own) or a {@link Combinator} ({@link Sum}, {@link MostGenerous}, {@link FirstMatch}, {@link
 * ExactlyOne}, {@link Cap}, {@link When}, {@link RequiresClaim}, {@link PerOutage}).
 *
 * <p>Every node has an id, unique within its policy; the path of ids from the root names the
 * node in decisions and traces ({@code sla/tiers}). The standard nodes are records: their
 * components are their parameters, readable as data, and the policy's digest is derived from
 * them. Implement {@link CreditRule} to add your own leaf, exposing its parameters through {@link
 * CreditRule#parameters()}. Nodes are immutable and thread-safe.
 */
public sealed interface RuleNode permits CreditRule, Combinator {
  /** The node's id, unique within its policy. */
  String id();

  /** The node's kind in traces, such as {@code availability-tiers} or {@code cap}. */
  String kind();

  /**
   * A canonical, deterministic description of the node and its parameters, derived from its
   * data (the same text the policy's digest is computed from).
   */
  default String canonical() {
    return Canonical.of(this);
  }
}
