package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class WhenTest {
  static final RuleContext BASIC_PLAN =
      context(account("acct-b", subscription("sub-1", "basic", USD_20_00)), JUNE_2024_UTC, OUT_1);

  @Test
  void takesThenBranchAndTracesTheConditionValues() {
    Evaluation e = evaluate(Rules.when("grid-only", Conditions.planIn("grid"), Fixed.credit("a", "1.00")));

    assertThat(e.trace().verdict()).isEqualTo(Verdict.CREDITED);
    assertThat(e.trace().values()).containsEntry("observed", TraceValue.text("plan grid"))
        .containsEntry("expected", TraceValue.text("plan in [grid]"));
    assertThat(e.trace().summary()).isEqualTo("condition met: plan grid; plan in [grid]: met");
    assertThat(e.lines()).extracting(Evaluation.PendingLine::path).containsExactly("grid-only/a");
  }

  @Test
  void givesNothingAndSkipsThenWhenConditionFailsWithoutOtherwise() {
    Evaluation e = evaluate(Rules.when("grid-only", Conditions.planIn("grid"), new Exploding("a")), BASIC_PLAN);

    assertThat(e.lines()).isEmpty();
    assertThat(e.trace().verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(e.trace().summary()).isEqualTo("condition not met: plan basic; plan in [grid]: not met");
    assertThat(e.trace().values()).containsEntry("observed", TraceValue.text("plan basic"));
    assertThat(e.trace().children()).extracting(TraceNode::path, TraceNode::verdict, TraceNode::summary)
        .containsExactly(tuple("grid-only/a", Verdict.SKIPPED, "skipped: condition not met"));
  }

  @Test
  void takesOtherwiseWhenConditionFailsAndTracesThenAsSkipped() {
    Evaluation e = evaluate(Rules.when("by-plan", Conditions.planIn("grid"), new Exploding("grid-credit"),
        Fixed.credit("basic-credit", "0.50")), BASIC_PLAN);

    assertThat(e.lines()).extracting(Evaluation.PendingLine::path).containsExactly("by-plan/basic-credit");
    assertThat(e.trace().verdict()).isEqualTo(Verdict.CREDITED);
    assertThat(e.trace().children()).extracting(TraceNode::path, TraceNode::verdict)
        .containsExactly(tuple("by-plan/grid-credit", Verdict.SKIPPED), tuple("by-plan/basic-credit", Verdict.CREDITED));
  }

  @Test
  void skipsOtherwiseWhenConditionHolds() {
    Evaluation e = evaluate(Rules.when("by-plan", Conditions.planIn("grid"), Fixed.credit("grid-credit", "1.00"),
        new Exploding("basic-credit")));

    assertThat(e.lines()).extracting(Evaluation.PendingLine::path).containsExactly("by-plan/grid-credit");
    assertThat(e.trace().find("by-plan/basic-credit")).get()
        .extracting(TraceNode::verdict, TraceNode::summary)
        .containsExactly(Verdict.SKIPPED, "skipped: condition met");
  }

  @Test
  void isNotMetWhenTheTakenBranchGivesNothing() {
    Evaluation e = evaluate(Rules.when("grid-only", Conditions.planIn("grid"), Fixed.none("a", "no")));

    assertThat(e.trace().verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(e.trace().values()).containsEntry("observed", TraceValue.text("plan grid"));
  }
}
