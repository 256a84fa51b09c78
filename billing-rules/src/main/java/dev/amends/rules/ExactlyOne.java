package dev.amends.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every child is evaluated; at most one may give a credit. Two or more credits are an error
 * that names the first two: the policy's author promised they exclude each other.
 */
final class ExactlyOne extends Combinator {
  ExactlyOne(String id, List<RuleNode> children) {
    super(id, children);
  }

  @Override
  String kind() {
    return "exactly-one";
  }

  @Override
  Evaluation evaluate(Evaluator evaluator, String path, RuleContext context) {
    List<TraceNode> traces = new ArrayList<>();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    Evaluation match = null;
    String matchId = null;
    for (RuleNode child : children()) {
      Evaluation e = evaluator.evaluate(child, path, context);
      traces.add(e.trace());
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
      return noCredit(path, traces, flags);
    }
    return passOn(path, Verdict.CREDITED, "the one match: " + matchId, Map.of("match", matchId), match, traces,
        flags);
  }
}
