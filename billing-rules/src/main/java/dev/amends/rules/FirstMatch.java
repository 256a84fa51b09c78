package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import dev.amends.rules.engine.Evaluator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first child, in the order written, that gives a credit (a positive amount or days); a
 * child that gives no credit or a zero credit is not a match. Later children are not evaluated
 * and are traced as {@link Verdict#SKIPPED}.
 *
 * @param id the node id
 * @param children the children, in the order written; not empty
 */
public record FirstMatch(String id, List<RuleNode> children) implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.children} (with the index of a null child) for missing children
   */
  public FirstMatch {
    Rules.checkId(id);
    children = Rules.checkChildren(id, children);
  }

  /** {@code first-match}. */
  @Override
  public String kind() {
    return "first-match";
  }

  /** Evaluates the node; children are evaluated through {@code evaluator}. */
  public Evaluation evaluate(Evaluator evaluator, String path, RuleContext context) {
    List<TraceNode> traces = evaluator.traces();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    Evaluation match = null;
    String matchId = null;
    for (RuleNode child : children()) {
      if (match != null) {
        if (!evaluator.tracing()) {
          break;
        }
        traces.add(evaluator.skipped(child, path, "skipped: " + matchId + " matched first"));
        continue;
      }
      Evaluation e = evaluator.evaluate(child, path, context);
      evaluator.add(traces, e.trace());
      flags.addAll(e.flags());
      if (e.matched()) {
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
    return evaluator.passOn(this, path, Verdict.CREDITED, "first match: " + matchId,
        Map.of("match", TraceValue.text(matchId)), match, traces, flags);
  }
}
