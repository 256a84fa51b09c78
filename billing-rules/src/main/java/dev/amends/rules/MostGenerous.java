package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import dev.amends.rules.engine.Evaluator;
import dev.amends.rules.internal.Texts;
import dev.amends.core.money.ExactMoney;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The child whose lines are worth the most, valued in the fee's currency before rounding; ties
 * go to the first in the order written. The others stay in the trace as {@link Verdict#LOST},
 * with their amounts.
 *
 * @param id the node id
 * @param children the children, in the order written; not empty
 */
public record MostGenerous(String id, List<RuleNode> children) implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.children} (with the index of a null child) for missing children
   */
  public MostGenerous {
    Rules.checkId(id);
    children = Rules.checkChildren(id, children);
  }

  /** {@code most-generous}. */
  @Override
  public String kind() {
    return "most-generous";
  }

  /** Evaluates the node; children are evaluated through {@code evaluator}. */
  public Evaluation evaluate(Evaluator evaluator, String path, RuleContext context) {
    ExactMoney zero = ExactMoney.zero(context.account().currency());
    List<Evaluation> evals = new ArrayList<>();
    int winner = -1;
    ExactMoney best = null;
    for (RuleNode child : children()) {
      Evaluation e = evaluator.evaluate(child, path, context);
      evals.add(e);
      if (e.matched()) {
        ExactMoney total = e.total(zero);
        if (best == null || total.compareTo(best) > 0) {
          best = total;
          winner = evals.size() - 1;
        }
      }
    }
    List<TraceNode> traces = evaluator.traces();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    for (int i = 0; i < evals.size(); i++) {
      Evaluation e = evals.get(i);
      if (evaluator.tracing()) {
        traces.add(i != winner && e.matched()
            ? e.trace().with(Verdict.LOST, e.trace().summary() + "; lost to " + children().get(winner).id() + " ("
                + Texts.money(best) + " >= " + Texts.money(e.total(zero)) + ")")
            : e.trace());
      }
      if (i == winner || winner < 0) {
        flags.addAll(e.flags());
      } else if (e.flags().contains(DecisionFlag.AMBIGUOUS_BOUNDARY)) {
        flags.add(DecisionFlag.AMBIGUOUS_BOUNDARY); // a person should still look at an unmapped boundary
      }
    }
    if (winner < 0) {
      return evaluator.noCredit(this, path, traces, flags);
    }
    if (!evaluator.tracing()) {
      return Evaluation.untraced(evals.get(winner), flags);
    }
    String summary = "most generous: " + children().get(winner).id() + " with " + Texts.money(best);
    return new Evaluation(
        new TraceNode(path, kind(), Verdict.CREDITED, summary,
            Map.of("winner", TraceValue.text(children().get(winner).id())), Optional.of(best), traces),
        evals.get(winner).lines(), flags, evals.get(winner).carried());
  }
}
