package dev.amends.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A node that combines other nodes. Built only by {@link Rules}. */
abstract sealed class Combinator implements RuleNode
    permits Sum, MostGenerous, FirstMatch, ExactlyOne, Cap, When, RequiresClaim {
  private final String id;
  private final List<RuleNode> children;

  Combinator(String id, List<RuleNode> children) {
    this.id = Rules.checkId(id);
    this.children = Rules.checkChildren(id, children);
  }

  @Override
  public final String id() {
    return id;
  }

  /** The kind in traces: {@code sum}, {@code most-generous}, …. */
  abstract String kind();

  /** The child nodes, in the order written. */
  final List<RuleNode> children() {
    return children;
  }

  /** The evaluation of a node that passes on the lines of the child it chose. */
  final Evaluation passOn(
      String path, Verdict verdict, String summary, Map<String, String> values, Evaluation chosen,
      List<TraceNode> traces, Set<DecisionFlag> flags) {
    return new Evaluation(
        new TraceNode(path, kind(), verdict, summary, values, chosen.trace().amount(), traces),
        chosen.lines(), flags, chosen.carried());
  }

  /** The evaluation of a node none of whose children gave a credit. */
  final Evaluation noCredit(String path, List<TraceNode> traces, Set<DecisionFlag> flags) {
    return new Evaluation(
        new TraceNode(path, kind(), Verdict.NOT_MET, "no child gave a credit", Map.of(), Optional.empty(), traces),
        List.of(), flags);
  }

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
