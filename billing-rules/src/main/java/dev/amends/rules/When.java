package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import dev.amends.rules.engine.Evaluator;
import java.util.List;
import java.util.Optional;

/**
 * If the condition holds, the {@code then} branch; otherwise the {@code otherwise} branch, if any.
 *
 * @param id the node id
 * @param condition the condition tested
 * @param then the node evaluated when it holds
 * @param otherwise the node evaluated when it does not; empty for no credit
 */
public record When(String id, Condition condition, RuleNode then, Optional<RuleNode> otherwise)
    implements Combinator {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.child}, {@code <id>.otherwise} or {@code <id>.condition} when null
   */
  public When {
    Rules.checkId(id);
    Rules.checkChild(id, then);
    dev.amends.core.internal.Checks.notNull(id + ".otherwise", otherwise);
    Rules.checkCondition(id, condition);
  }

  /** {@code when}. */
  @Override
  public String kind() {
    return "when";
  }

  /** {@code then}, and {@code otherwise} if present. */
  @Override
  public List<RuleNode> children() {
    return otherwise.isPresent() ? List.of(then, otherwise.get()) : List.of(then);
  }

  /** Evaluates the node; the branches are evaluated through {@code evaluator}. */
  public Evaluation evaluate(Evaluator evaluator, String path, RuleContext context) {
    boolean tracing = evaluator.tracing();
    // Without traces, a condition on the subscription alone (plan, placement, active window) is
    // answered without building the texts of its result; r is read only when tracing.
    Boolean holds = tracing ? null : Conditions.holdsOnSubscription(condition, context);
    ConditionResult r = holds == null ? evaluator.test(condition, path, context) : null;
    boolean met = holds != null ? holds : r.met();
    List<TraceNode> traces = evaluator.traces();
    Evaluation taken;
    if (met) {
      taken = evaluator.evaluate(then, path, context);
      evaluator.add(traces, taken.trace());
      if (tracing && otherwise.isPresent()) {
        traces.add(evaluator.skipped(otherwise.get(), path, "skipped: condition met"));
      }
    } else {
      if (tracing) {
        traces.add(evaluator.skipped(then, path, "skipped: condition not met"));
      }
      if (otherwise.isEmpty()) {
        return new Evaluation(
            tracing ? notMet(path, "condition not met: " + r.describe(), r.traceValues(), traces) : null,
            List.of(), java.util.Set.of());
      }
      taken = evaluator.evaluate(otherwise.get(), path, context);
      evaluator.add(traces, taken.trace());
    }
    if (!tracing) {
      return Evaluation.untraced(taken, taken.flags());
    }
    Verdict verdict = taken.matched() ? Verdict.CREDITED : Verdict.NOT_MET;
    return evaluator.passOn(this, path, verdict, "condition " + (met ? "met" : "not met") + ": " + r.describe(),
        r.traceValues(), taken, traces, taken.flags());
  }

  /**
   * The trace of a when without an otherwise whose condition is not met: {@link Verdict#NOT_MET}
   * with the summary and values given, over the traces of its skipped then-branch.
   */
  TraceNode notMet(String path, String summary, java.util.Map<String, TraceValue> values, List<TraceNode> skipped) {
    return new TraceNode(path, kind(), Verdict.NOT_MET, summary, values, Optional.empty(), skipped);
  }
}
