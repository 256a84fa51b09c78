package dev.amends.rules;

import java.util.List;

/**
 * A node that combines other nodes: {@link Sum}, {@link MostGenerous}, {@link FirstMatch}, {@link
 * ExactlyOne}, {@link Cap}, {@link When}, {@link RequiresClaim} or {@link PerOutage}. Each is a record whose
 * components are its parameters, so a policy's tree can be read as data:
 *
 * <pre>{@code
 * switch (node) {
 *   case Cap c -> c.limit();               // CapLimit.PercentOfFee[percent=100]
 *   case When w -> w.condition();
 *   case Combinator c -> c.children();
 *   case CreditRule r -> r.parameters();
 * }
 * }</pre>
 *
 * <p>Build them with {@link Rules} or their constructors, which check the same things. How they
 * are evaluated is not part of the API. Immutable and thread-safe when their children are.
 */
public sealed interface Combinator extends RuleNode
    permits Sum, MostGenerous, FirstMatch, ExactlyOne, Cap, When, RequiresClaim, PerOutage {
  /** The kind in traces: {@code sum}, {@code most-generous}, {@code first-match}, …. */
  @Override
  String kind();

  /** The child nodes, in the order written; never empty. */
  List<RuleNode> children();
}
