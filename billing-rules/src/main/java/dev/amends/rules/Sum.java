package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import dev.amends.rules.engine.Evaluator;
import dev.amends.rules.internal.Texts;
import dev.amends.core.money.ExactMoney;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every child's lines, kept as separate lines.
 *
 * @param id the node id
 * @param children the children, in the order written; not empty
 */
public record Sum(String id, List<RuleNode> children) implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.children} (with the index of a null child) for missing children
   */
  public Sum {
    Rules.checkId(id);
    children = Rules.checkChildren(id, children);
  }

  /** {@code sum}. */
  @Override
  public String kind() {
    return "sum";
  }

  /** Evaluates the node; children are evaluated through {@code evaluator}. */
  public Evaluation evaluate(Evaluator evaluator, String path, RuleContext context) {
    List<TraceNode> traces = evaluator.traces();
    List<PendingLine> lines = new ArrayList<>();
    Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
    List<Evaluation.Carry> carried = new ArrayList<>();
    for (RuleNode child : children()) {
      Evaluation e = evaluator.evaluate(child, path, context);
      evaluator.add(traces, e.trace());
      lines.addAll(e.lines());
      flags.addAll(e.flags());
      carried.addAll(e.carried());
    }
    if (!evaluator.tracing()) {
      return new Evaluation(null, lines, flags, carried);
    }
    ExactMoney total = ExactMoney.zero(context.account().currency());
    for (PendingLine l : lines) {
      total = total.plus(l.amount());
    }
    Verdict verdict = lines.isEmpty() ? Verdict.NOT_MET : Verdict.CREDITED;
    String summary = lines.isEmpty()
        ? "no child gave a credit"
        : "sum of " + lines.size() + " line(s) = " + Texts.money(total);
    return new Evaluation(
        new TraceNode(path, kind(), verdict, summary, Map.of(), lines.isEmpty() ? Optional.empty() : Optional.of(total),
            traces),
        lines, flags, carried);
  }
}
