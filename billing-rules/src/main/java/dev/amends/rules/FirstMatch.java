package dev.amends.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first child, in the order written, that gives a credit (a positive amount or days); a
 * child that gives no credit or a zero credit is not a match. Later children are not evaluated
 * and are traced as {@link Verdict#SKIPPED}.
 */
final class FirstMatch extends Combinator {
  FirstMatch(String id, List<RuleNode> children) {
    super(id, children);
  }

  @Override
  String kind() {
    return "first-match";
  }

  @Override
  Evaluation evaluate(Evaluator evaluator, String path, RuleContext context) {
    List<TraceNode> traces = new ArrayList<>();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    Evaluation match = null;
    String matchId = null;
    for (RuleNode child : children()) {
      if (match != null) {
        traces.add(evaluator.skipped(child, path, "skipped: " + matchId + " matched first").trace());
        continue;
      }
      Evaluation e = evaluator.evaluate(child, path, context);
      traces.add(e.trace());
      flags.addAll(e.flags());
      if (e.matched()) {
        match = e;
        matchId = child.id();
      }
    }
    if (match == null) {
      return noCredit(path, traces, flags);
    }
    return passOn(path, Verdict.CREDITED, "first match: " + matchId, Map.of("match", matchId), match, traces, flags);
  }
}
