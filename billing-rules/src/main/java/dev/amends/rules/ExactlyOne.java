package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import dev.amends.rules.engine.Evaluator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every child is evaluated; at most one may give a credit. Two or more credits are an error
 * that names the first two: the policy's author promised they exclude each other.
 *
 * @param id the node id
 * @param children the children, in the order written; not empty
 */
public record ExactlyOne(String id, List<RuleNode> children) implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.children} (with the index of a null child) for missing children
   */
  public ExactlyOne {
    Rules.checkId(id);
    children = Rules.checkChildren(id, children);
  }

  /** {@code exactly-one}. */
  @Override
  public String kind() {
    return "exactly-one";
  }

  /** Evaluates the node; children are evaluated through {@code evaluator}. */
  public Evaluation evaluate(Evaluator evaluator, String path, RuleContext context) {
    List<TraceNode> traces = evaluator.traces();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    Evaluation match = null;
    String matchId = null;
    for (RuleNode child : children()) {
      Evaluation e = evaluator.evaluate(child, path, context);
      evaluator.add(traces, e.trace());
      flags.addAll(e.flags());
      if (e.matched()) {
        if (match != null) {
          throw new RuleEvaluationException(path,
              "expects exactly one match but both " + path + "/" + matchId
                  + " and " + Evaluator.pathOf(path, child) + " gave a credit", null);
        }
        match = e;
        matchId = child.id();
      }
    }
    if (match == null) {
      return evaluator.noCredit(this, path, traces, flags);
    }
    if (!evaluator.tracing()) {
      return Evaluation.untraced(match, flags);
    }
    return evaluator.passOn(this, path, Verdict.CREDITED, "the one match: " + matchId,
        Map.of("match", TraceValue.text(matchId)), match, traces, flags);
  }
}
