package dev.amends.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  Evaluation evaluate(Evaluator evaluator, String path, RuleContext context) {
    ConditionResult r = evaluator.test(condition, path, context);
    if (!r.met() && otherwise.isEmpty()) {
      return notMet(evaluator, path, values(r), "condition not met: " + r.describe());
    }
    Map<String, String> values = values(r);
    List<TraceNode> traces = new ArrayList<>();
    Evaluation taken;
    if (r.met()) {
      taken = evaluator.evaluate(then, path, context);
      traces.add(taken.trace());
      if (otherwise.isPresent()) {
        traces.add(evaluator.skipped(otherwise.get(), path, "skipped: condition met").trace());
      }
    } else {
      traces.add(evaluator.skipped(then, path, "skipped: condition not met").trace());
      taken = evaluator.evaluate(otherwise.get(), path, context);
      traces.add(taken.trace());
    }
    Verdict verdict = taken.matched() ? Verdict.CREDITED : Verdict.NOT_MET;
    return Evaluator.passOn(this, path, verdict, "condition " + (r.met() ? "met" : "not met") + ": " + r.describe(), values, taken,
        traces, taken.flags());
  }

  /**
   * What a when without an otherwise gives when its condition is not met: no line, a {@link
   * Verdict#NOT_MET} node with the summary given and the then-branch skipped.
   */
  Evaluation notMet(Evaluator evaluator, String path, Map<String, String> values, String summary) {
    return new Evaluation(
        new TraceNode(path, kind(), Verdict.NOT_MET, summary, values, Optional.empty(),
            List.of(evaluator.skipped(then, path, "skipped: condition not met").trace())),
        List.of(), java.util.Set.of());
  }

  static Map<String, String> values(ConditionResult r) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("observed", r.observed());
    values.put("expected", r.expected());
    return values;
  }
}
