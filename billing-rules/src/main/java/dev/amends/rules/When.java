package dev.amends.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** If the condition holds, the {@code then} branch; otherwise the {@code otherwise} branch, if any. */
final class When extends Combinator {
  private final Condition condition;
  private final RuleNode then;
  private final RuleNode otherwise; // may be null

  When(String id, Condition condition, RuleNode then, RuleNode otherwise) {
    super(id, otherwise == null ? List.of(Rules.checkChild(id, then)) : List.of(Rules.checkChild(id, then), otherwise));
    this.condition = Rules.checkCondition(id, condition);
    this.then = then;
    this.otherwise = otherwise;
  }

  @Override
  String kind() {
    return "when";
  }

  /** The condition tested. */
  Condition condition() {
    return condition;
  }

  @Override
  void appendParameters(StringBuilder sb) {
    sb.append(",if=").append(condition.canonical());
  }

  @Override
  Evaluation evaluate(Evaluator evaluator, String path, RuleContext context) {
    ConditionResult r = evaluator.test(condition, path, context);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("observed", r.observed());
    values.put("expected", r.expected());
    List<TraceNode> traces = new ArrayList<>();
    Evaluation taken;
    if (r.met()) {
      taken = evaluator.evaluate(then, path, context);
      traces.add(taken.trace());
      if (otherwise != null) {
        traces.add(evaluator.skipped(otherwise, path, "skipped: condition met").trace());
      }
    } else {
      traces.add(evaluator.skipped(then, path, "skipped: condition not met").trace());
      if (otherwise == null) {
        return new Evaluation(
            new TraceNode(path, kind(), Verdict.NOT_MET, "condition not met: " + r.describe(), values,
                Optional.empty(), traces),
            List.of(), java.util.Set.of());
      }
      taken = evaluator.evaluate(otherwise, path, context);
      traces.add(taken.trace());
    }
    Verdict verdict = taken.matched() ? Verdict.CREDITED : Verdict.NOT_MET;
    return passOn(path, verdict, "condition " + (r.met() ? "met" : "not met") + ": " + r.describe(), values, taken,
        traces, taken.flags());
  }
}
