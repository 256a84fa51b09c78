package dev.amends.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Its child counts only if a claim covering the subscription was filed before the deadline. */
final class RequiresClaim extends Combinator {
  private final ClaimDeadline deadline;
  private final RuleNode child;

  RequiresClaim(String id, ClaimDeadline deadline, RuleNode child) {
    super(id, List.of(Rules.checkChild(id, child)));
    this.deadline = java.util.Objects.requireNonNull(deadline, "deadline");
    this.child = child;
  }

  @Override
  String kind() {
    return "requires-claim";
  }

  @Override
  void appendParameters(StringBuilder sb) {
    sb.append(",deadline=").append(deadline.canonical());
  }

  @Override
  Evaluation evaluate(Evaluator evaluator, String path, RuleContext context) {
    ConditionResult r = deadline.check(context);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("observed", r.observed());
    values.put("expected", r.expected());
    if (!r.met()) {
      return new Evaluation(
          new TraceNode(path, kind(), Verdict.NOT_MET, "no claim in time: " + r.describe(), values, Optional.empty(),
              List.of(evaluator.skipped(child, path, "skipped: no claim in time").trace())),
          List.of(), Set.of());
    }
    Evaluation e = evaluator.evaluate(child, path, context);
    return passOn(path, e.matched() ? Verdict.CREDITED : Verdict.NOT_MET, "claim in time: " + r.describe(), values, e,
        List.of(e.trace()), e.flags());
  }
}
