package dev.amends.rules;

import java.util.List;

/** A node that combines other nodes. Built only by {@link Rules}. */
abstract sealed class Combinator implements RuleNode
    permits Sum, MostGenerous, FirstMatch, ExactlyOne, Cap, When, RequiresClaim {
  private final String id;

  Combinator(String id) {
    this.id = Rules.checkId(id);
  }

  @Override
  public final String id() {
    return id;
  }

  /** The kind in traces: {@code sum}, {@code most-generous}, …. */
  abstract String kind();

  /** The child nodes, in the order written. */
  abstract List<RuleNode> children();

  /** Evaluates the node; children are evaluated through {@code evaluator}. */
  abstract Evaluation evaluate(Evaluator evaluator, String path, RuleContext context);

  @Override
  public String canonical() {
    StringBuilder sb = new StringBuilder(kind()).append('(').append(id);
    appendParameters(sb);
    for (RuleNode c : children()) {
      sb.append(',').append(c.canonical());
    }
    return sb.append(')').toString();
  }

  /** Adds {@code ,name=value} pairs for the node's own parameters. */
  void appendParameters(StringBuilder sb) {}

  @Override
  public String toString() {
    return canonical();
  }
}
