package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import dev.amends.rules.engine.Evaluator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Its child counts only if a claim covering the subscription was filed before the deadline.
 *
 * @param id the node id
 * @param deadline when the claim must be filed
 * @param child the node that counts only with a claim in time
 */
public record RequiresClaim(String id, ClaimDeadline deadline, RuleNode child) implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.deadline} or {@code <id>.child} when null
   */
  public RequiresClaim {
    Rules.checkId(id);
    dev.amends.core.internal.Checks.notNull(id + ".deadline", deadline);
    Rules.checkChild(id, child);
  }

  /** {@code requires-claim}. */
  @Override
  public String kind() {
    return "requires-claim";
  }

  /** The one child. */
  @Override
  public List<RuleNode> children() {
    return List.of(child);
  }

  /** Evaluates the node; the child is evaluated through {@code evaluator}. */
  public Evaluation evaluate(Evaluator evaluator, String path, RuleContext context) {
    ConditionResult r = deadline.check(context);
    if (!r.met()) {
      return new Evaluation(
          evaluator.tracing()
              ? new TraceNode(path, kind(), Verdict.NOT_MET, "no claim in time: " + r.describe(), r.traceValues(),
                  Optional.empty(), List.of(evaluator.skipped(child, path, "skipped: no claim in time")))
              : null,
          List.of(), Set.of());
    }
    Evaluation e = evaluator.evaluate(child, path, context);
    if (!evaluator.tracing()) {
      return Evaluation.untraced(e, e.flags());
    }
    return evaluator.passOn(this, path, e.matched() ? Verdict.CREDITED : Verdict.NOT_MET,
        "claim in time: " + r.describe(), r.traceValues(), e, List.of(e.trace()), e.flags());
  }
}
